import type { Environment, Logger } from "@buildinfo/core";
import type { Dispatcher } from "undici";
import type { RetryOptions } from "./retry";
import type { RequestTimeouts } from "./transport";

/** How every client of this package reaches a server; each adds its own `timeoutMs` default. */
export interface TransportOptions {
  userAgent?: string;
  /** Use this undici dispatcher instead of the built-in proxy-aware keep-alive agent. */
  dispatcher?: Dispatcher;
  logger?: Logger;
  retry?: RetryOptions;
  requestTimeouts?: RequestTimeouts;
  /** Where proxy variables are read from. Default `process.env`. */
  env?: Environment;
}
