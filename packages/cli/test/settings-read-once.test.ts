import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src/", import.meta.url));

/** Ways a module reads a flag by its name: the old helpers, a raw parser, a flag's string compared. */
const flagReads: readonly RegExp[] = [
  /\bvalues\[\s*["'`]/,
  /\bstringValues?\(/,
  /\bintegerOption\(/,
  /\bdurationOption\(/,
  /\bflag\(\s*values/,
  /\bparseArgs\(/,
  /(===|!==|includes\(|indexOf\(|findIndex\(|startsWith\()\s*["'`]-{1,2}[A-Za-z]/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** `file:line: text` for each flag read outside src/settings/, where the command line is parsed once. */
function flagReadsOutsideSettings(files: ReadonlyMap<string, string>): string[] {
  return [...files].flatMap(([file, text]) =>
    file.startsWith("settings/")
      ? []
      : text
          .split("\n")
          .flatMap((line, index) =>
            flagReads.some((pattern) => pattern.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
          ),
  );
}

describe("the command line is parsed once, in src/settings/", () => {
  it("has no module outside src/settings/ reading a flag by its name", () => {
    const files = new Map(sourceFiles(src).map((file) => [relative(src, file), readFileSync(file, "utf8")]));
    expect(files.size).toBeGreaterThan(20);
    expect(flagReadsOutsideSettings(files)).toEqual([]);
  });

  it("finds each way of reading a flag by name", () => {
    const files = new Map([
      ["commands/a.ts", 'const space = values["space"];'],
      ["commands/b.ts", 'const file = stringValue(values, "file");'],
      ["commands/c.ts", 'if (args.includes("--strict")) strict = true;'],
      ["commands/d.ts", "const { values } = parseArgs({ args });"],
      ["settings/e.ts", 'const space = values["space"];'],
      ["commands/f.ts", "const { space } = settings.values;"],
    ]);
    expect(flagReadsOutsideSettings(files)).toEqual([
      'commands/a.ts:1: const space = values["space"];',
      'commands/b.ts:1: const file = stringValue(values, "file");',
      'commands/c.ts:1: if (args.includes("--strict")) strict = true;',
      "commands/d.ts:1: const { values } = parseArgs({ args });",
    ]);
  });
});
