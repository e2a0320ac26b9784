import type { IncomingMessage, ServerResponse } from "node:http";
import { type Loopback, startLoopback } from "../../http/test/support/loopback";

export interface StubOptions {
  /** Space roots carry the BuildInformation link unless this is false (a pre-2019.9 server). */
  buildInformationLink?: boolean;
  /** Answers everything below `/api/Spaces-1/build-information`. */
  buildInformation: (req: IncomingMessage, res: ServerResponse, body: string, index: number) => void;
}

const spaces = [
  { Id: "Spaces-1", Name: "Default", IsDefault: true },
  { Id: "Spaces-2", Name: "Ops Team", IsDefault: false },
];

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Answers the space discovery calls like Octopus and hands build-information calls to the test, for
 * answers the faithful local server does not give (exact error bodies, HTML pages, old servers).
 */
export function startOctopusStub(options: StubOptions): Promise<Loopback> {
  return startLoopback((req, res, body, index) => {
    const url = new URL(req.url ?? "/", "http://stub");
    if (url.pathname === "/api/spaces") {
      const partial = url.searchParams.get("partialName")?.toLowerCase() ?? "";
      return json(res, 200, { Items: spaces.filter((space) => space.Name.toLowerCase().includes(partial)) });
    }
    const space = /^\/api\/(?:spaces\/)?(Spaces-\d+)$/.exec(url.pathname);
    if (space) {
      const found = spaces.find((s) => s.Id === space[1]);
      if (!found)
        return json(res, 404, { ErrorMessage: `The resource '${space[1]}' was not found.`, Errors: [] });
      const links: Record<string, string> = { Self: `/api/${found.Id}` };
      if (options.buildInformationLink !== false)
        links.BuildInformation = `/api/${found.Id}/build-information{/id}`;
      return json(res, 200, { ...found, Links: links });
    }
    if (url.pathname.startsWith("/api/Spaces-1/build-information")) {
      return options.buildInformation(req, res, body, index);
    }
    json(res, 404, { ErrorMessage: "Not found", Errors: [] });
  });
}
