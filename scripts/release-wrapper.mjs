// A wrapper's `release` step: copies the files and folders it names into $BUILDINFO_RELEASE_DIR/<name>/,
// which `npm run release` sets to the absolute path of release/ (docs/releasing.md).
// Usage, from the wrapper's directory: node ../../scripts/release-wrapper.mjs <name> <path>...
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { basename, isAbsolute, join, resolve } from "node:path";

const releaseDir = process.env.BUILDINFO_RELEASE_DIR;
const [name, ...paths] = process.argv.slice(2);
if (!releaseDir || !isAbsolute(releaseDir)) {
  console.error(
    "BUILDINFO_RELEASE_DIR is not an absolute path: run this through `npm run release` at the root.",
  );
  process.exit(2);
}
if (!name || paths.length === 0) {
  console.error("usage: release-wrapper.mjs <name> <path>...");
  process.exit(2);
}
const target = join(releaseDir, name);
mkdirSync(target, { recursive: true });
for (const path of paths) {
  if (!existsSync(path)) {
    console.error(`${resolve(path)} is missing: package the wrapper first.`);
    process.exit(1);
  }
  rmSync(join(target, basename(path)), { recursive: true, force: true });
  cpSync(path, join(target, basename(path)), { recursive: true });
}
console.error(`Copied ${paths.join(", ")} to ${target}.`);
