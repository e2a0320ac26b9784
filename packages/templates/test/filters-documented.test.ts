// The README names every filter renderTemplate has, so the list cannot drift from the code.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { builtInFunctionNames } from "../src/filters/built-in-functions";

it("the README lists every built-in filter", () => {
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8").toLowerCase();
  const listed = new Set(readme.match(/[a-z0-9]+/g));
  expect(builtInFunctionNames().filter((name) => !listed.has(name))).toEqual([]);
});
