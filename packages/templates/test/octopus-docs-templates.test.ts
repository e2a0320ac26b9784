// The release-notes templates of Octopus's documentation, rendered over a small hand-built release: see
// test/octopus-docs/release-notes.json for their source and how the expected outputs were written.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderTemplate } from "../src/index";

const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, "octopus-docs", "release-notes.json"), "utf8"),
) as {
  variables: Record<string, string>;
  templates: { name: string; template: string; expected: string }[];
};

describe("Octopus's example release-notes templates", () => {
  for (const { name, template, expected } of golden.templates) {
    it(`renders ${name}`, () => {
      expect(renderTemplate(template, golden.variables)).toEqual({ output: expected, diagnostics: [] });
    });
  }
});
