// `npm run bench` line: a hostile build-server API that serves pages forever (Azure DevOps changes, 1000
// a page, a continuation token on every one). The collection's budget must end it at the commit cap, as
// cheaply as an honest build of that size: the peer is the same CLI reading an honest 10,000-change
// build (ten pages, then no token) from the same fake, interleaved, so the ratios hold on any machine.
import { createServer } from "node:http";
import { hasPeakRss, interleaved, measure } from "./measure.mjs";

const pageSize = 1000;
const honestPages = 10;

function changesPage(token) {
  const value = Array.from({ length: pageSize }, (_, index) => {
    const n = token * pageSize + index;
    return { id: n.toString(16).padStart(40, "0"), message: `SHOP-${n} change ${n}\n\nFixes #${n}` };
  });
  return JSON.stringify({ count: pageSize, value });
}

/** The changes API: `endless` sends a next token on every page, the honest one stops after ten pages. */
async function startChangesApi() {
  const pages = Array.from({ length: honestPages + 1 }, (_, token) => changesPage(token));
  const server = createServer((request, response) => {
    request.resume();
    const url = new URL(request.url ?? "/", "http://x");
    const token = Number(url.searchParams.get("continuationToken") ?? 0);
    const endless = url.pathname.includes("/builds/666/");
    const next = endless || token + 1 < honestPages ? { "x-ms-continuationtoken": String(token + 1) } : {};
    response.writeHead(200, { "content-type": "application/json", ...next });
    response.end(pages[Math.min(token, honestPages)]);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Time to end and peak memory of collecting from the endless API, against the honest build. */
export async function hostilePaging(list, report) {
  const api = await startChangesApi();
  const env = (buildId) => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TF_BUILD: "True",
    SYSTEM_TEAMFOUNDATIONCOLLECTIONURI: `${api.url}/acme/`,
    SYSTEM_TEAMPROJECT: "Shop",
    BUILD_BUILDID: buildId,
    BUILD_BUILDNUMBER: "1",
    BUILD_REPOSITORY_PROVIDER: "GitHub",
    BUILD_SOURCEVERSION: "0".repeat(40),
    SYSTEM_ACCESSTOKEN: "bench-token",
  });
  const collect = (build, buildId) => () =>
    measure([...build.argv, "collect", "--from", "azure-devops"], { env: env(buildId) });
  try {
    const samples = await interleaved(
      5,
      list.flatMap((build) => [collect(build, "1"), collect(build, "666")]),
    );
    for (const [index, build] of list.entries()) {
      const [honest, hostile] = [samples[2 * index], samples[2 * index + 1]];
      const name = `collect from an API serving pages forever, ended at the commit cap (${build.name})`;
      report(name, hostile.ms, "an honest 10,000-change build", honest.ms, 1.5);
      if (hasPeakRss)
        report(`${name}, peak RSS`, hostile.rssKb, "the honest build's", honest.rssKb, 1.5, "MB");
    }
  } finally {
    await api.close();
  }
}
