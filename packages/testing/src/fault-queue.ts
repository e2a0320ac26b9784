import { setTimeout as sleep } from "node:timers/promises";
import { errorBody, type PendingExchange, type RequestHookResult } from "@buildinfo/server";

/** Which requests a fault applies to; both parts must match when given. */
export interface FaultMatch {
  method?: string;
  /** Tested against the path without the query string. */
  path?: RegExp;
}

/** What every fault has: how often it applies and to which requests. */
export interface FaultCommon {
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
  /** The server's `beforeRequest` hook that applies the faults: `startOctopusServer({ beforeRequest: faults.beforeRequest })`. */
  readonly beforeRequest: (exchange: PendingExchange) => Promise<RequestHookResult>;
}

export interface FaultQueueOptions {
  /** Added to every request, e.g. to give benchmarks a realistic round trip. */
  latencyMs?: number;
}

interface PendingFault {
  fault: Fault;
  remaining: number;
}

/**
 * Faults for the local Octopus server, in injection order: each request the server has read takes the
 * first pending fault that matches it.
 */
export function createFaultQueue(options: FaultQueueOptions = {}): FaultQueue {
  const pending: PendingFault[] = [];

  function take(method: string, path: string): Fault | undefined {
    const index = pending.findIndex(({ fault: { match } }) => {
      if (match?.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
      if (match?.path) {
        match.path.lastIndex = 0;
        if (!match.path.test(path)) return false;
      }
      return true;
    });
    const entry = pending[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) pending.splice(index, 1);
    return entry.fault;
  }

  async function beforeRequest(exchange: PendingExchange): Promise<RequestHookResult> {
    if (options.latencyMs) await sleep(options.latencyMs);
    const fault = take(exchange.request.method, exchange.request.path);
    switch (fault?.kind) {
      case "status":
        if (fault.afterStore) exchange.handle();
        sendStatus(exchange, fault);
        return "handled";
      case "reset-before-store":
        exchange.response.socket?.resetAndDestroy();
        return "handled";
      case "hang":
        return "handled";
      case "reset-after-store":
        exchange.handle();
        exchange.response.socket?.resetAndDestroy();
        return "handled";
      case "stall-body":
        stallBody(exchange);
        return "handled";
      case "latency":
        await sleep(fault.ms);
        return undefined;
      default:
        return undefined;
    }
  }

  return {
    inject(fault) {
      const remaining = fault.times ?? 1;
      if (!Number.isInteger(remaining) || remaining < 1) {
        throw new Error(`fault "${fault.kind}": times must be a positive integer, got ${fault.times}`);
      }
      pending.push({ fault, remaining });
    },
    clear() {
      pending.length = 0;
    },
    beforeRequest,
  };
}

function sendStatus({ response, send }: PendingExchange, fault: Extract<Fault, { kind: "status" }>): void {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers["retry-after"] = fault.retryAfter;
  if (fault.body === undefined) {
    send({ status: fault.status, headers, body: errorBody(`Injected fault: HTTP ${fault.status}.`) });
    return;
  }
  headers["content-type"] = fault.contentType ?? "text/plain; charset=utf-8";
  response.writeHead(fault.status, headers);
  response.end(fault.body);
}

/** Handles the request, then sends 200 and the headers of its whole JSON answer, and half its body; the rest never comes. */
function stallBody({ handle, response }: PendingExchange): void {
  const body = Buffer.from(JSON.stringify(handle().body ?? {}), "utf8");
  response.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(body.length),
  });
  response.write(body.subarray(0, Math.ceil(body.length / 2)));
}
