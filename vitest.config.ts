import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests import every workspace package from its source, through the same wildcard paths the typecheck
// uses (`@buildinfo/adapter-*` → adapters/*/src, `@buildinfo/*` → packages/*/src), most specific first:
// an exact path, then the longer prefixes.
const rank = (pattern: string) => (pattern.includes("*") ? pattern.indexOf("*") : Number.MAX_SAFE_INTEGER);
const tsconfig = JSON.parse(readFileSync(new URL("./tsconfig.json", import.meta.url), "utf8")) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const alias = Object.entries(tsconfig.compilerOptions.paths)
  .sort(([a], [b]) => rank(b) - rank(a))
  .map(([pattern, [target]]) => {
    if (!pattern.includes("*")) {
      return {
        find: new RegExp(`^${pattern}$`),
        replacement: fileURLToPath(new URL(target as string, import.meta.url)),
      };
    }
    const [prefix = "", suffix = ""] = pattern.split("*");
    const [targetPrefix = "", targetSuffix = ""] = (target as string).split("*");
    return {
      find: new RegExp(`^${prefix.replaceAll("/", "\\/")}(.+)${suffix}$`),
      replacement: `${fileURLToPath(new URL(targetPrefix, import.meta.url))}$1${targetSuffix}`,
    };
  });

export default defineConfig({
  resolve: { alias },
  test: {
    include: [
      "packages/*/test/**/*.test.ts",
      "adapters/*/test/**/*.test.ts",
      "wrappers/*/test/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
