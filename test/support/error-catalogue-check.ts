export interface CatalogueView {
  /** The catalogue's own codes. */
  codes: readonly string[];
  /** Its family prefixes, e.g. `E_HTTP_` for `E_HTTP_<status>`. */
  families: readonly string[];
  /** docs/errors.md. */
  page: string;
  /** Source files by path. */
  sources: ReadonlyMap<string, string>;
}

/**
 * What is out of step between the catalogue, docs/errors.md and the codes the sources use: every
 * code (and family, written `E_…_<status>`) has a `### ` section on the page and the other way round,
 * and every `"E_…"` literal or `` `E_…_${…}` `` template in a source is a catalogue code or family.
 */
export function catalogueProblems(view: CatalogueView): string[] {
  const problems: string[] = [];
  const documented = new Set(
    [...view.page.matchAll(/^### (E_[A-Z0-9_]+(?:<status>)?)\s*$/gm)].map((m) => m[1]!),
  );
  const catalogued = new Set([...view.codes, ...view.families.map((family) => `${family}<status>`)]);
  for (const code of catalogued) {
    if (!documented.has(code))
      problems.push(`${code} is in the catalogue but has no section in docs/errors.md`);
  }
  for (const code of documented) {
    if (!catalogued.has(code)) problems.push(`${code} is in docs/errors.md but not in the catalogue`);
  }
  const known = (code: string) =>
    view.codes.includes(code) ||
    view.families.some((family) => code.startsWith(family) && /^\d+$/.test(code.slice(family.length)));
  for (const [path, text] of view.sources) {
    for (const [, code] of text.matchAll(/["'](E_[A-Z0-9_]+)["']/g)) {
      if (!known(code!)) problems.push(`${path} uses ${code}, which is not in the catalogue`);
    }
    for (const [, prefix] of text.matchAll(/`(E_[A-Z0-9_]+_)\$\{/g)) {
      if (!view.families.includes(prefix!))
        problems.push(`${path} builds ${prefix}…, which is not a catalogue family`);
    }
  }
  return problems;
}
