import { defaultCommitCap } from "./commits";

/**
 * What one collection may read from a build server's API, every read of the run together: owned by the
 * collect pipeline, which hands the limits to the collector (`AdapterContext.limits`) and enforces the
 * bytes, requests and deadline in the HTTP client it gives it. A hostile or broken API (endless pages,
 * huge pages, a `total_commits` that lies) ends within them; what was cut is warned about.
 */
export interface CollectionLimits {
  /**
   * Commits a paged read keeps: it asks for no further page once it holds this many. The pipeline sets
   * the commit cap + 1, as for the checkout, so the core still warns that the history was longer.
   */
  readonly commits: number;
  /** Bytes of answers, every request together (one answer alone is also capped at 32 MiB). */
  readonly bytes: number;
  /** Requests, every read together: a page is a request, so is each re-read of one commit. */
  readonly requests: number;
  /** Epoch ms after which no request starts, and a running one is aborted. */
  readonly deadline: number;
}

/** The limits of a collection unless an embedder gives others; `durationMs` sets the deadline from the start. */
export const defaultCollectionLimits = {
  commits: defaultCommitCap + 1,
  bytes: 128 * 1024 * 1024,
  requests: 1000,
  durationMs: 5 * 60 * 1000,
} as const;
