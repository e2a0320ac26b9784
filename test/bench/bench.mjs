#!/usr/bin/env node
// `npm run bench`: every figure is a ratio against a floor or a peer measured in the same run, on the
// same machine, interleaved, as medians — so the numbers mean something on any (busy) hardware.
// Absolute times are printed for context. Each whole-process line is measured for the dev build and,
// when `npm run release` has written them, for release/buildinfo.mjs and the standalone executable.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectBuildInformation } from "../../packages/collect/dist/index.js";
import { adapterCollection } from "./adapter-collection.mjs";
import { makeHistoryRepo } from "./history-repo.mjs";
import { hostilePaging } from "./hostile-paging.mjs";
import { hasPeakRss, interleaved, measure, sequence } from "./measure.mjs";
import { startServerProcess } from "./octopus-server-process.mjs";
import { dropFromPageCache } from "./page-cache.mjs";
import { measureRenderNotes } from "./render-notes.mjs";
import { measureServePages } from "./serve-pages.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const node = process.execPath;
const apiClientPush = here("./api-client-push.mjs");
const rawPost = here("./raw-post.mjs");
const scratch = mkdtempSync(join(tmpdir(), "buildinfo-bench-"));
const rows = [];
// What `push --file` reads: an octo build-information file with one commit.
const info = {
  BuildEnvironment: "Bench",
  BuildNumber: "1",
  BuildUrl: "https://ci.example.com/build/1",
  Branch: "main",
  VcsType: "Git",
  VcsRoot: "https://github.com/acme/shop-web",
  VcsCommitNumber: "0123456789abcdef0123456789abcdef01234567",
  Commits: [{ Id: "0123456789abcdef0123456789abcdef01234567", Comment: "SHOP-1 bench" }],
};
const infoFile = join(scratch, "octopus.buildinfo");
writeFileSync(infoFile, JSON.stringify(info));

/** The builds whose whole-process cost is measured: argv prefixes that run `buildinfo`. */
function builds() {
  // BENCH_CLI and BENCH_RELEASE_DIR measure other builds (e.g. main's, for a before/after table).
  const cli = process.env.BENCH_CLI ?? here("../../packages/cli/dist/cli.js");
  const list = [{ name: process.env.BENCH_CLI === undefined ? "dev build" : cli, argv: [node, cli] }];
  const release = process.env.BENCH_RELEASE_DIR ?? here("../../release");
  const bundle = join(release, "buildinfo.mjs");
  const executable = join(release, "buildinfo-linux-x64");
  if (existsSync(bundle)) list.push({ name: "release/buildinfo.mjs", argv: [node, bundle] });
  else
    process.stdout.write(
      "note: release/buildinfo.mjs is absent (run `npm run release`): its lines are skipped\n",
    );
  if (existsSync(executable) && process.platform === "linux" && process.arch === "x64") {
    list.push({ name: "release/buildinfo-linux-x64", argv: [executable] });
  } else {
    process.stdout.write(
      "note: release/buildinfo-linux-x64 is absent or not for this machine: its lines are skipped\n",
    );
  }
  // BENCH_BEFORE_CLI and BENCH_BEFORE_RELEASE_DIR add an earlier build's files to the same run, so a
  // before/after comparison is measured side by side, interleaved, against the same floors.
  const beforeCli = process.env.BENCH_BEFORE_CLI;
  if (beforeCli !== undefined) list.push({ name: `before: ${beforeCli}`, argv: [node, beforeCli] });
  const beforeRelease = process.env.BENCH_BEFORE_RELEASE_DIR;
  if (beforeRelease !== undefined) {
    for (const file of ["buildinfo.mjs", "buildinfo-linux-x64"]) {
      const path = join(beforeRelease, file);
      if (existsSync(path))
        list.push({ name: `before: ${path}`, argv: file.endsWith(".mjs") ? [node, path] : [path] });
    }
  }
  return list;
}

function report(name, value, baselineName, baseline, target, unit = "ms") {
  const ratio = value / baseline;
  const verdict = ratio <= target ? "ok" : "OVER TARGET";
  rows.push({ name, verdict });
  const show = (amount) => (unit === "ms" ? `${amount.toFixed(1)} ms` : `${(amount / 1024).toFixed(1)} MB`);
  process.stdout.write(
    `${name}: ${show(value)} vs ${baselineName} ${show(baseline)} = ${ratio.toFixed(2)}x (target <= ${target}x) ${verdict}\n`,
  );
}

async function versionColdStart(list) {
  const [floor, ...ours] = await interleaved(15, [
    () => measure([node, "-e", "0"]),
    ...list.map((build) => () => measure([...build.argv, "--version"])),
  ]);
  for (const [index, build] of list.entries()) {
    report(`--version (${build.name})`, ours[index].ms, "node -e 0", floor.ms, 1.5);
  }
}

async function singlePush(list) {
  const server = await startServerProcess();
  const body = JSON.stringify({
    SpaceId: "Spaces-1",
    PackageId: "Bench.Package",
    Version: "1.0.0",
    OverwriteMode: "OverwriteExisting",
    OctopusBuildInformation: info,
  });
  const floorUrl = `${server.url}/api/Spaces-1/build-information?overwriteMode=OverwriteExisting`;
  const env = { ...process.env, OCTOPUS_API_KEY: server.apiKey };
  const push = (build) => () =>
    measure(
      [
        ...build.argv,
        "push",
        "--file",
        infoFile,
        "--package-id",
        "Bench.Package",
        "--version",
        "1.0.0",
        "--overwrite-mode",
        "OverwriteExisting",
        "--server",
        server.url,
        "--space",
        "Default",
      ],
      { env },
    );
  let official = 0;
  const [floor, peer, ...ours] = await interleaved(11, [
    () => measure([node, rawPost, floorUrl, server.apiKey, body]),
    () =>
      measure([
        node,
        apiClientPush,
        server.url,
        server.apiKey,
        "Default",
        `1.0.${++official}`,
        "1",
        infoFile,
      ]),
    ...list.map(push),
  ]);
  await server.close();
  for (const [index, build] of list.entries()) {
    const name = `push 1 package from --file (${build.name})`;
    report(name, ours[index].ms, "node + one raw http.request POST", floor.ms, 2.0);
    if (hasPeakRss) report(`${name}, peak RSS`, ours[index].rssKb, "the raw POST's", floor.rssKb, 1.5, "MB");
    report(name, ours[index].ms, "@octopusdeploy/api-client script", peer.ms, 1);
  }
}

