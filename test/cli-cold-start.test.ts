import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliPath, runCli } from "../packages/cli/test/helpers/run-cli";

/** Every file the entry loads before any dynamic import(): what `--help` and `--version` pay for. */
function staticGraph(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    const text = readFileSync(file, "utf8");
    files.set(file, text);
    for (const match of text.matchAll(/^import\s+(?:[^"';]*?\s+from\s+)?["'](\.\/[^"']+)["'];?$/gm)) {
      pending.push(join(dirname(file), match[1]!));
    }
  }
  return files;
}

describe("the CLI's cold start", () => {
  it("answers --version and --help without loading undici or zod", async () => {
    expect((await runCli(["--version"])).code).toBe(0); // also fails clearly when the CLI is not built
    const graph = staticGraph(cliPath);
    const loaded = [...graph.values()].join("\n");
    expect(loaded).toContain("--help");
    for (const heavy of ["undici", "zod"]) {
      expect(loaded.includes(heavy), `${heavy} is loaded by the entry chunk`).toBe(false);
    }
    expect(graph.size).toBeGreaterThan(1);
    expect(graph.size).toBeLessThanOrEqual(4);
    // The commands themselves are split off and imported on demand.
    expect(graph.get(cliPath)).toMatch(/import\("\.\/push-[\w-]+\.js"\)/);
  });

  it("pushes without loading undici: it is imported only when a proxy is set", () => {
    const push = /import\("\.\/(push-[\w-]+\.js)"\)/.exec(readFileSync(cliPath, "utf8"))?.[1];
    expect(push).toBeDefined();
    const loaded = [...staticGraph(join(dirname(cliPath), push!)).values()].join("\n");
    expect(loaded).toMatch(/from "(node:)?https?"/);
    expect(loaded.includes("node_modules/.pnpm/undici@"), "undici is loaded by the push command").toBe(false);
    expect(loaded).toMatch(/import\("\.\/undici-[\w-]+\.js"\)/);
  });

  it("collects and pushes without loading the XML parser: it is imported when TeamCity answers in XML", () => {
    const entry = readFileSync(cliPath, "utf8");
    for (const command of ["collect", "push"]) {
      const chunk = new RegExp(`import\\("\\./(${command}-[\\w-]+\\.js)"\\)`).exec(entry)?.[1];
      expect(chunk, `the entry imports the ${command} command`).toBeDefined();
      const loaded = [...staticGraph(join(dirname(cliPath), chunk!)).values()].join("\n");
      expect(loaded.includes("node_modules/.pnpm/fast-xml-parser@"), `${command} loads fast-xml-parser`).toBe(
        false,
      );
      expect(loaded).toContain("teamcity");
    }
  });
});
