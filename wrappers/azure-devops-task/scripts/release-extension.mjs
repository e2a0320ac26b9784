// The extension's `release` step (after `npm run package` staged extension/): writes into
// $BUILDINFO_RELEASE_DIR
//   buildinfo-azure-devops.vsix            tfx's package of extension/, for the publisher and visibility
//                                          given at release time (see below)
//   buildinfo-azure-devops-extension.zip   extension/ itself, from which an organisation packs and
//                                          publishes its own private copy under its own publisher
//                                          (`tfx extension publish --root … --publisher … --share-with …`)
// A VSIX is bound to its publisher, and only that publisher can upload it: the zip is what makes the
// release usable by anyone else. Release-time settings:
//   BUILDINFO_AZURE_DEVOPS_PUBLISHER   the Marketplace publisher id (default: buildinfo)
//   BUILDINFO_AZURE_DEVOPS_PUBLIC      true for a public listing; default false (private, shared per
//                                      organisation at publish time)
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join } from "node:path";
import AdmZip from "adm-zip";

const releaseDir = process.env.BUILDINFO_RELEASE_DIR;
if (!releaseDir || !isAbsolute(releaseDir)) {
  console.error(
    "BUILDINFO_RELEASE_DIR is not an absolute path: run this through `npm run release` at the root.",
  );
  process.exit(2);
}
const publisher = process.env.BUILDINFO_AZURE_DEVOPS_PUBLISHER || "buildinfo";
// The Marketplace's publisher ids: letters, digits, hyphens and underscores, starting with a letter or digit.
if (!/^[A-Za-z0-9][\w-]*$/.test(publisher)) {
  console.error(
    `BUILDINFO_AZURE_DEVOPS_PUBLISHER "${publisher}" is not a Marketplace publisher id (letters, digits, - and _).`,
  );
  process.exit(2);
}
const visibility = process.env.BUILDINFO_AZURE_DEVOPS_PUBLIC || "false";
if (visibility !== "true" && visibility !== "false") {
  console.error(`BUILDINFO_AZURE_DEVOPS_PUBLIC is "${visibility}": give true or false.`);
  process.exit(2);
}

const tfx = createRequire(import.meta.url).resolve("tfx-cli/_build/tfx-cli.js");
const vsix = join(releaseDir, "buildinfo-azure-devops.vsix");
const packed = spawnSync(
  process.execPath,
  [
    tfx,
    "extension",
    "create",
    "--root",
    "extension",
    "--manifests",
    "vss-extension.json",
    "--publisher",
    publisher,
    "--override",
    JSON.stringify({ public: visibility === "true" }),
    "--output-path",
    vsix,
    "--no-prompt",
    "--no-color",
  ],
  { stdio: ["ignore", process.stderr, process.stderr] },
);
if (packed.status !== 0) {
  console.error(`tfx extension create exited with ${packed.status ?? packed.signal}.`);
  process.exit(1);
}
const zip = new AdmZip();
zip.addLocalFolder("extension");
// Not zip.writeZip: it makes the file world-writable (0666, whatever the umask).
writeFileSync(join(releaseDir, "buildinfo-azure-devops-extension.zip"), zip.toBuffer());
console.error(
  `Wrote ${vsix} (publisher ${publisher}, public: ${visibility}) and buildinfo-azure-devops-extension.zip.`,
);
