import { once } from "node:events";
import { createServer, request as forward, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";

export interface ForwardProxy {
  url: string;
  /** `METHOD target` of every request, in order: absolute-form URLs, or `CONNECT host:port`. */
  seen: string[];
  /** The proxy's own server, e.g. to shorten how long it keeps an idle client connection. */
  server: Server;
  /** Client connections accepted so far. */
  connections(): number;
  /** Client connections still open. */
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

/** A forward proxy (absolute-form requests) and CONNECT tunnel on loopback, recording what it was asked for. */
export async function startForwardProxy(): Promise<ForwardProxy> {
  const seen: string[] = [];
  const proxy = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const upstream = forward(req.url ?? "", { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on("connect", (req, client, head) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  let accepted = 0;
  proxy.on("connection", () => {
    accepted += 1;
  });
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    seen,
    server: proxy,
    connections: () => accepted,
    openConnections: () =>
      new Promise((resolve, reject) =>
        proxy.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      ),
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}
