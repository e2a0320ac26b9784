// Writes the TeamCity agent tool <release>/buildinfo.zip from the standalone executables in
// <release>: buildinfo (from buildinfo-linux-x64) and buildinfo.exe (from buildinfo-win-x64.exe, when
// built) at its root, and a teamcity-plugin.xml marking buildinfo executable, since agents unpack
// tools without Unix permissions. TeamCity names a tool after its zip: %teamcity.tool.buildinfo%.
// Usage: node scripts/agent-tool.mjs <release dir>
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AdmZip from "adm-zip";

const releaseDir = process.argv[2];
if (!releaseDir) {
  console.error("usage: agent-tool.mjs <release dir>");
  process.exit(2);
}
const linux = join(releaseDir, "buildinfo-linux-x64");
const windows = join(releaseDir, "buildinfo-win-x64.exe");
if (!existsSync(linux)) {
  console.error(`${linux} is missing: build the standalone executables first (npm run release).`);
  process.exit(1);
}
const descriptor = `<?xml version="1.0" encoding="UTF-8"?>
<teamcity-agent-plugin xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xsi:noNamespaceSchemaLocation="urn:schemas-jetbrains-com:teamcity-agent-plugin-v1-xml">
  <tool-deployment>
    <layout>
      <executable-files>
        <include name="buildinfo"/>
      </executable-files>
    </layout>
  </tool-deployment>
</teamcity-agent-plugin>
`;
const zip = new AdmZip();
// adm-zip takes the permission bits alone (it keeps `attr & 0o7777` and adds the file type itself), so
// `unzip` gives a user an executable buildinfo too, not just an agent that reads teamcity-plugin.xml.
zip.addFile("buildinfo", readFileSync(linux), "", 0o755);
if (existsSync(windows)) zip.addFile("buildinfo.exe", readFileSync(windows));
zip.addFile("teamcity-plugin.xml", Buffer.from(descriptor));
// Not zip.writeZip: it makes the file world-writable (0666, whatever the umask).
writeFileSync(join(releaseDir, "buildinfo.zip"), zip.toBuffer());
console.error(`Wrote ${join(releaseDir, "buildinfo.zip")}.`);
