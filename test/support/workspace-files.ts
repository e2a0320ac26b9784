import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The workspace package folders (`packages/*`, `adapters/*`, `wrappers/*`), relative to the root. */
export function workspacePackages(): string[] {
  return ["packages", "adapters", "wrappers"].flatMap((group) =>
    existsSync(join(repoRoot, group))
      ? readdirSync(join(repoRoot, group), { withFileTypes: true })
          .filter(
            (entry) => entry.isDirectory() && existsSync(join(repoRoot, group, entry.name, "package.json")),
          )
          .map((entry) => `${group}/${entry.name}`)
      : [],
  );
}

/** Every `.ts` file under each package's `src/`, by path relative to the root. */
export function sourceFiles(packages = workspacePackages()): Map<string, string> {
  const files = new Map<string, string>();
  for (const pkg of packages) {
    const src = join(repoRoot, pkg, "src");
    if (!existsSync(src)) continue;
    for (const name of readdirSync(src, { recursive: true, encoding: "utf8" })) {
      if (!name.endsWith(".ts")) continue;
      const path = join(src, name);
      files.set(relative(repoRoot, path), readFileSync(path, "utf8"));
    }
  }
  return files;
}
