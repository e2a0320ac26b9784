// Writes $BUILDINFO_RELEASE_DIR/buildinfo-jenkins-library.zip: the shared library as Jenkins
// loads it (vars/ at the root), for a library retrieved from an archive or unpacked into a repository.
import { writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import AdmZip from "adm-zip";

const releaseDir = process.env.BUILDINFO_RELEASE_DIR;
if (!releaseDir || !isAbsolute(releaseDir)) {
  console.error(
    "BUILDINFO_RELEASE_DIR is not an absolute path: run this through `npm run release` at the root.",
  );
  process.exit(2);
}
const zip = new AdmZip();
zip.addLocalFolder("vars", "vars");
// Not zip.writeZip: it makes the file world-writable (0666, whatever the umask).
writeFileSync(join(releaseDir, "buildinfo-jenkins-library.zip"), zip.toBuffer());
console.error(`Wrote ${join(releaseDir, "buildinfo-jenkins-library.zip")}.`);
