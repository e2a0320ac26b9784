// Runs every case of Octostache's own test suite, ported as data in test/octostache/ (see its README), against
// renderTemplate. The cases that are not run or do not pass are exactly those listed, each with its reason, in
// docs/reference/octostache.md; that page also records the counts this test checks.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load as parseYaml } from "js-yaml";
import { describe, expect, it } from "vitest";
import { renderTemplate, type TemplateFunction } from "../src/index";
import { parseTemplate } from "../src/template-parser";

interface Expectation {
  output?: string | null;
  unresolved?: string[];
  someUnresolved?: boolean;
  diagnostic?: string;
  throws?: string;
  message?: string;
  oneOf?: string[];
  yamlKey?: string;
  truthy?: boolean;
  parses?: boolean;
  writtenBack?: string;
  tokensRemoveFromString?: boolean;
}

interface PortedCase {
  id: string;
  test: string;
  row?: string;
  kind: "evaluate" | "truthy" | "parse" | "not-applicable";
  reason?: string;
  template?: string;
  variables?: [string, string | null][];
  options?: { haltOnError?: boolean };
  extensions?: Record<string, string>;
  now?: string;
  transform?: "removeQuotes" | "trim";
  expect?: Expectation;
}

const folder = join(import.meta.dirname, "octostache");
const fixtures = readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .map((name) => ({
    name,
    ...(JSON.parse(readFileSync(join(folder, name), "utf8")) as { cases: PortedCase[] }),
  }));
const cases = fixtures.flatMap((fixture) => fixture.cases);

// ExtensionFixture's two extension functions, restated.
const extensions: Record<string, TemplateFunction> = {
  // ExtensionFixture.ToLower: options.Any() ? null : argument?.ToLower()
  toLower: (argument, options) => (options.length > 0 ? null : (argument?.toLowerCase() ?? null)),
  // ExtensionFixture.SuperCoolFunc: each character's alphabet position, joined by "-"
  superCoolFunc: (argument) => [...(argument ?? "")].map((c) => c.toUpperCase().charCodeAt(0) - 64).join("-"),
};

/** TemplateEvaluator.IsTruthy, as VariableDictionary.EvaluateTruthy applies it (source/Octostache/Templates/TemplateEvaluator.cs). */
const isTruthy = (value: string) =>
  !["0", ""].includes(value) && !["no", "false"].includes(value.trim().toLowerCase());

function render(c: PortedCase) {
  // PropertyListBinder.CreateFrom binds a null value as "".
  const variables = new Map((c.variables ?? []).map(([name, value]) => [name, value ?? ""]));
  const fixedClock = c.now === undefined ? {} : { now: () => new Date(c.now as string) };
  return renderTemplate(c.template ?? "", variables, {
    haltOnError: c.options?.haltOnError !== false,
    ...fixedClock,
    extensions: Object.fromEntries(
      Object.entries(c.extensions ?? {}).map(([name, f]) => [name, extensions[f] as TemplateFunction]),
    ),
  });
}

