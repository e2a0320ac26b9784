import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildinfoImports, dependencyProblems, type PackageView } from "./support/dependency-check";
import { repoRoot, sourceFiles, workspacePackages } from "./support/workspace-files";

function workspaceViews(): PackageView[] {
  return workspacePackages().map((folder) => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, folder, "package.json"), "utf8")) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const ours = (deps: Record<string, string> = {}) =>
      Object.keys(deps).filter((n) => n.startsWith("@buildinfo/"));
    return {
      folder,
      name: manifest.name,
      dependencies: ours(manifest.dependencies),
      devDependencies: ours(manifest.devDependencies),
      sourceImports: [...new Set([...sourceFiles([folder]).values()].flatMap(buildinfoImports))],
    };
  });
}

describe("the dependency direction", () => {
  it("holds for every workspace package: cli → collect → adapters → core, cli → octopus → core, cli → server, no cycles", () => {
    const views = workspaceViews();
    expect(views.map((view) => view.name)).toEqual(
      expect.arrayContaining([
        "@buildinfo/core",
        "@buildinfo/collect",
        "@buildinfo/git",
        "@buildinfo/server",
        "@buildinfo/cli",
      ]),
    );
    expect(dependencyProblems(views)).toEqual([]);
  });

  it("reports a backward dependency, testing at run time, an undeclared import and a cycle", () => {
    const views = workspaceViews();
    const edit = (name: string, change: Partial<PackageView>) =>
      views.map((view) => (view.name === name ? { ...view, ...change } : view));
    const core = views.find((view) => view.name === "@buildinfo/core")!;
    const cli = views.find((view) => view.name === "@buildinfo/cli")!;
    const jenkins = views.find((view) => view.name === "@buildinfo/adapter-jenkins")!;

    expect(
      dependencyProblems(
        edit("@buildinfo/adapter-jenkins", { dependencies: [...jenkins.dependencies, "@buildinfo/octopus"] }),
      ),
    ).toEqual(["@buildinfo/adapter-jenkins depends on @buildinfo/octopus, against the direction"]);
    expect(
      dependencyProblems(
        edit("@buildinfo/cli", { dependencies: [...cli.dependencies, "@buildinfo/testing"] }),
      ),
    ).toEqual(["@buildinfo/cli has @buildinfo/testing as a runtime dependency (devDependencies only)"]);
    // Test helpers never reach a product's code, not even bundled: `buildinfo serve` runs @buildinfo/server.
    expect(
      dependencyProblems(
        edit("@buildinfo/cli", {
          devDependencies: [...cli.devDependencies, "@buildinfo/testing"],
          sourceImports: [...cli.sourceImports, "@buildinfo/testing"],
        }),
      ),
    ).toEqual(["@buildinfo/cli imports @buildinfo/testing, against the direction"]);
    // The CLI bundles its workspace packages (all devDependencies): its imports are what is checked.
    expect(
      dependencyProblems(
        edit("@buildinfo/cli", {
          devDependencies: [...cli.devDependencies, "@buildinfo/adapter-jenkins"],
          sourceImports: [...cli.sourceImports, "@buildinfo/adapter-jenkins"],
        }),
      ),
    ).toEqual(["@buildinfo/cli imports @buildinfo/adapter-jenkins, against the direction"]);
    expect(dependencyProblems(edit("@buildinfo/core", { sourceImports: ["@buildinfo/octopus"] }))).toEqual([
      "@buildinfo/core imports @buildinfo/octopus, against the direction",
      "@buildinfo/core imports @buildinfo/octopus without declaring it",
    ]);
    expect(
      dependencyProblems(
        edit("@buildinfo/core", { devDependencies: [...core.devDependencies, "@buildinfo/collect"] }),
      ),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/^cycle: .*@buildinfo\/core → @buildinfo\/collect/)]),
    );
  });

  it("finds static and dynamic imports of workspace packages, subpaths by their package", () => {
    expect(
      buildinfoImports(
        'import { a } from "@buildinfo/core";\nconst m = await import("@buildinfo/octopus");\nimport "@buildinfo/git";\nimport { b } from "@buildinfo/collect/some-part";',
      ),
    ).toEqual(["@buildinfo/core", "@buildinfo/octopus", "@buildinfo/git", "@buildinfo/collect"]);
  });
});
