import { Agent as HttpAgent, request as httpRequest } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import { pipeline, type Readable, Transform } from "node:stream";

export interface NodeHttpLimits {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  connections: number;
  keepAliveMs: number;
}

export interface RequestOptions {
  method: string;
  headers: Record<string, string>;
  body?: string | null;
  signal?: AbortSignal;
  headersTimeout?: number;
  bodyTimeout?: number;
}

/** The part of undici's `request()` answer the transport reads; both paths give it. */
export interface ResponseData {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

/** An error shaped like undici's, so one classifier serves both paths. */
function timeoutError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * Requests straight to the server through Node's own http/https (keep-alive, a bounded pool per
 * origin), for when no proxy variable is set: it avoids loading undici, which costs more start-up
 * time than a push spends on the network (docs/performance.md). TLS is verified by Node's defaults,
 * including `NODE_EXTRA_CA_CERTS`. Timeouts fail with undici's error codes.
 */
export class NodeHttpDispatcher {
  readonly #limits: NodeHttpLimits;
  readonly #agentOptions: { keepAlive: true; maxSockets: number; timeout: number };
  readonly #http: HttpAgent;
  // node:https (with tls and crypto) is loaded for the first https request: about 2.5 ms of start-up
  // that a push to an http server never needs.
  #https: Promise<{ agent: HttpsAgent; send: typeof httpRequest }> | undefined;

  constructor(limits: NodeHttpLimits) {
    this.#limits = limits;
    this.#agentOptions = { keepAlive: true, maxSockets: limits.connections, timeout: limits.keepAliveMs };
    this.#http = new HttpAgent(this.#agentOptions);
  }

  #tls(): Promise<{ agent: HttpsAgent; send: typeof httpRequest }> {
    this.#https ??= import("node:https").then(({ Agent, request }) => ({
      agent: new Agent(this.#agentOptions),
      send: request,
    }));
    return this.#https;
  }

  async request(url: string, options: RequestOptions): Promise<ResponseData> {
    const target = new URL(url);
    const secure = target.protocol === "https:";
    const { agent, send } = secure ? await this.#tls() : { agent: this.#http, send: httpRequest };
    const headers: Record<string, string | number> = { ...options.headers };
    if (typeof options.body === "string") headers["content-length"] = Buffer.byteLength(options.body);
    const headersMs = options.headersTimeout ?? this.#limits.headersMs;
    const bodyMs = options.bodyTimeout ?? this.#limits.bodyMs;
    return new Promise((resolve, reject) => {
      const request = send(target, {
        method: options.method,
        headers,
        agent,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      let timer: NodeJS.Timeout | undefined;
      // Until the answer starts, a timeout fails the request; then it fails the body being read.
      let current: { destroy(error: Error): void } = request;
      const arm = (ms: number, code: string, message: string) => {
        clearTimeout(timer);
        timer = setTimeout(() => current.destroy(timeoutError(code, message)), ms).unref();
      };
      request.once("socket", (socket) => {
        if (!socket.connecting) return;
        arm(this.#limits.connectMs, "UND_ERR_CONNECT_TIMEOUT", "Connect Timeout Error");
        socket.once(secure ? "secureConnect" : "connect", () => clearTimeout(timer));
      });
      request.once("finish", () => arm(headersMs, "UND_ERR_HEADERS_TIMEOUT", "Headers Timeout Error"));
      request.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.once("response", (response) => {
        current = response;
        const silence = () => arm(bodyMs, "UND_ERR_BODY_TIMEOUT", "Body Timeout Error");
        silence();
        // Each chunk read restarts the silence timer; an error of the answer reaches the reader.
        const chunks = new Transform({
          transform(chunk, _encoding, done) {
            silence();
            done(null, chunk);
          },
        });
        const body = pipeline(response, chunks, () => clearTimeout(timer));
        resolve({
          statusCode: response.statusCode ?? 0,
          headers: response.headers,
          body,
        });
      });
      request.end(options.body ?? undefined);
    });
  }

  async close(): Promise<void> {
    this.#http.destroy();
    if (this.#https !== undefined) (await this.#https).agent.destroy();
  }
}
