// Packages a CI wrapper (the GitHub Action here, the Azure DevOps task too): copies the built CLI
// bundle (packages/cli/dist, chunks included) to ./dist/cli of the package it runs in, and marks
// ./dist as ES modules so `node dist/<entry>.js` runs without the package's own package.json.
// Usage, from the package directory after `pnpm build` at the workspace root:
//   node ../../scripts/copy-cli-bundle.mjs dist/<entry>.js
import { cpSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const cliDist = fileURLToPath(new URL("../packages/cli/dist/", import.meta.url));
const entry = resolve(process.argv[2] ?? "dist/index.js");
const target = resolve("dist/cli");

for (const [path, what] of [
  [resolve(cliDist, "cli.js"), "The CLI bundle"],
  [entry, "The wrapper's entry"],
]) {
  if (!existsSync(path)) {
    console.error(`${what} is missing (${path}): run \`pnpm build\` at the workspace root first.`);
    process.exit(1);
  }
}
rmSync(target, { recursive: true, force: true });
cpSync(cliDist, target, { recursive: true, filter: (source) => !source.endsWith(".d.ts") });
writeFileSync(resolve("dist/package.json"), `${JSON.stringify({ type: "module" })}\n`);
console.error(`Copied ${cliDist} to ${target}.`);
