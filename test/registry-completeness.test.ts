import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { manifests } from "@buildinfo/collect";
import { describe, expect, it } from "vitest";
import { type RegistryView, registryProblems } from "./support/registry-check";
import { repoRoot, workspacePackages } from "./support/workspace-files";

const run = promisify(execFile);

function currentView(): RegistryView {
  return {
    root: repoRoot,
    adapterFolders: workspacePackages()
      .filter((pkg) => pkg.startsWith("adapters/"))
      .map((pkg) => pkg.slice("adapters/".length)),
    registeredIds: manifests.map((manifest) => manifest.id),
  };
}

describe("the adapter registry is complete", () => {
  it("registers every adapters/* package, each with its manifest, collector, tests, docs and reference pages", () => {
    const view = currentView();
    expect(view.adapterFolders.length).toBeGreaterThanOrEqual(10);
    expect(registryProblems(view)).toEqual([]);
  });

  it("reports each missing piece when one is taken away", () => {
    const view = currentView();
    expect(
      registryProblems({ ...view, registeredIds: view.registeredIds.filter((id) => id !== "gitlab") }),
    ).toEqual(["adapters/gitlab is not in the registry (registryIds in packages/collect/src/registry.ts)"]);
    expect(registryProblems({ ...view, adapterFolders: [...view.adapterFolders, "drone"] })).toEqual([
      "adapters/drone is not in the registry (registryIds in packages/collect/src/registry.ts)",
      "adapters/drone has no adapters/drone/src/manifest.ts",
      "adapters/drone has no adapters/drone/src/collector.ts",
      "adapters/drone has no docs/drone.md",
      "adapters/drone has no docs/reference/servers/drone.md",
      "adapters/drone has no packages/conformance/vectors/servers/drone.json",
      "adapters/drone has no test/conformance/drone.test.ts",
      "adapters/drone has no unit test in adapters/drone/test/",
    ]);
    expect(registryProblems({ ...view, registeredIds: [...view.registeredIds, "drone"] })).toEqual([
      "the registry's 'drone' has no adapters/drone folder",
    ]);
  });

  it("has every generated file up to date (npm run generate)", async () => {
    const result = await run(process.execPath, ["scripts/generate.mjs", "--check"], { cwd: repoRoot }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});
