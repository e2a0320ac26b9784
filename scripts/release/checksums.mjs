// release/SHA256SUMS in the format `sha256sum -c` reads: "<hex>  <file name>". Every released file sits
// at the top of release/, as on a release page, so that `sha256sum -c --ignore-missing SHA256SUMS` in a
// folder of downloaded files finds them; a folder in release/ is an error.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function writeChecksums(releaseDir) {
  const entries = readdirSync(releaseDir, { withFileTypes: true });
  const folders = entries.filter((entry) => !entry.isFile()).map((entry) => entry.name);
  if (folders.length > 0) {
    throw new Error(
      `release/ holds ${folders.join(", ")}, not a file: a release page is flat, so write each artifact as one file at the top of release/ (a zip for a folder).`,
    );
  }
  const lines = entries
    .map((entry) => entry.name)
    .filter((name) => name !== "SHA256SUMS")
    .sort()
    .map(
      (name) =>
        `${createHash("sha256")
          .update(readFileSync(join(releaseDir, name)))
          .digest("hex")}  ${name}`,
    );
  writeFileSync(join(releaseDir, "SHA256SUMS"), `${lines.join("\n")}\n`);
  return lines.length;
}
