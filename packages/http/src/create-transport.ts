import { type RetriedResponse, sendWithRetry } from "./retry";
import { type OutgoingRequest, TransportError } from "./send";
import { createDispatcher, defaultConnectionsPerOrigin } from "./transport";
import { transportErrorToBuildInfoError } from "./transport-errors";
import type { TransportOptions } from "./transport-options";

/** One send: until when it may retry, and what it does, for messages ("pushing Acme.Web 1.2.3 to …"). */
export interface SendOptions {
  /** Epoch ms after which no attempt starts and the running one is aborted. */
  deadline: number;
  doing: string;
  /** The most bytes of an answer to read, when fewer than `maxResponseBytes` (32 MiB). */
  maxResponseBytes?: number;
  /** Ends the send when aborted, as the deadline does: the running attempt is aborted, no other starts. */
  signal?: AbortSignal;
}

/** Requests over one keep-alive, proxy-aware pool (or the given dispatcher), with retries. */
export interface Transport {
  /**
   * Sends `outgoing`, retrying network failures, timeouts, 5xx and 429 until an answer
   * that is not retryable, the attempt limit or `deadline` (the rules: `sendWithRetry`). Returns the last HTTP answer, whatever its
   * status; when no attempt got one, throws `BuildInfoError` E_NETWORK, E_TIMEOUT or
   * E_RESPONSE_TOO_LARGE saying what was being done (`mayHaveArrived` tells whether the request may
   * have reached the server).
   */
  send(outgoing: OutgoingRequest, options: SendOptions): Promise<RetriedResponse>;
  /** Closes the pool this transport made (not a dispatcher it was given). */
  close(): Promise<void>;
}

/** The transport both clients use: Node's http direct, undici's ProxyAgent through a proxy (transport.ts). */
export function createTransport(
  options: TransportOptions,
  connections = defaultConnectionsPerOrigin,
): Transport {
  const ownDispatcher = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ?? createDispatcher(options.env ?? process.env, options.requestTimeouts, connections);
  return {
    async send(outgoing, { deadline, doing, maxResponseBytes, signal }) {
      try {
        return await sendWithRetry(
          {
            dispatcher,
            deadline,
            ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }),
            ...(signal === undefined ? {} : { signal }),
            timeouts: options.requestTimeouts ?? {},
            retry: options.retry ?? {},
            logger: options.logger,
          },
          outgoing,
        );
      } catch (error) {
        if (error instanceof TransportError) throw transportErrorToBuildInfoError(error, doing);
        throw error;
      }
    },
    async close() {
      if (ownDispatcher) await dispatcher.close();
    },
  };
}
