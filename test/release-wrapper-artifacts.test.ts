import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureRelease } from "./support/release-build";

/** The names in a zip's central directory, read from the end of the file (the executables make some zips large). */
function zipEntryNames(path: string): string[] {
  const size = statSync(path).size;
  const length = Math.min(size, 1 << 20);
  const tail = Buffer.alloc(length);
  const fd = openSync(path, "r");
  try {
    readSync(fd, tail, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  const names: string[] = [];
  for (let at = tail.indexOf("PK\x01\x02", 0, "latin1"); at !== -1; ) {
    const nameLength = tail.readUInt16LE(at + 28);
    const skip = nameLength + tail.readUInt16LE(at + 30) + tail.readUInt16LE(at + 32);
    names.push(tail.toString("utf8", at + 46, at + 46 + nameLength));
    at = tail.indexOf("PK\x01\x02", at + 46 + skip, "latin1");
  }
  return names.sort();
}

// `npm run release` runs every wrapper's release script (docs/releasing.md): release/ must hold what users
// install on each build server, each listed in SHA256SUMS.
describe("the wrapper artifacts of npm run release", () => {
  let release: string;
  let sums: string[];

  beforeAll(async () => {
    release = await ensureRelease();
    sums = readFileSync(join(release, "SHA256SUMS"), "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split(/\s+\*?/)[1] ?? "");
  }, 15 * 60_000);

  it("has the Azure DevOps VSIX with its manifest and the task", () => {
    const names = zipEntryNames(join(release, "buildinfo-azure-devops.vsix"));
    expect(names).toContain("extension.vsixmanifest");
    expect(names).toContain("task/task.json");
    expect(sums).toContain("buildinfo-azure-devops.vsix");
  });

  it("has the GitHub Action's action.yml and the bundle it runs", () => {
    const action = readFileSync(join(release, "github-action", "action.yml"), "utf8");
    const main = /^\s+main:\s*(\S+)\s*$/m.exec(action)?.[1] ?? "";
    expect(main).not.toBe("");
    expect(statSync(join(release, "github-action", main)).isFile()).toBe(true);
    expect(sums).toContain(`github-action/${main}`);
  });

  it("has the TeamCity agent tool with both executables at its root, and the meta-runner", () => {
    const names = zipEntryNames(join(release, "teamcity", "buildinfo.zip"));
    expect(names).toEqual(expect.arrayContaining(["buildinfo", "buildinfo.exe", "teamcity-plugin.xml"]));
    expect(sums).toEqual(
      expect.arrayContaining([
        "teamcity/buildinfo.zip",
        "teamcity/meta-runners/buildinfo_PushBuildInformation.xml",
      ]),
    );
  });

  it("has the Jenkins shared library zip with the step and its help", () => {
    const names = zipEntryNames(join(release, "jenkins", "buildinfo-jenkins-library.zip"));
    expect(names).toEqual([
      "vars/octopusPushBuildInformation.groovy",
      "vars/octopusPushBuildInformation.txt",
    ]);
    expect(sums).toContain("jenkins/buildinfo-jenkins-library.zip");
  });
});
