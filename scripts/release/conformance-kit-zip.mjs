// release/buildinfo-conformance-kit.zip: the conformance kit (scripts/conformance-kit.mjs) as plugin
// authors download it, every file under one folder, buildinfo-conformance-kit/.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import AdmZip from "adm-zip";
import { assembleKit } from "../conformance-kit.mjs";

export const kitFolder = "buildinfo-conformance-kit";

/** Assembles the kit in `work` and zips it to `target`; returns how many files it holds. */
export async function writeKitZip(target, work) {
  const dir = join(work, kitFolder);
  const files = await assembleKit(dir, { license: true });
  const zip = new AdmZip();
  zip.addLocalFolder(dir, kitFolder);
  // Not zip.writeZip: it makes the file world-writable (0666, whatever the umask).
  writeFileSync(target, zip.toBuffer());
  return files.length;
}
