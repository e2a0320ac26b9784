import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Loopback {
  url: string;
  server: Server;
  requests: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[];
  /** Connections accepted so far. */
  connections(): number;
  /** Connections still open. */
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

/** A tiny loopback HTTP server for transport tests that need exact control of every answer. */
export async function startLoopback(
  handler: (req: IncomingMessage, res: ServerResponse, body: string, index: number) => void,
): Promise<Loopback> {
  const requests: Loopback["requests"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handler(req, res, body, requests.length - 1);
    });
  });
  let accepted = 0;
  server.on("connection", () => {
    accepted += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    requests,
    connections: () => accepted,
    openConnections: () =>
      new Promise((resolve, reject) =>
        server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
