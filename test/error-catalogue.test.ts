import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BuildInfoError, errorCatalogue } from "@buildinfo/core";
import { describe, expect, it } from "vitest";
import { errorCodeFamilies } from "../packages/core/src/error-catalogue";
import { type CatalogueView, catalogueProblems } from "./support/error-catalogue-check";
import { repoRoot, sourceFiles } from "./support/workspace-files";

function currentView(): CatalogueView {
  return {
    codes: Object.keys(errorCatalogue),
    families: Object.keys(errorCodeFamilies),
    page: readFileSync(join(repoRoot, "docs/errors.md"), "utf8"),
    sources: sourceFiles(),
  };
}

describe("the error catalogue", () => {
  it("matches docs/errors.md, and every code the sources use is catalogued", () => {
    expect(catalogueProblems(currentView())).toEqual([]);
  });

  it("reports a code the page lacks, a section the catalogue lacks, and an uncatalogued code in a source", () => {
    const view = currentView();
    const page = view.page.replace(/^### E_HTTP_409\s*$/m, "### E_HTTP_4O9_GONE");
    const sources = new Map([
      ["packages/example/src/a.ts", 'throw new BuildInfoError("E_NOT_CATALOGUED", "x");'],
      ["packages/example/src/b.ts", `throw new BuildInfoError(\`E_ODD_\${status}\`, 'x');`],
    ]);
    expect(catalogueProblems({ ...view, page, sources })).toEqual([
      "E_HTTP_409 is in the catalogue but has no section in docs/errors.md",
      "E_HTTP_4O9_GONE is in docs/errors.md but not in the catalogue",
      "packages/example/src/a.ts uses E_NOT_CATALOGUED, which is not in the catalogue",
      "packages/example/src/b.ts builds E_ODD_…, which is not a catalogue family",
    ]);
    expect(
      catalogueProblems({ ...view, codes: view.codes.filter((code) => code !== "E_TIMEOUT") }),
    ).toContain("E_TIMEOUT is in docs/errors.md but not in the catalogue");
  });

  it("gives each error its catalogue exit code and kind, and the catalogue hint when none is given", () => {
    const usage = new BuildInfoError("E_USAGE", "bad flag");
    expect([usage.exitCode, usage.kind, usage.hint]).toEqual([2, "input", errorCatalogue.E_USAGE.hint]);
    const teapot = new BuildInfoError("E_HTTP_418", "odd status", { hint: "specific" });
    expect([teapot.exitCode, teapot.kind, teapot.hint]).toEqual([1, "remote", "specific"]);
    expect(new BuildInfoError("E_BUILD_SERVER_HTTP_404", "gone").exitCode).toBe(1);
  });
});
