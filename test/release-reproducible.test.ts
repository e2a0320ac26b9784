import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seaBlob } from "../scripts/release/single-executable.mjs";
import { ensureRelease } from "./support/release-build";

// Same sources, same bytes: nothing of the machine that built a release (its temporary folders) may end
// up in what users download.
describe("reproducible standalone executables", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("generates the same SEA blob from the same bundle in any working folder", async () => {
    const blobs: Buffer[] = [];
    for (const name of ["first", "second-with-a-longer-name"]) {
      const work = await mkdtemp(join(tmpdir(), `buildinfo-sea-${name}-`));
      dirs.push(work);
      const bundle = join(work, "buildinfo.cjs");
      writeFileSync(bundle, 'console.log("buildinfo");\n');
      blobs.push(readFileSync(seaBlob(process.execPath, bundle, work)));
    }
    expect(blobs[0]?.equals(blobs[1]!)).toBe(true);
    expect(blobs[0]?.includes(tmpdir())).toBe(false);
  });

  it(
    "releases executables that name no folder of the machine that built them",
    () => {
      const release = ensureRelease();
      for (const name of ["buildinfo-linux-x64", "buildinfo-win-x64.exe"]) {
        const bytes = readFileSync(join(release, name));
        expect(bytes.includes("buildinfo-release-"), name).toBe(false);
      }
    },
    15 * 60_000,
  );
});
