// A wrapper's `release` step: writes one file, NAME, into $BUILDINFO_RELEASE_DIR (which `npm run release`
// sets to the absolute path of release/). Every released file sits at the top of release/: a release
// page is flat, so SHA256SUMS names each file as it is downloaded (`sha256sum -c --ignore-missing`).
// NAME ending in .zip packs the paths given, folders under their own names; any other NAME is the one
// file given, copied.
// Usage, from the wrapper's directory: node ../../scripts/release-wrapper.mjs NAME PATH...
import { copyFileSync, existsSync, statSync, writeFileSync } from "node:fs";
import { basename, isAbsolute, join, resolve } from "node:path";
import AdmZip from "adm-zip";

const releaseDir = process.env.BUILDINFO_RELEASE_DIR;
const [name, ...paths] = process.argv.slice(2);
if (!releaseDir || !isAbsolute(releaseDir)) {
  console.error(
    "BUILDINFO_RELEASE_DIR is not an absolute path: run this through `npm run release` at the root.",
  );
  process.exit(2);
}
if (!name || name.includes("/") || paths.length === 0 || (!name.endsWith(".zip") && paths.length !== 1)) {
  console.error("usage: release-wrapper.mjs NAME.zip PATH... | release-wrapper.mjs NAME FILE");
  process.exit(2);
}
for (const path of paths) {
  if (!existsSync(path)) {
    console.error(`${resolve(path)} is missing: package the wrapper first.`);
    process.exit(1);
  }
}
const target = join(releaseDir, name);
if (name.endsWith(".zip")) {
  const zip = new AdmZip();
  for (const path of paths) {
    if (statSync(path).isDirectory()) zip.addLocalFolder(path, basename(path));
    else zip.addLocalFile(path);
  }
  // Not zip.writeZip: it makes the file world-writable (0666, whatever the umask).
  writeFileSync(target, zip.toBuffer());
} else {
  copyFileSync(paths[0], target);
}
console.error(`Wrote ${target} from ${paths.join(", ")}.`);
