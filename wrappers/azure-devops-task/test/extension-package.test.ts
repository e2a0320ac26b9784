// The extension as tfx-cli packs it: `tfx extension create` on the staged extension/ folder (which
// validates every contributed task.json with the rules `tfx build tasks upload` applies), and what the
// VSIX then holds.
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import AdmZip from "adm-zip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNodeScript, runProcess } from "../../../packages/cli/test/helpers/run-cli";
import { withDirLock } from "../../../scripts/dir-lock.mjs";
import { ensureSystemTools } from "../../../test/support/ensure-system-tools";
import { packageWrapper } from "../../../test/support/wrappers/package-wrapper";

const wrapperDir = fileURLToPath(new URL("../", import.meta.url));
const tfx = join(wrapperDir, "node_modules/tfx-cli/_build/tfx-cli.js");

function tfxCreate(root: string, vsix: string, extra: string[] = []) {
  return runNodeScript(tfx, [
    "extension",
    "create",
    "--root",
    root,
    "--manifests",
    "vss-extension.json",
    ...extra,
    "--output-path",
    vsix,
    "--no-prompt",
  ]);
}

/** The `<Identity>` and gallery flags of a VSIX's extension.vsixmanifest, as the Marketplace reads them. */
function identityOf(vsix: string) {
  const manifest = new AdmZip(vsix).readAsText("extension.vsixmanifest");
  const identity = /<Identity\b([^>]*)\/?>/.exec(manifest)?.[1] ?? "";
  const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(identity)?.[1];
  return {
    publisher: attribute("Publisher"),
    id: attribute("Id"),
    galleryFlags: /<GalleryFlags>([^<]*)<\/GalleryFlags>/.exec(manifest)?.[1] ?? "",
  };
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

  it("ships the unpacked extension, from which an organisation packs its own private copy", async () => {
    // The wrapper's release step as `npm run release` runs it, with the publisher a release chooses.
    const release = join(dir, "release");
    await mkdir(release);
    const released = withDirLock(join(wrapperDir, ".packaging.lock"), () =>
      spawnSync("npm", ["run", "--silent", "release"], {
        cwd: wrapperDir,
        encoding: "utf8",
        env: {
          ...process.env,
          BUILDINFO_RELEASE_DIR: release,
          BUILDINFO_AZURE_DEVOPS_PUBLISHER: "fork-publisher",
        },
      }),
    );
    expect(released.status, released.stderr).toBe(0);
    expect(identityOf(join(release, "buildinfo-azure-devops.vsix"))).toMatchObject({
      publisher: "fork-publisher",
      id: "buildinfo-push-build-information",
    });

    // docs/azure-devops.md: unzip, then `tfx extension publish` with the same options as this create.
    ensureSystemTools("unzip");
    const unpacked = join(dir, "unpacked");
    const unzipped = await runProcess("unzip", [
      "-q",
      join(release, "buildinfo-azure-devops-extension.zip"),
      "-d",
      unpacked,
    ]);
    expect(unzipped.code, unzipped.stderr).toBe(0);
    const vsix = join(dir, "acme.vsix");
    const run = await tfxCreate(unpacked, vsix, ["--publisher", "acme-corp"]);
    expect(run.code, run.stderr).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain("make sure the task.json file is correct");
    const identity = identityOf(vsix);
    expect(identity).toMatchObject({ publisher: "acme-corp", id: "buildinfo-push-build-information" });
    // Private (shared with organisations at publish time, --share-with), not a public listing.
    expect(identity.galleryFlags).not.toMatch(/\bPublic\b/);
    const entries = new AdmZip(vsix).getEntries().map((entry) => entry.entryName);
    expect(entries).toEqual(
      expect.arrayContaining(["task/task.json", "task/bundle/task.cjs", "task/bundle/cli/cli.js"]),
    );
  });

  it("refuses a release publisher that is no Marketplace publisher id", () => {
    const released = spawnSync(process.execPath, ["scripts/release-extension.mjs"], {
      cwd: wrapperDir,
      encoding: "utf8",
      env: { ...process.env, BUILDINFO_RELEASE_DIR: dir, BUILDINFO_AZURE_DEVOPS_PUBLISHER: "acme corp" },
    });
    expect(released.status).toBe(2);
    expect(released.stderr).toContain(
      'BUILDINFO_AZURE_DEVOPS_PUBLISHER "acme corp" is not a Marketplace publisher id',
    );
  });
});
