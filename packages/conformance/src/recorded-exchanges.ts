import type { FakeApiHandler, FakeApiRequest } from "./fake-api";
import type { ApiExchange } from "./vector";

function matches(exchange: ApiExchange, request: FakeApiRequest): boolean {
  const wanted = exchange.request;
  if ((wanted.method ?? "GET").toUpperCase() !== request.method.toUpperCase()) return false;
  if (wanted.path !== request.path) return false;
  for (const [name, value] of Object.entries(wanted.query ?? {})) {
    if (request.query.get(name) !== value) return false;
  }
  for (const [name, value] of Object.entries(wanted.headers ?? {})) {
    if (!(request.headers[name.toLowerCase()] ?? "").includes(value)) return false;
  }
  return true;
}

/**
 * A build server's API made of a vector's exchanges: each request gets the first exchange it matches;
 * any other gets a 404 and is listed in `unanswered` (`GET /path?query`), so a report can name it.
 */
export function recordedExchanges(exchanges: readonly ApiExchange[], unanswered: string[]): FakeApiHandler {
  return (request) => {
    const exchange = exchanges.find((candidate) => matches(candidate, request));
    if (exchange === undefined) {
      const query = request.query.toString();
      unanswered.push(`${request.method} ${request.path}${query === "" ? "" : `?${query}`}`);
      return {
        status: 404,
        body: { message: "No exchange of the conformance vector answers this request." },
      };
    }
    const { status, headers, body } = exchange.response;
    return {
      ...(status === undefined ? {} : { status }),
      ...(headers === undefined ? {} : { headers }),
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : (body as object) }),
    };
  };
}
