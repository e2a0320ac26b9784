export interface RegistryView {
  /** The folders under adapters/. */
  adapterFolders: readonly string[];
  /** The registry's `--from` ids. */
  registeredIds: readonly string[];
  /** The file names under docs/. */
  docs: readonly string[];
  readme: string;
  /** docs/cli.md: its `--from` row and its build-server detection table name every server. */
  cliDoc: string;
  /** The file names under test/conformance/. */
  conformanceTests: readonly string[];
}

/**
 * What a build server still lacks, by the steps of CONTRIBUTING.md: each adapters/<id> folder is
 * registered under the id `<id>`, has docs/<id>.md, a row in README's table linking it, its id in
 * docs/cli.md's `--from` row and detection table, and a test/conformance/<id>.test.ts; and every
 * registered id has its folder.
 */
export function registryProblems(view: RegistryView): string[] {
  const problems: string[] = [];
  const fromRow = view.cliDoc.split("\n").find((line) => /^\| `--from ADAPTER` +\| `/.test(line)) ?? "";
  for (const id of view.adapterFolders) {
    if (!view.registeredIds.includes(id))
      problems.push(`adapters/${id} is not in the registry (packages/collect/src/registry.ts)`);
    if (!view.docs.includes(`${id}.md`)) problems.push(`adapters/${id} has no docs/${id}.md`);
    if (!view.readme.includes(`(docs/${id}.md)`))
      problems.push(`adapters/${id} is missing from README's table of build servers`);
    if (!fromRow.includes(`\`${id}\``))
      problems.push(`adapters/${id} is missing from docs/cli.md's --from row`);
    if (!new RegExp(`^\\|\\s*(\\d+|—)\\s*\\|\\s*\`${id}\`\\s*\\|`, "m").test(view.cliDoc))
      problems.push(`adapters/${id} is missing from docs/cli.md's build-server detection table`);
    if (!view.conformanceTests.includes(`${id}.test.ts`)) {
      problems.push(`adapters/${id} has no conformance test test/conformance/${id}.test.ts`);
    }
  }
  for (const id of view.registeredIds) {
    if (!view.adapterFolders.includes(id))
      problems.push(`the registry's '${id}' has no adapters/${id} folder`);
  }
  return problems;
}
