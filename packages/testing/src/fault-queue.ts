/** Which requests a fault applies to; both parts must match when given. */
export interface FaultMatch {
  method?: string;
  /** Tested against the path without the query string. */
  path?: RegExp;
}

interface FaultCommon {
  /** How many matching requests the fault applies to (default 1). */
  times?: number;
  match?: FaultMatch;
}

export type Fault = FaultCommon &
  (
    | {
        kind: "status";
        status: number;
        retryAfter?: string;
        body?: string;
        contentType?: string;
        /** Handle the request first (a push is stored), then answer with this status anyway. */
        afterStore?: boolean;
      }
    | { kind: "latency"; ms: number }
    /** Destroys the socket before the request is handled: nothing is stored. */
    | { kind: "reset-before-store" }
    /** Handles the request (the record is stored), then destroys the socket without answering. */
    | { kind: "reset-after-store" }
    /** Never answers. */
    | { kind: "hang" }
    /**
     * Handles the request (the record is stored), sends 200 with JSON headers and a Content-Length of
     * the whole answer, then only part of the body, and never the rest (for the client's body timeout).
     */
    | { kind: "stall-body" }
  );

export interface FaultQueue {
  inject(fault: Fault): void;
  clear(): void;
}

interface PendingFault {
  fault: Fault;
  remaining: number;
}

/** Faults in injection order; each request takes the first one that matches it. */
export class InjectedFaults implements FaultQueue {
  private readonly pending: PendingFault[] = [];

  inject(fault: Fault): void {
    const remaining = fault.times ?? 1;
    if (!Number.isInteger(remaining) || remaining < 1) {
      throw new Error(`fault "${fault.kind}": times must be a positive integer, got ${fault.times}`);
    }
    this.pending.push({ fault, remaining });
  }

  clear(): void {
    this.pending.length = 0;
  }

  take(method: string, path: string): Fault | undefined {
    const index = this.pending.findIndex(({ fault: { match } }) => {
      if (match?.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
      if (match?.path) {
        match.path.lastIndex = 0;
        if (!match.path.test(path)) return false;
      }
      return true;
    });
    const entry = this.pending[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.pending.splice(index, 1);
    return entry.fault;
  }
}
