#!/usr/bin/env node
// The main job on a built-in default: start the local Octopus server from @buildinfo/server on a
// free port, collect build information from this repository's own git history with the real CLI,
// push it for two packages, and print what the server stored.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { startOctopusServer } from "../packages/server/dist/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../packages/cli/dist/cli.js", import.meta.url));

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
      cwd: root,
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
  }
} finally {
  await server.close();
}
