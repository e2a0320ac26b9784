import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { adapters } from "@buildinfo/collect";
import { describe, expect, it } from "vitest";
import { type RegistryView, registryProblems } from "./support/registry-check";
import { repoRoot, workspacePackages } from "./support/workspace-files";

function currentView(): RegistryView {
  return {
    adapterFolders: workspacePackages()
      .filter((pkg) => pkg.startsWith("adapters/"))
      .map((pkg) => pkg.slice("adapters/".length)),
    registeredIds: [...adapters.keys()],
    docs: readdirSync(join(repoRoot, "docs")),
    readme: readFileSync(join(repoRoot, "README.md"), "utf8"),
    cliDoc: readFileSync(join(repoRoot, "docs/cli.md"), "utf8"),
    conformanceTests: readdirSync(join(repoRoot, "test/conformance")),
  };
}

describe("the adapter registry is complete", () => {
  it("registers every adapters/* package, each with a docs page, a README row, its docs/cli.md rows and a conformance test", () => {
    const view = currentView();
    expect(view.adapterFolders.length).toBeGreaterThanOrEqual(10);
    expect(registryProblems(view)).toEqual([]);
  });

  it("reports each missing piece when one is taken away", () => {
    const view = currentView();
    expect(
      registryProblems({ ...view, registeredIds: view.registeredIds.filter((id) => id !== "gitlab") }),
    ).toEqual(["adapters/gitlab is not in the registry (packages/collect/src/registry.ts)"]);
    expect(registryProblems({ ...view, docs: view.docs.filter((name) => name !== "bamboo.md") })).toEqual([
      "adapters/bamboo has no docs/bamboo.md",
    ]);
    expect(registryProblems({ ...view, readme: view.readme.replace("(docs/appveyor.md)", "") })).toEqual([
      "adapters/appveyor is missing from README's table of build servers",
    ]);
    expect(
      registryProblems({ ...view, cliDoc: view.cliDoc.replace("`appveyor` `continua-ci`", "`continua-ci`") }),
    ).toEqual(["adapters/appveyor is missing from docs/cli.md's --from row"]);
    expect(registryProblems({ ...view, cliDoc: view.cliDoc.replace(/^\| 6 .*\n/m, "") })).toEqual([
      "adapters/teamcity is missing from docs/cli.md's build-server detection table",
    ]);
    expect(
      registryProblems({
        ...view,
        conformanceTests: view.conformanceTests.filter((name) => name !== "jenkins.test.ts"),
      }),
    ).toEqual(["adapters/jenkins has no conformance test test/conformance/jenkins.test.ts"]);
    expect(registryProblems({ ...view, adapterFolders: [...view.adapterFolders, "drone"] })).toEqual([
      "adapters/drone is not in the registry (packages/collect/src/registry.ts)",
      "adapters/drone has no docs/drone.md",
      "adapters/drone is missing from README's table of build servers",
      "adapters/drone is missing from docs/cli.md's --from row",
      "adapters/drone is missing from docs/cli.md's build-server detection table",
      "adapters/drone has no conformance test test/conformance/drone.test.ts",
    ]);
    expect(registryProblems({ ...view, registeredIds: [...view.registeredIds, "drone"] })).toEqual([
      "the registry's 'drone' has no adapters/drone folder",
    ]);
  });
});
