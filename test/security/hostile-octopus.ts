import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The key tests send to hostile servers; it must never appear in any output. */
export const testKey = "API-SECRETKEY000000000000";

export interface HostileServer {
  url: string;
  /** Requests received, as `METHOD /path`. */
  requests: string[];
  close(): Promise<void>;
}

/** A loopback "Octopus" whose every answer `reply` writes by hand: huge, slow, malformed, … */
export async function startHostileServer(
  reply: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<HostileServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    request.resume();
    response.on("error", () => {});
    reply(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes `chunk` until the client goes away, at most `maxBytes`, pausing `everyMs` between writes. */
export function stream(response: ServerResponse, chunk: string, everyMs: number, maxBytes = 1 << 30): void {
  let sent = 0;
  const timer = setInterval(() => {
    if (response.destroyed || sent >= maxBytes) {
      clearInterval(timer);
      if (!response.destroyed) response.end();
      return;
    }
    sent += chunk.length;
    response.write(chunk);
  }, everyMs);
  response.on("close", () => clearInterval(timer));
}

/** Answers like a minimal Octopus (one default space) except where `answers` says otherwise. */
export function octopusLike(answers: { spaces?: string; post?: { status: number; body: string } }) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    const json = (status: number, body: string) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(body);
    };
    if (path === "/api/spaces")
      json(200, answers.spaces ?? '{"Items":[{"Id":"Spaces-1","Name":"Default","IsDefault":true}]}');
    else if (path === "/api/Spaces-1")
      json(200, '{"Links":{"BuildInformation":"/api/Spaces-1/build-information"}}');
    else if (request.method === "POST" && answers.post) json(answers.post.status, answers.post.body);
    else json(404, '{"ErrorMessage":"not found"}');
  };
}
