// The extension as tfx-cli packs it: `tfx extension create` on the staged extension/ folder (which
// validates every contributed task.json with the rules `tfx build tasks upload` applies), and what the
// VSIX then holds.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import AdmZip from "adm-zip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNodeScript } from "../../../packages/cli/test/helpers/run-cli";
import { packageWrapper } from "../../../test/support/wrappers/package-wrapper";

const wrapperDir = fileURLToPath(new URL("../", import.meta.url));
const tfx = join(wrapperDir, "node_modules/tfx-cli/_build/tfx-cli.js");

function tfxCreate(root: string, vsix: string) {
  return runNodeScript(tfx, [
    "extension",
    "create",
    "--root",
    root,
    "--manifests",
    "vss-extension.json",
    "--output-path",
    vsix,
    "--no-prompt",
  ]);
}

describe("the Azure DevOps extension packed by tfx-cli", () => {
  let dir: string;

  beforeAll(async () => {
    packageWrapper(wrapperDir, "extension/task/bundle/task.cjs");
    dir = await mkdtemp(join(tmpdir(), "buildinfo-vsix-"));
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("creates a VSIX holding the task, its bundle and the CLI, and nothing else", async () => {
    const vsix = join(dir, "buildinfo.vsix");
    const run = await tfxCreate(join(wrapperDir, "extension"), vsix);

    expect(run.stdout).toContain("Completed operation: create extension");
    expect(run.code).toBe(0);
    // tfx validates the task.json as `tfx build tasks upload` does, and warns (for now) when it fails.
    expect(`${run.stdout}${run.stderr}`).not.toContain("make sure the task.json file is correct");
    const entries = new AdmZip(vsix).getEntries().map((entry) => entry.entryName);
    expect(entries).toEqual(
      expect.arrayContaining([
        "extension.vsixmanifest",
        "task/task.json",
        "task/bundle/task.cjs",
        "task/bundle/cli/cli.js",
      ]),
    );
    expect(entries.filter((entry) => /(^|\/)(src|test|node_modules)\//.test(entry))).toEqual([]);
    const task = JSON.parse(new AdmZip(vsix).readAsText("task/task.json")) as {
      friendlyName: string;
      execution: Record<string, { target: string }>;
    };
    expect(Object.keys(task.execution)).toEqual(["Node24", "Node20_1"]);
    expect(task.friendlyName.length).toBeLessThanOrEqual(40);
  });

  it("gets tfx's task.json warning when a rule is broken (a friendlyName over 40 characters)", async () => {
    const root = join(dir, "too-long");
    cpSync(join(wrapperDir, "extension"), root, { recursive: true });
    const taskJson = join(root, "task/task.json");
    const task = JSON.parse(readFileSync(taskJson, "utf8")) as { friendlyName: string };
    writeFileSync(
      taskJson,
      JSON.stringify({ ...task, friendlyName: "Push build information to Octopus (buildinfo)" }),
    );

    const run = await tfxCreate(root, join(dir, "too-long.vsix"));

    const output = `${run.stdout}${run.stderr}`;
    expect(output).toContain("make sure the task.json file is correct");
    expect(output).toContain("friendlyName is a required string <= 40 chars");
  });
});