/** Why the case fails, or undefined when it passes. */
function failure(c: PortedCase): string | undefined {
  const e: Expectation = c.expect ?? {};
  if (c.kind === "parse") {
    const parsed = parseTemplate(c.template ?? "", c.options?.haltOnError ?? true, 100);
    if (parsed.ok !== e.parses) return `parses: ${parsed.ok}`;
    if (!parsed.ok) return undefined;
    const text = parsed.tokens.join("");
    if (e.writtenBack !== undefined && text !== e.writtenBack)
      return `written back as ${JSON.stringify(text)}`;
    if (e.tokensRemoveFromString) {
      // ParserFixture.ParsedTemplateIsConvertibleBackToString: removing every token's text leaves only whitespace.
      let rest = text;
      for (const token of parsed.tokens)
        if (token.toString().trim() !== "") rest = rest.replaceAll(token.toString(), "");
      if (text === "" || rest.replaceAll("\r\n", "").trim() !== "")
        return `left over: ${JSON.stringify(rest)}`;
    }
    return undefined;
  }
  const result = render(c);
  const unresolved = result.diagnostics.filter((d) => d.code === "unresolved").map((d) => d.expression);
  if (c.kind === "truthy") {
    const nullResult = result.diagnostics.some((d) => d.code === "null-result");
    const truthy = unresolved.length === 0 && !nullResult && isTruthy(result.output);
    return truthy === e.truthy ? undefined : `truthy: ${truthy} (${JSON.stringify(result)})`;
  }
  let output = result.output;
  if (c.transform === "removeQuotes") output = output.replaceAll('"', "");
  if (c.transform === "trim") output = output.trim();
  const seen = JSON.stringify(result);
  if (e.throws !== undefined) {
    const thrown = result.diagnostics.find((d) => d.code === e.throws);
    if (thrown === undefined || thrown.message !== e.message || result.output !== c.template)
      return `got ${seen}`;
    return undefined;
  }
  if (e.output === null) {
    return output === "" && result.diagnostics.some((d) => d.code === "null-result")
      ? undefined
      : `got ${seen}`;
  }
  if (e.output !== undefined && output !== e.output)
    return `output ${JSON.stringify(output)}, diagnostics ${seen}`;
  if (e.oneOf !== undefined && !e.oneOf.includes(output)) return `output ${JSON.stringify(output)}`;
  if (e.yamlKey !== undefined) {
    const key = (parseYaml(output) as { Key?: unknown } | null)?.Key ?? "";
    if (key !== e.yamlKey) return `YAML ${JSON.stringify(output)} reads as ${JSON.stringify(key)}`;
  }
  if (e.unresolved !== undefined && JSON.stringify(unresolved) !== JSON.stringify(e.unresolved)) {
    return `unresolved ${JSON.stringify(unresolved)}`;
  }
  if (e.someUnresolved && unresolved.length === 0) return `nothing unresolved: ${seen}`;
  if (e.diagnostic !== undefined && !result.diagnostics.some((d) => d.code === e.diagnostic))
    return `no ${e.diagnostic}: ${seen}`;
  return undefined;
}

/** The list in docs/reference/octostache.md: `| \`id\` | not run or fails | reason |` rows. */
const documentation = readFileSync(
  join(import.meta.dirname, "../../../docs/reference/octostache.md"),
  "utf8",
);
const documented = new Map(
  [...documentation.matchAll(/^\| `([^`]+)` \| (not run|fails) \| (.+) \|$/gm)].map((m) => [
    m[1] as string,
    { status: m[2] as string, reason: m[3] as string },
  ]),
);

describe("Octostache's own test cases", () => {
  it("are unique, and every documented exception is one of them", () => {
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...documented.keys()].filter((id) => !ids.includes(id))).toEqual([]);
  });

  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      for (const c of fixture.cases) {
        it(c.id, () => {
          const listed = documented.get(c.id);
          if (c.kind === "not-applicable") {
            expect(
              listed?.status,
              `${c.id} is not run (${c.reason}): list it in docs/reference/octostache.md`,
            ).toBe("not run");
            return;
          }
          const why = failure(c);
          if (listed?.status === "fails") {
            expect(why, `${c.id} passes now: remove it from docs/reference/octostache.md`).toBeDefined();
          } else {
            expect(listed, `${c.id} is listed as not run, but it runs`).toBeUndefined();
            expect(why).toBeUndefined();
          }
        });
      }
    });
  }

  it("pass at the rate the documentation records, and at least 95% of those that apply", () => {
    const applicable = cases.filter((c) => c.kind !== "not-applicable");
    const passed = applicable.filter((c) => failure(c) === undefined).length;
    const rate = ((100 * passed) / applicable.length).toFixed(1);
    expect(passed / applicable.length).toBeGreaterThanOrEqual(0.95);
    expect(documentation).toContain(
      `${cases.length} cases: ${applicable.length} run, ${passed} pass (${rate}%), ${cases.length - applicable.length} not run`,
    );
  });
});
