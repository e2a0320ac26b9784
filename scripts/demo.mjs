#!/usr/bin/env node
// The main job on a built-in default: start the local Octopus server from @buildinfo/server on a
// free port, collect build information from this repository's own git history with the real CLI,
// push it for two packages, and print what the server stored.
//
// It pushes what a CI build of this checkout would: the commits of its last few pushes, not the whole
// history since the first commit (a real build starts from the previous build's commit), and the
// repository's URL. Usage: `node scripts/demo.mjs [CHECKOUT] [--serve|--no-serve]` (this repository by
// default). In a terminal (or with --serve) the server then stays up until Ctrl+C, so the links the push
// printed open the records' pages; otherwise (CI, a pipe) it stops when the push is done.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { commitCountWarningThreshold, isLocalRepositoryPath } from "../packages/core/dist/index.js";
import { startOctopusServer } from "../packages/server/dist/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../packages/cli/dist/cli.js", import.meta.url));
const args = process.argv.slice(2);
const checkout = resolve(args.find((arg) => !arg.startsWith("--")) ?? root);
const keepServing =
  args.includes("--serve") || (!args.includes("--no-serve") && process.stdout.isTTY === true);
/** The project's repository, named when the checkout's `origin` is a path (a local clone) or missing. */
const projectRepository = "https://github.com/buildinfo/buildinfo";
/** How many pushes back the demo's build starts: a build after a few merges, as CI would see it. */
const pushesBack = 10;

const git = (...args) => {
  try {
    return execFileSync("git", ["-C", checkout, ...args], { encoding: "utf8", stdio: "pipe" }).trim();
  } catch {
    return undefined;
  }
};

/**
 * `--since` for the build: the commit `n` pushes back along the first parents, for the largest n up to
 * `pushesBack` whose range stays within the count the CLI warns about; none for a single-commit history.
 */
function sinceArgs() {
  for (let n = pushesBack; n >= 1; n--) {
    const since = git("rev-parse", "--verify", "--quiet", `HEAD~${n}`);
    if (since === undefined || since === "") continue;
    const count = Number(git("rev-list", "--count", `${since}..HEAD`));
    if (count <= commitCountWarningThreshold) {
      process.stderr.write(
        `The demo's build: the ${count} commits since HEAD~${n}, as a CI build reads the changes since its previous build.\n`,
      );
      return ["--since", since];
    }
  }
  return [];
}

/** `--vcs-root` when the checkout's origin cannot be linked to: a path (a local clone) or none. */
function vcsRootArgs() {
  const origin = git("remote", "get-url", "origin");
  if (origin !== undefined && origin !== "" && !isLocalRepositoryPath(origin)) return [];
  process.stderr.write(
    `This checkout's origin is ${origin ? `a local path (${origin})` : "not set"}: the demo names the project's repository, ${projectRepository}.\n`,
  );
  return ["--vcs-root", projectRepository];
}

const server = await startOctopusServer({ spaces: [{ Id: "Spaces-1", Name: "Default", IsDefault: true }] });
process.stderr.write(`Local Octopus build-information server listening on ${server.url}\n\n`);

try {
  // Asynchronous: the server answers from this process's event loop while the CLI runs.
  const push = spawn(
    process.execPath,
    [
      cli,
      "push",
      "--from",
      "git",
      ...sinceArgs(),
      ...vcsRootArgs(),
      "--package-id",
      "Buildinfo.Demo.Web",
      "--package-id",
      "Buildinfo.Demo.Worker",
      "--version",
      "0.1.0-demo",
      "--build-number",
      "local-demo",
      "--server",
      server.url,
      "--space",
      "Default",
    ],
    {
      cwd: checkout,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, OCTOPUS_API_KEY: server.apiKey, OCTOPUS_URL: "", OCTOPUS_SPACE: "" },
    },
  );
  const [status, signal] = await once(push, "exit");
  if (status !== 0) {
    process.stderr.write(`\nbuildinfo push exited with ${status ?? signal}.\n`);
    process.exitCode = status ?? 1;
  } else {
    const records = server.records();
    process.stderr.write(`\nThe server stored ${records.length} build-information records:\n`);
    process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    if (keepServing) {
      process.stderr.write(
        `\nThe links above open each record's page; all of them: ${server.pagesUrl}\n` +
          "The server stays up until Ctrl+C.\n",
      );
      await new Promise((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
    }
  }
} finally {
  await server.close();
}
