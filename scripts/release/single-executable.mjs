// Node single executable applications (https://nodejs.org/docs/latest-v22.x/api/single-executable-applications.html):
// the CommonJS bundle becomes a SEA blob, and the official postject injects it into a copy of each
// platform's Node binary.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

const postject = createRequire(import.meta.url).resolve("postject/dist/cli.js");

const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";
const MAGIC = { linux: [0x7f, 0x45, 0x4c, 0x46], win32: [0x4d, 0x5a], darwin: [0xcf, 0xfa, 0xed, 0xfe] };

/**
 * Generates the SEA blob from the CommonJS bundle (a file in `workDir`) with `generator`, a Node binary
 * that runs here. The blob records the main script's path as given, so it is given relative to
 * `workDir`: an absolute path would put the release machine's temporary folder into every executable,
 * and the same sources would not give the same bytes.
 */
export function seaBlob(generator, bundle, workDir) {
  const config = join(workDir, "sea-config.json");
  const blob = join(workDir, "sea-prep.blob");
  // No code cache or snapshot: those are specific to the platform that generates them, and this one
  // blob goes into every platform's binary.
  writeFileSync(
    config,
    JSON.stringify({
      main: relative(workDir, bundle),
      output: "sea-prep.blob",
      disableExperimentalSEAWarning: true,
    }),
  );
  const result = spawnSync(generator, ["--experimental-sea-config", "sea-config.json"], {
    cwd: workDir,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`generating the SEA blob failed: ${result.stderr.trim()}`);
  return blob;
}

/** Copies `nodeBinary` to `output` and injects the blob file as the target platform expects it. */
export function buildExecutable(target, nodeBinary, blob, output) {
  copyFileSync(nodeBinary, output);
  chmodSync(output, 0o755);
  const args = [postject, output, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE];
  if (target.platform === "darwin") args.push("--macho-segment-name", "NODE_SEA");
  // postject's (LIEF's) warnings about Node's many ELF notes and the now-invalid Windows and macOS
  // signatures are expected: its output is shown only when it fails.
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(`postject failed for ${output}: ${result.stdout}${result.stderr}`.trim());
  checkExecutable(target, output, readFileSync(blob));
}

/** What can be checked without running it: the platform's file magic, the blob inside, the fuse flipped. */
function checkExecutable(target, path, blob) {
  const bytes = readFileSync(path);
  const magic = MAGIC[target.platform];
  if (!magic.every((byte, index) => bytes[index] === byte)) {
    throw new Error(`${path} is not a ${target.platform} executable (unexpected file magic).`);
  }
  if (bytes.indexOf(blob.subarray(0, 4096)) === -1) throw new Error(`${path} does not contain the SEA blob.`);
  if (bytes.indexOf(`${SEA_FUSE}:1`) === -1) throw new Error(`${path}: postject did not flip the SEA fuse.`);
}
