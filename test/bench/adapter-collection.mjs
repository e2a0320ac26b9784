// `pnpm bench` section: collecting a 10,000-change build from each build server's fake API.
//
// The parent renders real-shaped payloads once (the shapes of adapters/*/test: TeamCity
// /app/rest/changes pages in XML and JSON, a Jenkins pipeline run's api/json, a Bamboo result with
// expand=changes.change), serves them from a loopback fake, and runs every collection in a fresh
// child node process so its peak memory is its own:
//   collect  the adapter's real `collect()` over HTTP (one timed call, as the CLI makes it once);
//   parse    the adapter's own parser over the same bodies, already in memory (no HTTP) — the parsers
//            are not exported, so they are bundled from the adapters' sources for this run;
//   idle     the same imports and nothing else: the memory baseline.
// HTTP time is the median collection minus the median parse. The fake counts the requests each
// collection makes: pages, never one per change.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const self = fileURLToPath(import.meta.url);
const dist = (path) => new URL(`../../${path}/dist/index.js`, import.meta.url).href;
const sourcePath = (path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const changeCount = 10_000;
const runsPerScenario = 5;

// ---------------------------------------------------------------- payloads (parent)

const sha = (n) => createHash("sha1").update(`bench-change-${n}`).digest("hex");

/** Newest first, multi-line comments with characters XML must escape, a CRLF and non-ASCII. */
function makeChanges() {
  return Array.from({ length: changeCount }, (_, index) => {
    const n = changeCount - index;
    const body =
      n % 3 === 0
        ? "\n\nThe price cache kept stale entries after a currency switch;\nkey them by currency too.\n\nCo-authored-by: Dana Lee <dana@example.com>\n"
        : "\n";
    return {
      id: sha(n),
      comment: `SHOP-${n} price cache <${n}> & "quotes" for café\r\n\n  indented body line\nFixes #${n}${body}`,
    };
  });
}

const xmlEscape = (text) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#xD;");

const rootId = "Shop_HttpsGithubComAcmeShopWebRefsHeadsMain";
const teamCityFields = (query) => query.get("fields") ?? "";

/** One /app/rest/changes page as TeamCity answers it (adapters/teamcity/test/teamcity-fixtures.ts). */
function teamCityPage(changes, { path, buildId, count, start, fields, json }) {
  const page = changes.slice(start, start + count);
  const more = start + count < changes.length;
  const nextHref = `${path}?locator=build:(id:${buildId}),count:${count},start:${start + count}&fields=${fields}`;
  if (json) {
    return JSON.stringify({
      count: page.length,
      ...(more ? { nextHref } : {}),
      change: page.map((change, i) => ({
        id: 5000 + start + i,
        version: change.id,
        comment: change.comment,
        vcsRootInstance: { id: String(start + i + 900), "vcs-root-id": rootId },
      })),
    });
  }
  const items = page.map((change, i) => {
    const index = start + i;
    const root = `<vcsRootInstance id="${index + 900}" vcs-root-id="${rootId}" name="${rootId}" href="/app/rest/vcs-root-instances/id:${index + 900}"/>`;
    return `  <change id="${5000 + index}" version="${change.id}"><comment>${xmlEscape(change.comment)}</comment>${root}</change>`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<changes count="${page.length}"` +
    `${more ? ` nextHref="${xmlEscape(nextHref)}"` : ""}>\n${items.join("\n")}\n</changes>`
  );
}

/** A pipeline run's api/json (adapters/jenkins/test/jenkins-fixtures.ts: pipelineBuild + gitItems). */
function jenkinsBuild(changes) {
  return JSON.stringify({
    _class: "org.jenkinsci.plugins.workflow.job.WorkflowRun",
    actions: [
      { _class: "hudson.model.CauseAction" },
      {
        _class: "hudson.plugins.git.util.BuildData",
        lastBuiltRevision: {
          SHA1: changes[0].id,
          branch: [{ SHA1: changes[0].id, name: "refs/remotes/origin/main" }],
        },
        remoteUrls: ["https://github.com/acme/shop-web.git"],
      },
    ],
    changeSets: [
      {
        _class: "hudson.plugins.git.GitChangeSetList",
        kind: "git",
        // Jenkins lists a change set oldest first.
        items: [...changes].reverse().map((change, index) => ({
          _class: "hudson.plugins.git.GitChangeSet",
          commitId: change.id,
          comment: change.comment,
          msg: change.comment.split("\n")[0],
          timestamp: 1714641247000 + index * 60_000,
          author: { fullName: "Dana Lee" },
        })),
      },
    ],
  });
}

/** /rest/api/latest/result/{key}?expand=changes.change (adapters/bamboo/test/bamboo-adapter.test.ts). */
function bambooResult(key, changes) {
  return JSON.stringify({
    key,
    number: 7,
    buildState: "Successful",
    vcsRevisionKey: changes[0].id,
    changes: {
      size: changes.length,
      "start-index": 0,
      "max-result": changes.length,
      expand: "change",
      change: changes.map((change) => ({
        changesetId: change.id,
        author: "dlee",
        userName: "dlee",
        fullName: "Dana Lee",
        comment: change.comment,
        commitUrl: `https://bitbucket.org/foo/ci-detector/commits/${change.id}`,
        date: "2024-05-02T09:14:07.000Z",
      })),
    },
  });
}

