// Stages the built CLI bundle (packages/cli/dist, chunks included) for a CI wrapper that runs it with
// `node`: copies it to <dir>/cli, and marks <dir> as ES modules unless told the wrapper's own bundle
// there is CommonJS. Usage, from the wrapper's directory after `pnpm build` at the workspace root:
//   node ../../scripts/copy-cli-bundle.mjs <dir>
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const cliDist = fileURLToPath(new URL("../packages/cli/dist/", import.meta.url));
const dir = resolve(process.argv[2] ?? "bundle");
const target = resolve(dir, "cli");

if (!existsSync(resolve(cliDist, "cli.js"))) {
  console.error(
    `The CLI bundle is missing (${cliDist}cli.js): run \`pnpm build\` at the workspace root first.`,
  );
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
cpSync(cliDist, target, { recursive: true, filter: (source) => !source.endsWith(".d.ts") });
// The CLI's chunks are ES modules; this package.json makes `node <dir>/cli/cli.js` load them as such.
writeFileSync(resolve(target, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
writeFileSync(resolve(dir, "package.json"), `${JSON.stringify({ type: "module" })}\n`);
console.error(`Copied ${cliDist} to ${target}.`);