// The library against the `git log` it runs, both from this process; then the whole CLI process
// against its floor: Node starting (`node -e 0`) and the same `git log`.
async function collectLargeRange(list) {
  const repo = makeHistoryRepo(join(scratch, "history"), 10_000);
  const gitLogArgs = ["-C", repo.dir, "log", "-z", "--format=%H%x00%B", "--encoding=UTF-8"];
  const gitLog = () =>
    measure(["git", ...gitLogArgs, "--no-show-signature", "--no-color", `${repo.first}..HEAD`, "--"]);
  const library = async () => {
    const started = performance.now();
    const { buildInformation } = await collectBuildInformation({
      adapter: "git",
      env: {},
      cwd: repo.dir,
      since: repo.first,
      commitCap: 20_000,
    });
    if (buildInformation.Commits.length !== 10_000) throw new Error("collect lost commits");
    return { ms: performance.now() - started, rssKb: Number.NaN };
  };
  const [log, collect] = await interleaved(9, [gitLog, library]);
  report("collect 10,000-commit git range (library)", collect.ms, "git log over the same range", log.ms, 1.5);

  const [floor, ...ours] = await interleaved(7, [
    () => sequence(() => measure([node, "-e", "0"]), gitLog),
    ...list.map(
      (build) => () =>
        measure([...build.argv, "collect", "--from", "git", "--since", repo.first, "--commit-cap", "20000"], {
          cwd: repo.dir,
        }),
    ),
  ]);
  for (const [index, build] of list.entries()) {
    report(
      `collect --from git, 10,000 commits (${build.name})`,
      ours[index].ms,
      "node -e 0 + git log",
      floor.ms,
      2.0,
    );
  }
}

async function pushFanOut(list) {
  const server = await startServerProcess({ latencyMs: 40 });
  const packages = Array.from({ length: 60 }, (_, i) => ["--package-id", `Bench.Package${i}`]).flat();
  const env = { ...process.env, OCTOPUS_API_KEY: server.apiKey };
  let version = 0;
  const push = (build) => () =>
    measure(
      [
        ...build.argv,
        ...[
          "push",
          ...packages,
          "--version",
          `1.0.${++version}`,
          "--server",
          server.url,
          "--space",
          "Default",
        ],
        ...["--file", infoFile],
      ],
      { env },
    );
  const official = () =>
    measure([node, apiClientPush, server.url, server.apiKey, "Default", `1.0.${++version}`, "60", infoFile]);
  const [peer, ...ours] = await interleaved(7, [official, ...list.map(push)]);
  await server.close();
  for (const [index, build] of list.entries()) {
    report(
      `push 60 packages, 40 ms latency (${build.name})`,
      ours[index].ms,
      "@octopusdeploy/api-client script",
      peer.ms,
      0.6,
    );
  }
}

// What `preview` renders for a large release: its time and peak memory against string concatenation.
async function renderNotes() {
  const { floor, render, packages, commitsPerPackage } = await measureRenderNotes(5);
  const name = `release notes of ${packages} packages × ${commitsPerPackage.toLocaleString("en")} commits (renderReleaseNotes)`;
  report(name, render.ms, "string concatenation of the same text", floor.ms, 10);
  if (hasPeakRss) report(`${name}, peak RSS`, render.rssKb, "the concatenation's", floor.rssKb, 3, "MB");
}

// The pages of `buildinfo serve` with much stored, in Chromium: first paint against an empty list's, and size.
async function servePages() {
  const pages = await measureServePages(5);
  const floor = "the list of an empty space";
  const stored = `${pages.records.toLocaleString("en")} records stored`;
  report(
    `serve page: build information list, ${stored}, first paint`,
    pages.list.ms,
    floor,
    pages.empty.ms,
    2,
  );
  report(
    `serve page: release notes preview, ${stored}, first paint`,
    pages.releaseNotes.ms,
    floor,
    pages.empty.ms,
    2,
  );
  const record = `serve page: a record of ${pages.commitsOfTheLargeRecord.toLocaleString("en")} commits`;
  report(`${record}, first paint`, pages.record.ms, floor, pages.empty.ms, 5);
  report(`${record}, HTML size`, pages.htmlKb, "its JSON", pages.jsonKb, 1.6, "MB");
}

const started = performance.now();
try {
  const list = builds();
  dropFromPageCache(new Set([node, ...list.map((build) => build.argv[0])]));
  await versionColdStart(list);
  await singlePush(list);
  await collectLargeRange(list);
  await pushFanOut(list);
  await renderNotes();
  await servePages();
  await hostilePaging(list, report);
  // Its own section with its own figures; a failure there must not hide the lines above.
  await adapterCollection().catch((error) => {
    process.stdout.write(`adapter collection section FAILED: ${String(error.message).split("\n")[0]}\n`);
    process.exitCode = 1;
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const over = rows.filter((row) => row.verdict !== "ok");
process.stdout.write(
  `\n${rows.length - over.length} of ${rows.length} benchmarks within target (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
);
