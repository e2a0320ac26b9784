import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface RegistryView {
  /** The repository root the folders are read under. */
  root: string;
  /** The folders under adapters/. */
  adapterFolders: readonly string[];
  /** The registry's `--from` ids (packages/collect/src/registry.ts `registryIds`). */
  registeredIds: readonly string[];
}

/** What each build server needs beside its registry line, by CONTRIBUTING.md's steps. */
const requiredFiles = (id: string) => [
  `adapters/${id}/src/manifest.ts`,
  `adapters/${id}/src/collector.ts`,
  `docs/${id}.md`,
  `docs/reference/servers/${id}.md`,
  `packages/conformance/vectors/servers/${id}.json`,
  `test/conformance/${id}.test.ts`,
];

/**
 * What a build server still lacks: each adapters/<id> folder is registered under `<id>` and has its
 * manifest, collector, unit test, docs page, reference page, conformance vectors and conformance test; every registered id
 * has its folder. (The tables of the README and docs/cli.md are generated: `npm run generate --check`.)
 */
export function registryProblems(view: RegistryView): string[] {
  const problems: string[] = [];
  for (const id of view.adapterFolders) {
    if (!view.registeredIds.includes(id))
      problems.push(
        `adapters/${id} is not in the registry (registryIds in packages/collect/src/registry.ts)`,
      );
    for (const file of requiredFiles(id)) {
      if (!existsSync(join(view.root, file))) problems.push(`adapters/${id} has no ${file}`);
    }
    const index = join(view.root, "adapters", id, "src/index.ts");
    if (existsSync(index) && readFileSync(index, "utf8").trim() !== 'export { manifest } from "./manifest";')
      problems.push(`adapters/${id}/src/index.ts must export its manifest and nothing else`);
    const tests = join(view.root, "adapters", id, "test");
    if (!existsSync(tests) || !readdirSync(tests).some((name) => name.endsWith(".test.ts")))
      problems.push(`adapters/${id} has no unit test in adapters/${id}/test/`);
  }
  for (const id of view.registeredIds) {
    if (!view.adapterFolders.includes(id))
      problems.push(`the registry's '${id}' has no adapters/${id} folder`);
  }
  return problems;
}
