// The pages of `buildinfo serve` with a lot stored, in Debian's Chromium (playwright-core): the time to first
// contentful paint of the library's list with 1,000 records stored, of the release notes preview with 1,000
// records to pick from, and of one record of 10,000 commits, each against the same list page of an empty
// space, measured in the same run, interleaved; and the record page's HTML size against its JSON.
// `npm run bench` runs it (bench.mjs); standalone: `pnpm -r build`, then `node test/bench/serve-pages.mjs`.

import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startOctopusServer } from "../../packages/server/dist/index.js";
import { interleaved } from "./measure.mjs";

const records = 1000;
const commitsOfTheLargeRecord = 10_000;

async function push(server, packageId, version, commits) {
  const answer = await fetch(`${server.url}/api/Spaces-1/build-information`, {
    method: "POST",
    headers: { "X-Octopus-ApiKey": server.apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({
      PackageId: packageId,
      Version: version,
      OctopusBuildInformation: {
        BuildEnvironment: "Bench",
        BuildNumber: version,
        BuildUrl: `https://ci.example.com/build/${version}`,
        Branch: "main",
        VcsType: "Git",
        VcsRoot: "https://github.com/acme/shop",
        VcsCommitNumber: commits[0].Id,
        Commits: commits,
      },
    }),
  });
  if (!answer.ok) throw new Error(`push ${packageId} ${version}: HTTP ${answer.status}`);
  return (await answer.json()).Id;
}

const commit = (n) => ({
  Id: (n * 2654435761).toString(16).padStart(40, "0").slice(-40),
  Comment: `Fixes #${n} in the order pipeline${n % 5 === 0 ? "\n\nA body that explains the change in a sentence or two." : ""}`,
});

/** The figures: each page's first contentful paint against the empty list's, and the record's HTML against its JSON. */
export async function measureServePages(times) {
  execFileSync(
    "sh",
    [fileURLToPath(new URL("../../scripts/ensure-system-tools.sh", import.meta.url)), "chromium"],
    {
      stdio: "inherit",
    },
  );
  const server = await startOctopusServer({
    spaces: [
      { Id: "Spaces-1", Name: "Default", IsDefault: true },
      { Id: "Spaces-2", Name: "Empty", IsDefault: false },
    ],
    issueTrackers: { github: { baseUrl: "https://github.com" } },
  });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    for (let index = 1; index < records; index++)
      await push(server, `Acme.Service${index % 50}`, `1.0.${index}`, [commit(index)]);
    const large = await push(
      server,
      "Acme.Monolith",
      "9.9.9",
      Array.from({ length: commitsOfTheLargeRecord }, (_, n) => commit(n + 1)),
    );
    // A new tab each time: the time is not the previous page's unloading.
    const firstPaint = (path) => async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}${path}`, { waitUntil: "load" });
      // The paint may come after the load event: wait for its entry (buffered, so one already made counts).
      const ms = await page.evaluate(
        () =>
          new Promise((resolve) => {
            new PerformanceObserver((entries) => {
              const paint = entries.getEntriesByName("first-contentful-paint")[0];
              if (paint !== undefined) resolve(paint.startTime);
            }).observe({ type: "paint", buffered: true });
          }),
      );
      await page.close();
      return { ms, rssKb: Number.NaN };
    };
    const recordPath = `/app/Spaces-1/library/buildinformation/${large}`;
    const [empty, list, releaseNotes, record] = await interleaved(times, [
      firstPaint("/app/Spaces-2/library/buildinformation"),
      firstPaint("/app/Spaces-1/library/buildinformation"),
      firstPaint("/app/Spaces-1/release-notes"),
      firstPaint(recordPath),
    ]);
    const html = await (await fetch(`${server.url}${recordPath}`)).text();
    const json = await (
      await fetch(`${server.url}/api/Spaces-1/build-information/${large}`, {
        headers: { "X-Octopus-ApiKey": server.apiKey },
      })
    ).text();
    return {
      records,
      commitsOfTheLargeRecord,
      empty,
      list,
      releaseNotes,
      record,
      htmlKb: Buffer.byteLength(html) / 1024,
      jsonKb: Buffer.byteLength(json) / 1024,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(await measureServePages(5), null, 2)}\n`);
}