/** java.util.Properties.store escaping, enough for these keys and values. */
const propertiesFile = (entries) =>
  `#TeamCity build properties\n${Object.entries(entries)
    .map(([key, value]) => `${key.replace(/([\\=:#! ])/g, "\\$1")}=${value.replace(/([\\=:#!])/g, "\\$1")}`)
    .join("\n")}\n`;

const fingerprint = (commits) => {
  const hash = createHash("sha1");
  for (const commit of commits) hash.update(`${commit.id}\0${commit.comment}\0`);
  return hash.digest("hex");
};

/**
 * Each scenario: a fake API handler over pre-rendered bodies, the child's environment/options, the
 * bodies for the parse-only run, and how many requests the collection must make.
 */
async function scenarios(scratch, changes, startFakeApi, pageSize) {
  const buildId = "99812";
  const teamCity = (json) => {
    const bodies = new Map();
    return {
      name: `TeamCity ${json ? "JSON" : "XML"} (pages of ${pageSize})`,
      adapter: "teamcity",
      expectedRequests: Math.ceil(changeCount / pageSize),
      expectedWhy: `ceil(${changeCount}/${pageSize}) pages`,
      contentType: json ? "application/json;charset=UTF-8" : "application/xml;charset=UTF-8",
      handler(request) {
        const locator = request.query.get("locator") ?? "";
        const match = /^build:\(id:(\d+)\),count:(\d+),start:(\d+)$/.exec(locator);
        const wantsJson = (request.headers.accept ?? "").includes("application/json");
        if (
          !request.path.endsWith("/app/rest/changes") ||
          !match ||
          match[1] !== buildId ||
          wantsJson !== json
        ) {
          return { status: 404, body: `unexpected ${request.path}?locator=${locator}` };
        }
        const key = `${request.path} ${match[2]} ${match[3]}`;
        let body = bodies.get(key);
        if (body === undefined) {
          body = teamCityPage(changes, {
            path: request.path,
            buildId,
            count: Number(match[2]),
            start: Number(match[3]),
            fields: teamCityFields(request.query),
            json,
          });
          bodies.set(key, body);
        }
        return { headers: { "content-type": this.contentType }, body };
      },
      setup(url) {
        const buildFile = join(scratch, `teamcity-${json ? "json" : "xml"}.build.properties`);
        const configFile = join(scratch, `teamcity-${json ? "json" : "xml"}.config.properties`);
        writeFileSync(
          buildFile,
          propertiesFile({
            "teamcity.build.id": buildId,
            "build.number": "1.4.311",
            "teamcity.auth.userId": `TeamCityBuildId=${buildId}`,
            "teamcity.auth.password": "t3mp:p=ss#word!",
            "teamcity.buildType.id": "Shop_Build",
            "teamcity.configuration.properties.file": configFile,
          }),
          "latin1",
        );
        writeFileSync(
          configFile,
          propertiesFile({
            "teamcity.serverUrl": url,
            "teamcity.build.branch": "feature/SHOP-12-price-cache",
            [`teamcity.build.vcs.branch.${rootId}`]: "refs/heads/feature/SHOP-12-price-cache",
            [`vcsroot.${rootId}.url`]: "git@github.com:acme/shop-web.git",
            [`vcsroot.${rootId}.vcsName`]: "jetbrains.git",
            [`vcsroot.${rootId}.branch`]: "refs/heads/main",
            [`build.vcs.number.${rootId}`]: changes[0].id,
          }),
          "latin1",
        );
        // The bodies exactly as the collection receives them, for the parse-only run.
        const fields = "count,nextHref,change(id,version,comment,vcsRootInstance(id,vcs-root-id))";
        const pages = [];
        for (let start = 0; start < changeCount; start += pageSize) {
          const body = teamCityPage(changes, {
            path: "/httpAuth/app/rest/changes",
            buildId,
            count: pageSize,
            start,
            fields,
            json,
          });
          pages.push({ body, contentType: this.contentType });
        }
        return {
          env: { TEAMCITY_VERSION: "2024.03 (build 156630)", TEAMCITY_BUILD_PROPERTIES_FILE: buildFile },
          options: json ? { restFormat: "json" } : {},
          pages,
        };
      },
    };
  };
  const jenkins = {
    name: "Jenkins pipeline api/json",
    adapter: "jenkins",
    expectedRequests: 2,
    expectedWhy: "the run's api/json + the job's lastSuccessfulBuild",
    body: jenkinsBuild(changes),
    handler(request) {
      if (request.path === "/job/shop/job/main/311/api/json") {
        return { headers: { "content-type": "application/json;charset=utf-8" }, body: this.body };
      }
      if (request.path === "/job/shop/job/main/api/json") {
        return {
          headers: { "content-type": "application/json;charset=utf-8" },
          body: '{"_class":"org.jenkinsci.plugins.workflow.job.WorkflowJob","lastSuccessfulBuild":{"_class":"org.jenkinsci.plugins.workflow.job.WorkflowRun","number":310}}',
        };
      }
      return { status: 404, body: `unexpected ${request.path}` };
    },
    setup(url) {
      return {
        env: {
          JENKINS_URL: `${url}/`,
          JOB_NAME: "shop/main",
          JOB_URL: `${url}/job/shop/job/main/`,
          BUILD_NUMBER: "311",
          BUILD_URL: `${url}/job/shop/job/main/311/`,
          BRANCH_NAME: "main",
          GIT_COMMIT: changes[0].id,
          GIT_URL: "https://github.com/acme/shop-web.git",
          JENKINS_USER_ID: "ci-bot",
          JENKINS_API_TOKEN: "11aa22bb33cc44dd55ee66ff77aa88bb99",
        },
        options: {},
        pages: [{ body: this.body, contentType: "application/json;charset=utf-8" }],
      };
    },
  };
  const bamboo = {
    name: "Bamboo result?expand=changes.change",
    adapter: "bamboo",
    expectedRequests: 1,
    expectedWhy: "the result with its changes expanded",
    body: bambooResult("CD-CDOB-JOB1-7", changes),
    handler(request) {
      return request.path === "/bamboo/rest/api/latest/result/CD-CDOB-JOB1-7" &&
        request.query.get("expand") === "changes.change"
        ? { headers: { "content-type": "application/json;charset=UTF-8" }, body: this.body }
        : { status: 404, body: `unexpected ${request.path}` };
    },
    setup(url) {
      const base = `${url}/bamboo`;
      return {
        env: {
          BAMBOO_TOKEN: "NzQ1NjM2OTg2NTQ5OmJlbmNoLXRva2Vu",
          bamboo_buildKey: "CD-CDOB-JOB1",
          bamboo_buildNumber: "7",
          bamboo_buildResultKey: "CD-CDOB-JOB1-7",
          bamboo_buildResultsUrl: `${base}/browse/CD-CDOB-JOB1-7`,
          bamboo_planKey: "CD-CDOB",
          bamboo_planRepository_1_branchName: "main",
          bamboo_planRepository_1_repositoryUrl: "ssh://git@bitbucket.org/foo/ci-detector",
          bamboo_planRepository_1_revision: changes[0].id,
          bamboo_planRepository_1_previousRevision: sha(0),
          bamboo_planRepository_1_type: "bbCloud",
          bamboo_planRepository_branchName: "main",
          bamboo_planRepository_repositoryUrl: "ssh://git@bitbucket.org/foo/ci-detector",
          bamboo_planRepository_revision: changes[0].id,
          bamboo_planRepository_previousRevision: sha(0),
          bamboo_planRepository_type: "bbCloud",
        },
        options: {},
        pages: [{ body: this.body, contentType: "application/json;charset=UTF-8" }],
      };
    },
  };
  const all = [teamCity(false), teamCity(true), jenkins, bamboo];
  for (const scenario of all) {
    scenario.api = await startFakeApi((request) => scenario.handler(request));
  }
  return all;
}

// ---------------------------------------------------------------- child processes (parent side)

function runChild(args) {
  return new Promise((resolve, reject) => {
    // Async: the fake API answers from this process while the child runs.
    execFile(
      process.execPath,
      ["--trace-gc", self, ...args],
      { encoding: "utf8", maxBuffer: 1 << 28 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`child ${args.join(" ")} failed: ${error.message}\n${stderr.slice(0, 2000)}`));
          return;
        }
        const line = stdout.split("\n").find((text) => text.startsWith("RESULT "));
        if (!line) {
          reject(new Error(`child ${args.join(" ")} printed no result: ${stderr.slice(0, 2000)}`));
          return;
        }
        // Heap used only grows between collections, so its peak is the largest "before" of a GC, or the end.
        let gcPeakMb = 0;
        for (const match of stdout.matchAll(
          /ms: [A-Za-z() -]+? ([\d.]+) \([\d.]+\) -> [\d.]+ \([\d.]+\) MB/g,
        )) {
          gcPeakMb = Math.max(gcPeakMb, Number(match[1]));
        }
        const result = JSON.parse(line.slice("RESULT ".length));
        result.peakHeapMb = Math.max(gcPeakMb, result.heapUsedEnd / 2 ** 20);
        resolve(result);
      },
    );
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const rate = (ms) => `${Math.round(changeCount / (ms / 1000)).toLocaleString("en-US")} commits/s`;

/** The adapters' response parsers, from their sources (they are not part of any package's exports). */
async function bundleParsers(scratch) {
  const outfile = join(scratch, "parsers.mjs");
  const from = (path) => JSON.stringify(sourcePath(path));
  await build({
    stdin: {
      contents: [
        `export { parseTeamCityChangesPage } from ${from("adapters/teamcity/src/teamcity-changes-page.ts")};`,
        `export { defaultTeamCityPageSize } from ${from("adapters/teamcity/src/teamcity-changes.ts")};`,
        `export { readJenkinsBuild } from ${from("adapters/jenkins/src/jenkins-build-api.ts")};`,
        `export { parseBambooResultChanges } from ${from("adapters/bamboo/src/bamboo-result-changes.ts")};`,
      ].join("\n"),
      resolveDir: sourcePath("."),
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // The workspace packages resolve to their sources, as in the CLI's build.
    tsconfig: sourcePath("tsconfig.json"),
    outfile,
    logLevel: "silent",
  });
  return outfile;
}

export async function adapterCollection() {
  const { startFakeApi } = await import(dist("packages/testing"));
  const scratch = mkdtempSync(join(tmpdir(), "buildinfo-bench-adapters-"));
  const parsersFile = await bundleParsers(scratch);
  const { defaultTeamCityPageSize } = await import(parsersFile);
  const changes = makeChanges();
  const expectedFingerprint = fingerprint(changes);
  const all = await scenarios(scratch, changes, startFakeApi, defaultTeamCityPageSize);
  const failures = [];
  try {
    process.stdout.write(
      `\ncollect a ${changeCount.toLocaleString("en-US")}-change build from each server's fake API (median of ${runsPerScenario} child processes)\n`,
    );
    const idle = await runChild(["idle"]);
    process.stdout.write(
      `  baseline child (same imports, no work): peak RSS ${mb(idle.maxRssBytes)}, peak heap ${idle.peakHeapMb.toFixed(0)} MB\n`,
    );
    for (const [index, scenario] of all.entries()) {
      const setup = scenario.setup(scenario.api.url);
      // Separate files, so the collecting child never holds the pre-rendered bodies.
      const specFile = join(scratch, `scenario-${index}.json`);
      const bodiesFile = join(scratch, `scenario-${index}-bodies.json`);
      writeFileSync(
        specFile,
        JSON.stringify({ adapter: scenario.adapter, env: setup.env, options: setup.options }),
      );
      writeFileSync(bodiesFile, JSON.stringify({ adapter: scenario.adapter, pages: setup.pages }));
      const collects = [];
      const parses = [];
      const requestCounts = [];
      for (let run = 0; run < runsPerScenario; run += 1) {
        const before = scenario.api.requests.length;
        const collected = await runChild(["collect", specFile]);
        requestCounts.push(scenario.api.requests.length - before);
        if (collected.commits !== changeCount || collected.fingerprint !== expectedFingerprint) {
          failures.push(
            `${scenario.name}: collected ${collected.commits} commits${collected.fingerprint === expectedFingerprint ? "" : " that differ from the served ones"}${collected.warnings.length ? ` (${collected.warnings.join("; ")})` : ""}`,
          );
        }
        collects.push(collected);
        parses.push(await runChild(["parse", bodiesFile, parsersFile]));
      }
      const total = median(collects.map((result) => result.ms));
      const parse = median(parses.map((result) => result.ms));
      const http = Math.max(0, total - parse);
      const requests = Math.max(...requestCounts);
      // Exactly the pages is "ok"; one more is an empty request after a full last page (reported, not
      // fatal); anything beyond that is requests growing with the changes and fails the bench.
      const requestsVerdict = requestCounts.every((count) => count === scenario.expectedRequests)
        ? "ok"
        : requests === scenario.expectedRequests + 1
          ? "ONE EXTRA REQUEST (an empty page asked for after the last full one)"
          : "N+1 FAILED";
      if (requests > scenario.expectedRequests + 1) {
        failures.push(
          `${scenario.name}: ${requestCounts.join("/")} requests, expected ${scenario.expectedRequests} (${scenario.expectedWhy})`,
        );
      }
      const peakRss = Math.max(...collects.map((result) => result.maxRssBytes));
      const peakHeap = Math.max(...collects.map((result) => result.peakHeapMb));
      process.stdout.write(
        `${scenario.name}: ${total.toFixed(1)} ms = ${rate(total)}; parse ${parse.toFixed(1)} ms (${rate(parse)}, ${((parse / total) * 100).toFixed(0)}% of total), HTTP ${http.toFixed(1)} ms (${((http / total) * 100).toFixed(0)}%)\n` +
          `  requests: ${requests} per collection, expected ${scenario.expectedRequests} = ${scenario.expectedWhy}, not per change: ${requestsVerdict}; ` +
          `body ${mb(setup.pages.reduce((sum, page) => sum + Buffer.byteLength(page.body), 0))}\n` +
          `  peak RSS ${mb(peakRss)} (+${mb(peakRss - idle.maxRssBytes)} over the baseline child), peak heap ${peakHeap.toFixed(0)} MB (+${(peakHeap - idle.peakHeapMb).toFixed(0)} MB)\n`,
      );
    }
  } finally {
    await Promise.all(all.map((scenario) => scenario.api?.close()));
    rmSync(scratch, { recursive: true, force: true });
  }
  if (failures.length > 0) throw new Error(`adapter collection checks failed:\n${failures.join("\n")}`);
}

