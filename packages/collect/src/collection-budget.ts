import {
  BuildInfoError,
  type CollectionLimits,
  defaultCollectionLimits,
  type HttpClient,
  type HttpResponse,
  isBuildInfoError,
} from "@buildinfo/core";

/** The limits an embedder may set for one collection; `durationMs` is counted from its start. */
export interface CollectionLimitOptions {
  /** Bytes of build-server answers, all requests together. Default 128 MiB. */
  bytes?: number;
  /** Requests to the build server, all reads together. Default 1000. */
  requests?: number;
  /** How long the collection may ask the build server. Default 5 minutes. */
  durationMs?: number;
}

/** One answer alone is never read past this (`@buildinfo/http`'s cap), so a lower budget is what stopped it. */
const perAnswerCap = 32 * 1024 * 1024;

const mebibytes = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes} bytes`;

/** Origin and path only: a query may carry tokens. */
function withoutQuery(url: string): string {
  try {
    const target = new URL(url);
    return `${target.origin}${target.pathname}`;
  } catch {
    return "(an invalid URL)";
  }
}

/**
 * The one budget of a collection (`CollectionLimits`), shared by every read of its collector: the HTTP
 * client it hands out (`guard`) counts requests and bytes and ends every request by the deadline. When a
 * limit is reached, that request is refused or cut off with `E_COLLECTION_LIMIT`, every read still in
 * flight is aborted and no other starts; `cut` says why, for the degrade policy to warn about.
 * `collectPages` keeps the pages read before, and stops by itself at `limits.commits`.
 */
export class CollectionBudget {
  readonly limits: CollectionLimits;
  /** Why reading stopped early, when a limit was reached. */
  cut: string | undefined;
  readonly #durationMs: number;
  /** Aborted at the cut and when the collection ends: no read of it runs on. */
  readonly #stop = new AbortController();
  #requests = 0;
  #bytes = 0;

  constructor(commits: number, options: CollectionLimitOptions = {}, now = Date.now()) {
    this.#durationMs = options.durationMs ?? defaultCollectionLimits.durationMs;
    this.limits = {
      commits,
      bytes: options.bytes ?? defaultCollectionLimits.bytes,
      requests: options.requests ?? defaultCollectionLimits.requests,
      deadline: now + this.#durationMs,
    };
  }

  /** `http` within the budget: the collector's `context.http`. */
  guard(http: HttpClient): HttpClient {
    return {
      get: async (url, options = {}) => {
        const { bytes, requests, deadline } = this.limits;
        if (this.#stop.signal.aborted) throw this.#stopped(url);
        if (Date.now() >= deadline) throw this.#reached(url, `${this.#durationMs / 1000} s`);
        if (this.#requests >= requests) throw this.#reached(url, `${requests} requests`);
        if (this.#bytes >= bytes) throw this.#reached(url, `${mebibytes(bytes)} of answers`);
        this.#requests += 1;
        const remaining = bytes - this.#bytes;
        let response: HttpResponse;
        try {
          response = await http.get(url, {
            ...options,
            deadline: Math.min(options.deadline ?? deadline, deadline),
            maxBytes: Math.min(options.maxBytes ?? remaining, remaining),
            signal:
              options.signal === undefined
                ? this.#stop.signal
                : AbortSignal.any([options.signal, this.#stop.signal]),
          });
        } catch (error) {
          if (this.#stop.signal.aborted) throw this.#stopped(url);
          if (!isBuildInfoError(error)) throw error;
          if (error.code === "E_TIMEOUT" && Date.now() >= deadline) {
            throw this.#reached(url, `${this.#durationMs / 1000} s`);
          }
          if (error.code === "E_RESPONSE_TOO_LARGE" && remaining < perAnswerCap) {
            throw this.#reached(url, `${mebibytes(bytes)} of answers`);
          }
          throw error;
        }
        this.#bytes += Buffer.byteLength(response.text);
        // The last answer may take the budget to its end, not past it: a client that ignored maxBytes.
        if (this.#bytes > bytes) throw this.#reached(url, `${mebibytes(bytes)} of answers`);
        return response;
      },
    };
  }

  /** Ends every read still running: the collection is over, whatever its collector left in flight. */
  end(): void {
    this.#stop.abort();
  }

  #reached(url: string, limit: string): BuildInfoError {
    this.cut ??= `Stopped reading ${withoutQuery(url)}: this collection reached its limit of ${limit} from the build server's API.`;
    // Stop at once: the pages and answers still in flight are not read to their end.
    this.#stop.abort();
    return this.#stopped(url);
  }

  /** A read refused or aborted because a limit was reached, or because the collection has ended. */
  #stopped(url: string): BuildInfoError {
    return new BuildInfoError("E_COLLECTION_LIMIT", this.cut ?? "The collection has ended.", {
      source: withoutQuery(url),
    });
  }
}
