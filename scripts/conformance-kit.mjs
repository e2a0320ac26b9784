#!/usr/bin/env node
// The conformance kit as plugin authors take it, in one folder of JSON files with a README: the build
// servers' vectors, their git histories (as recipes and as `git fast-import` streams), the schemas, and
// the work-item and release-notes vectors that live beside the rules they test (packages/core and
// packages/templates). Each file is copied from its one source; only the streams are made here.
// @buildinfo/conformance's build writes it to dist/kit (what npm ships); `npm run release` zips it.
// Usage: node scripts/conformance-kit.mjs TARGET_DIR (relative to the current directory)
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const vectors = join(root, "packages/conformance/vectors");

/** Where each folder of the kit is copied from. */
const folders = [
  ["schema", join(vectors, "schema")],
  ["servers", join(vectors, "servers")],
  ["histories", join(vectors, "histories")],
  ["work-items", join(root, "packages/core/test/octopus-vectors")],
  ["release-notes", join(root, "packages/templates/test/octopus-docs")],
];

function copyFolder(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).filter((file) => file.endsWith(".json") || file === "README.md")) {
    copyFileSync(join(from, name), join(to, name));
  }
}

/**
 * Writes the kit into `target` (emptied first); returns the files written, relative to it. `license`:
 * also the repository's LICENSE (the zip's; an npm package has its own at its root, and pnpm adds it
 * only when no file of the package is named LICENSE).
 */
export async function assembleKit(target, { license = false } = {}) {
  // The built runner renders the streams, as it does when it runs the vectors.
  const { historyStream } = await import(
    pathToFileURL(join(root, "packages/conformance/dist/index.js")).href
  );
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  copyFileSync(join(vectors, "README.md"), join(target, "README.md"));
  if (license) copyFileSync(join(root, "LICENSE"), join(target, "LICENSE"));
  for (const [name, from] of folders) copyFolder(from, join(target, name));
  for (const file of readdirSync(join(target, "histories")).filter((name) => name.endsWith(".json"))) {
    const recipe = JSON.parse(readFileSync(join(target, "histories", file), "utf8"));
    writeFileSync(join(target, "histories", `${recipe.name}.fast-import`), historyStream(recipe).text);
  }
  return readdirSync(target, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(target.length + 1))
    .sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const target = process.argv[2];
  if (!target) {
    process.stderr.write("usage: node scripts/conformance-kit.mjs TARGET_DIR\n");
    process.exit(2);
  }
  await assembleKit(resolve(target));
}