// ---------------------------------------------------------------- child processes (child side)

async function loadAdapters() {
  const [teamcity, jenkins, bamboo, http] = await Promise.all([
    import(dist("adapters/teamcity")),
    import(dist("adapters/jenkins")),
    import(dist("adapters/bamboo")),
    import(dist("packages/http")),
  ]);
  return { teamcity, jenkins, bamboo, http };
}

function printResult(result) {
  const { maxRSS } = process.resourceUsage();
  const heapUsedEnd = process.memoryUsage().heapUsed;
  process.stdout.write(`RESULT ${JSON.stringify({ ...result, maxRssBytes: maxRSS * 1024, heapUsedEnd })}\n`);
}

async function childCollect(spec, modules) {
  // Each adapter package exports its manifest; the collector is what the bench times.
  const collect = await {
    teamcity: modules.teamcity.manifest,
    jenkins: modules.jenkins.manifest,
    bamboo: modules.bamboo.manifest,
  }[spec.adapter].loadCollector();
  const noCheckout = () => Promise.reject(new Error("the bench gave the adapter no checkout"));
  // Proxy variables of the machine must not route loopback traffic.
  const http = modules.http.createHttpClient({ env: {} });
  const lines = [];
  // The collect pipeline's default budget, as the CLI gives it.
  const { defaultCollectionLimits: limits } = await import(dist("packages/core"));
  const context = {
    env: spec.env,
    http,
    limits: {
      commits: limits.commits,
      bytes: limits.bytes,
      requests: limits.requests,
      deadline: Date.now() + limits.durationMs,
    },
    git: {
      cwd: "",
      run: (args) =>
        Promise.reject(new Error(`the bench gave the adapter no git, yet it ran git ${args.join(" ")}`)),
    },
    checkout: { read: noCheckout, localRange: noCheckout },
    fs: { readFile: (path) => readFile(path), exists: () => Promise.resolve(true) },
    logger: {
      debug: (message) => lines.push(message),
      info: (message) => lines.push(message),
      warn: (message) => lines.push(message),
    },
    options: spec.options,
    // A failing API fails the bench rather than degrading to the checkout.
    fromServer: (_read, fetch) => fetch(),
  };
  const started = performance.now();
  const draft = await collect(context);
  const ms = performance.now() - started;
  await http.close();
  const commits = draft.commits ?? [];
  printResult({
    ms,
    commits: commits.length,
    fingerprint: fingerprint(commits),
    warnings: draft.warnings ?? [],
  });
}

