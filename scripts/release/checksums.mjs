// release/SHA256SUMS in the format `sha256sum -c` reads: "<hex>  <path relative to release/>".
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export function writeChecksums(releaseDir) {
  const lines = filesUnder(releaseDir)
    .map((file) => relative(releaseDir, file).split(sep).join("/"))
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
