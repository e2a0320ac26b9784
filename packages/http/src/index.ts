/** The GET client build-server adapters receive as `context.http`, and its options. */

/** The transport the Octopus client sends through, what one send is given, and how to make one. */
export type { SendOptions, Transport } from "./create-transport";
/** Creates a transport: Node's http direct, undici's ProxyAgent through a proxy, with retries. */
export { createTransport } from "./create-transport";
export type { HttpClientOptions } from "./http-client";
/** Creates the adapters' GET client: statuses returned, transport failures thrown as E_NETWORK / E_TIMEOUT. */
export { createHttpClient } from "./http-client";
/** What `Transport.send` returns: the last answer, the attempts, whether an earlier attempt may have arrived. */
export type { RetriedResponse, RetryOptions } from "./retry";
/** The retry defaults, and a URL without credentials or query values, for messages. */
export { defaultRetry, describeUrl } from "./retry";
/** One request as the transport sends it. */
export type { OutgoingRequest } from "./send";
/** The per-request timeouts (connect, headers, body silence). */
export type { RequestTimeouts } from "./transport";
/** The default timeouts and sockets per server. */
export { defaultConnectionsPerOrigin, defaultRequestTimeouts } from "./transport";
/** Whether a failed send may still have reached the server (its answer was lost after sending). */
export { mayHaveArrived } from "./transport-errors";
/** How every client reaches a server: user agent, dispatcher, logger, retries, timeouts, proxy variables. */
export type { TransportOptions } from "./transport-options";
/** The `User-Agent` both clients send unless told otherwise. */
export { defaultUserAgent } from "./user-agent";