async function childParse(spec, parsers) {
  const { pages } = spec;
  let commits = 0;
  const started = performance.now();
  if (spec.adapter === "teamcity") {
    for (const page of pages) {
      commits += (await parsers.parseTeamCityChangesPage(page.body, page.contentType, "bench")).changes
        .length;
    }
  } else if (spec.adapter === "jenkins") {
    for (const page of pages) {
      // Its parser is reached through its reader, here over a client that answers from memory.
      const http = {
        get: async () => ({ status: 200, headers: { "content-type": page.contentType }, text: page.body }),
      };
      const record = await parsers.readJenkinsBuild(
        http,
        "https://jenkins.example.com/job/shop/1/",
        undefined,
      );
      for (const set of record.changeSets) commits += set.commits.length;
    }
  } else {
    for (const page of pages)
      commits += parsers.parseBambooResultChanges(JSON.parse(page.body)).commits.length;
  }
  const ms = performance.now() - started;
  if (commits !== changeCount) throw new Error(`parsed ${commits} commits, expected ${changeCount}`);
  printResult({ ms, commits });
}

if (process.argv[1] === self) {
  const [mode, specFile, parsersFile] = process.argv.slice(2);
  const modules = await loadAdapters();
  if (mode === "idle") printResult({ ms: 0 });
  else {
    const spec = JSON.parse(readFileSync(specFile, "utf8"));
    if (mode === "collect") await childCollect(spec, modules);
    else if (mode === "parse") await childParse(spec, await import(parsersFile));
    else throw new Error(`unknown mode ${mode}`);
  }
}
