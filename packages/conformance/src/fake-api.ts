import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
}

export interface FakeApiResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON. */
  body?: string | object;
}

export type FakeApiHandler = (request: FakeApiRequest) => FakeApiResponse | Promise<FakeApiResponse>;

export interface FakeApi {
  url: string;
  requests: FakeApiRequest[];
  close(): Promise<void>;
}

/** A loopback HTTP server for build-server API fakes (Jenkins, TeamCity, Azure DevOps, …). */
export async function startFakeApi(handler: FakeApiHandler): Promise<FakeApi> {
  const requests: FakeApiRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const request: FakeApiRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: Object.fromEntries(
        Object.entries(req.headersDistinct).map(([name, values = []]) => [name, values.join(", ")]),
      ),
    };
    requests.push(request);
    req.resume();
    Promise.resolve()
      .then(() => handler(request))
      .then(
        (response) => {
          const isJson = typeof response.body === "object" && response.body !== null;
          const body = isJson ? JSON.stringify(response.body) : ((response.body as string | undefined) ?? "");
          const headers: Record<string, string> = {
            ...(isJson ? { "content-type": "application/json; charset=utf-8" } : {}),
            ...response.headers,
          };
          res.writeHead(response.status ?? 200, headers);
          res.end(body);
        },
        (error: unknown) => {
          res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
          res.end(`fake API handler failed: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
