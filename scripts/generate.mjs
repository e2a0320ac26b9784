#!/usr/bin/env node
// Writes every file derived from the adapter manifests (and the CLI's option table): the registry's
// imports, @buildinfo/collect's dependencies, the tables of the README and docs/cli.md, and the
// conformance kit's index of its vector files.
// `--check` writes nothing and exits 1 naming each stale file; a test runs it so they cannot drift.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { generatedBlocks, registeredManifestsSource, vectorFilesSource } from "./generate/render.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const check = process.argv.includes("--check");
const registryFile = join(root, "packages/collect/src/registry.ts");
const manifestsFile = join(root, "packages/collect/src/registered-manifests.ts");
const collectPackageFile = join(root, "packages/collect/package.json");
const vectorsDir = join(root, "packages/conformance/vectors");
const vectorFilesFile = join(root, "packages/conformance/src/vector-files.ts");

/** The names of the JSON files in a folder of the conformance vectors, without `.json`. */
function vectorNames(folder) {
  return readdirSync(join(vectorsDir, folder))
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .sort();
}

function fail(message) {
  process.stderr.write(`[generate] error: ${message}\n`);
  process.exit(2);
}

/** The ids of `registryIds` in packages/collect/src/registry.ts, one quoted id per line. */
function registryIds() {
  const text = readFileSync(registryFile, "utf8");
  const list = /export const registryIds = \[\n([\s\S]*?)\] as const;/.exec(text)?.[1];
  if (list === undefined)
    fail("packages/collect/src/registry.ts has no `export const registryIds = [ … ] as const;`");
  return list
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("//"))
    .map((line) => {
      const id = /^"([a-z0-9-]+)",?$/.exec(line)?.[1];
      if (id === undefined) fail(`registryIds: '${line}' is not one quoted adapter id per line`);
      return id;
    });
}

function withDependencies(packageText, ids) {
  const pkg = JSON.parse(packageText);
  const others = Object.entries(pkg.dependencies).filter(([name]) => !name.startsWith("@buildinfo/adapter-"));
  const adapters = [...ids].sort().map((id) => [`@buildinfo/adapter-${id}`, "workspace:^"]);
  pkg.dependencies = Object.fromEntries([...others, ...adapters]);
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The manifests and the CLI's option table, loaded from the sources through a throwaway bundle. */
async function loadSources(manifestsSource) {
  const dir = mkdtempSync(join(tmpdir(), "buildinfo-generate-"));
  try {
    const entry = join(root, "scripts/generate/sources.ts");
    const outfile = join(dir, "sources.mjs");
    await build({
      entryPoints: [entry],
      bundle: true,
      format: "esm",
      platform: "node",
      outfile,
      logLevel: "error",
      tsconfig: join(root, "tsconfig.json"),
      // The registry as this run writes it, so a new server is seen before its file is written.
      plugins: [
        {
          name: "registered-manifests",
          setup(b) {
            b.onResolve({ filter: /\/registered-manifests$/ }, () => ({
              path: "registered-manifests.ts",
              namespace: "generated",
            }));
            b.onLoad({ filter: /.*/, namespace: "generated" }, () => ({
              contents: manifestsSource,
              loader: "ts",
              resolveDir: join(root, "packages/collect/src"),
            }));
          },
        },
      ],
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function replaceBlocks(text, blocks, file) {
  let result = text;
  for (const [name, content] of Object.entries(blocks)) {
    const start = `<!-- generated: ${name} (npm run generate) -->`;
    const end = `<!-- end generated: ${name} -->`;
    const from = result.indexOf(start);
    const to = result.indexOf(end);
    if (from < 0 || to < from) fail(`${file} has no '${start}' … '${end}' block`);
    result = `${result.slice(0, from + start.length)}\n${content.trimEnd()}\n${result.slice(to)}`;
  }
  return result;
}

const ids = registryIds();
const manifestsSource = registeredManifestsSource(ids);
const sources = await loadSources(manifestsSource);
const blocks = generatedBlocks(sources);

const outputs = [
  [manifestsFile, manifestsSource],
  [collectPackageFile, withDependencies(readFileSync(collectPackageFile, "utf8"), ids)],
  [vectorFilesFile, vectorFilesSource(vectorNames("servers"), vectorNames("histories"))],
  ...Object.entries(blocks).map(([file, fileBlocks]) => {
    const path = join(root, file);
    return [path, replaceBlocks(readFileSync(path, "utf8"), fileBlocks, file)];
  }),
];

const stale = outputs.filter(([path, text]) => {
  try {
    return readFileSync(path, "utf8") !== text;
  } catch {
    return true;
  }
});
if (check) {
  for (const [path] of stale) process.stderr.write(`[generate] out of date: ${path.slice(root.length)}\n`);
  if (stale.length > 0) {
    process.stderr.write("[generate] run `npm run generate` and commit what it writes.\n");
    process.exit(1);
  }
} else {
  for (const [path, text] of stale) {
    writeFileSync(path, text);
    process.stderr.write(`[generate] wrote ${path.slice(root.length)}\n`);
  }
  if (stale.some(([path]) => path === collectPackageFile)) {
    process.stderr.write(
      "[generate] @buildinfo/collect's dependencies changed: run `pnpm install` to link them.\n",
    );
  }
}
