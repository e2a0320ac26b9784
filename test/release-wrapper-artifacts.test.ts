import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
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

  it("has every file at its top, each listed by its name in SHA256SUMS (a release page is flat)", () => {
    const entries = readdirSync(release, { withFileTypes: true });
    expect(entries.filter((entry) => !entry.isFile()).map((entry) => entry.name)).toEqual([]);
    expect(sums.sort()).toEqual(
      entries
        .map((entry) => entry.name)
        .filter((name) => name !== "SHA256SUMS")
        .sort(),
    );
  });

  it("has the Azure DevOps VSIX with its manifest and the task, and the unpacked extension", () => {
    const names = zipEntryNames(join(release, "buildinfo-azure-devops.vsix"));
    expect(names).toContain("extension.vsixmanifest");
    expect(names).toContain("task/task.json");
    expect(zipEntryNames(join(release, "buildinfo-azure-devops-extension.zip"))).toEqual(
      expect.arrayContaining(["vss-extension.json", "task/task.json", "task/bundle/task.cjs"]),
    );
    expect(sums).toEqual(
      expect.arrayContaining(["buildinfo-azure-devops.vsix", "buildinfo-azure-devops-extension.zip"]),
    );
  });

  it("has the GitHub Action's action.yml and the bundle it runs, in one zip", () => {
    const names = zipEntryNames(join(release, "buildinfo-github-action.zip"));
    expect(names).toEqual(expect.arrayContaining(["action.yml", "bundle/index.js", "bundle/cli/cli.js"]));
    expect(sums).toContain("buildinfo-github-action.zip");
  });

  it("has the TeamCity agent tool with both executables at its root, and the meta-runner", () => {
    const names = zipEntryNames(join(release, "buildinfo.zip"));
    expect(names).toEqual(expect.arrayContaining(["buildinfo", "buildinfo.exe", "teamcity-plugin.xml"]));
    expect(sums).toEqual(expect.arrayContaining(["buildinfo.zip", "buildinfo_PushBuildInformation.xml"]));
  });

  it("has the Jenkins shared library zip with the step and its help", () => {
    const names = zipEntryNames(join(release, "buildinfo-jenkins-library.zip"));
    expect(names).toEqual([
      "vars/octopusPushBuildInformation.groovy",
      "vars/octopusPushBuildInformation.txt",
    ]);
    expect(sums).toContain("buildinfo-jenkins-library.zip");
  });

  it("has the Bamboo Specs, YAML and Java, in one zip", () => {
    const names = zipEntryNames(join(release, "buildinfo-bamboo-specs.zip"));
    expect(names).toEqual(expect.arrayContaining(["bamboo-specs/bamboo.yml", "java/BuildinfoSpec.java"]));
    expect(sums).toContain("buildinfo-bamboo-specs.zip");
  });
});
