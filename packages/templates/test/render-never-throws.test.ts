// renderTemplate never throws and always finishes: arbitrary templates and variables (fast-check), and the
// inputs that make Octostache itself hang or overflow its stack (docs/reference/octostache.md#limits).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderTemplate, type TemplateDiagnostic } from "../src/index";

const fragments = [
  "#{",
  "}",
  "#{if ",
  "#{unless ",
  "#{elseif ",
  "#{else}",
  "#{/if}",
  "#{/unless}",
  "#{each x in ",
  " in ",
  "#{/each}",
  "#{calc ",
  "##{",
  "#",
  "|",
  " | ",
  "ToUpper",
  "Format",
  "Replace",
  "Match",
  "MarkdownToHtml",
  "Indent",
  "null",
  "[",
  "]",
  ".",
  '"',
  '\\"',
  "(",
  ")",
  "==",
  "!=",
  "+",
  "/",
  "a",
  "A.B",
  "x",
  "x.Name",
  "Foo[#{a}]",
  "{",
  ",",
  "\n",
  " ",
  "0",
  "-1",
  "[1,2]",
  '{"a":"#{a}"}',
  "true",
  "*",
];
const piece = fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 4 }));
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(""));
const limits = { maxWork: 200_000, maxOutputLength: 20_000, maxNesting: 40, maxResolutionDepth: 40 };

const codes = (diagnostics: readonly TemplateDiagnostic[]) => diagnostics.map((d) => d.code);

describe("renderTemplate", () => {
  it("returns an output and diagnostics with places for any template and variables, and never throws", () => {
    fc.assert(
      fc.property(
        text,
        fc.dictionary(text, text, { maxKeys: 6 }),
        fc.boolean(),
        (template, variables, haltOnError) => {
          const result = renderTemplate(template, variables, { haltOnError, limits, now: () => new Date(0) });
          expect(typeof result.output).toBe("string");
          expect(result.output.length).toBeLessThanOrEqual(Math.max(template.length, limits.maxOutputLength));
          for (const d of result.diagnostics) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
            expect(d.offset).toBeGreaterThanOrEqual(0);
            expect(d.message).not.toBe("");
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("parses unclosed blocks, over which Octostache's parser backtracks exponentially, once each", () => {
    // An unclosed `#{if a}` is reread as the substitution of a variable named "if a".
    expect(renderTemplate("#{if a}".repeat(60), { "if a": "x" })).toEqual({
      output: "x".repeat(60),
      diagnostics: [],
    });
    const deep = renderTemplate("#{if a}".repeat(3000), { "if a": "x" });
    expect(codes(deep.diagnostics)).toEqual(["limit-exceeded"]);
  });

  it("stops blocks nested deeper than the limit with a diagnostic", () => {
    const template = `${"#{if a}".repeat(500)}deep${"#{/if}".repeat(500)}`;
    const result = renderTemplate(template, { a: "true" });
    expect(result.output).toBe(template);
    expect(codes(result.diagnostics)).toEqual(["limit-exceeded"]);
  });

  it("stops a chain of variables deeper than the limit, where Octostache overflows its stack", () => {
    const variables = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`V${i}`, `#{V${i + 1}}`]));
    const result = renderTemplate("#{V0}", variables);
    expect(codes(result.diagnostics)).toEqual(["limit-exceeded"]);
    expect(result.diagnostics[0]?.message).toContain("resolution limit");
  });

  it("cuts the output at its limit, with the output so far", () => {
    const items = Array.from({ length: 20_000 }, (_, i) => i).join(",");
    const result = renderTemplate(
      "#{each i in Items}0123456789#{/each}",
      { Items: items },
      { limits: { maxOutputLength: 100_000 } },
    );
    expect(result.output).toBe("0123456789".repeat(10_000));
    expect(codes(result.diagnostics)).toEqual(["limit-exceeded"]);
  });

  it("stops an exponential expansion at the output limit", () => {
    const variables = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`A${i}`, `#{A${i + 1}}#{A${i + 1}}`]),
    );
    variables.A40 = "ab";
    const result = renderTemplate("#{A0}", variables, { limits: { maxOutputLength: 100_000 } });
    expect(result.output.length).toBeLessThanOrEqual(100_000);
    expect(codes(result.diagnostics)).toEqual(["limit-exceeded"]);
  });

  it("stops an expansion that never reaches the output at the work limit", () => {
    const variables = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`A${i}`, `#{A${i + 1}}#{A${i + 1}}`]),
    );
    variables.A40 = "ab";
    const result = renderTemplate("#{if A0}big#{/if}", variables, { limits: { maxWork: 1_000_000 } });
    expect(codes(result.diagnostics)).toEqual(["limit-exceeded"]);
  });

  it("reports a self-referencing variable with Octostache's message and the place of the token", () => {
    // Octostache compares symbols with the place they were parsed at: Foo at offset 11 is not the Foo in
    // Bar's value, so the loop is caught at the second Bar.
    const result = renderTemplate("Notes:\n  #{Foo}", { Foo: "#{Bar}", Bar: "#{Foo}" });
    expect(result.output).toBe("Notes:\n  #{Foo}");
    expect(result.diagnostics).toEqual([
      {
        code: "recursive-definition",
        message:
          'An attempt to parse the variable symbol "Bar" appears to have resulted in a self referencing loop (Foo -> Bar -> Foo -> Bar). Ensure that recursive loops do not exist in the variable values.',
        line: 2,
        column: 3,
        offset: 9,
      },
    ]);
  });

  it("matches a regular expression that backtracks catastrophically in .NET in linear time", () => {
    const result = renderTemplate('#{foo | Match "(a+)+$"}', { foo: `${"a".repeat(5000)}!` });
    expect(result).toEqual({ output: "false", diagnostics: [] });
  });

  it("reports what it does not support, an unknown filter and an unparsable template where they are", () => {
    expect(renderTemplate('#{foo | Match "(?<=a)b"}', { foo: "ab" }).diagnostics).toMatchObject([
      { code: "unsupported", line: 1, column: 1 },
      { code: "unresolved", expression: '#{foo | Match "(?<=a)b"}' },
    ]);
    expect(renderTemplate("x #{foo | Shout}", { foo: "a" }).diagnostics).toMatchObject([
      { code: "unknown-filter", offset: 10, column: 11 },
      { code: "unresolved", offset: 2 },
    ]);
    expect(renderTemplate("ok\n#{Foo", {}).diagnostics).toMatchObject([
      { code: "parse-error", line: 2, column: 1 },
    ]);
  });

  it("gives an evaluation error where Octostache throws", () => {
    const result = renderTemplate("#{v | FromBase64}", { v: "not base64!" });
    expect(result.output).toBe("#{v | FromBase64}");
    expect(codes(result.diagnostics)).toEqual(["evaluation-error"]);
  });
});
