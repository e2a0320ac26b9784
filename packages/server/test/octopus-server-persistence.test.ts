import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startOctopusServer } from "../src/octopus-server";
import { call, pushBody } from "./octopus-call";

const directories: string[] = [];
afterEach(async () => {
  await Promise.all(
    directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })),
  );
});

describe("persistence", () => {
  it("writes the records after each change and loads them on the next start, keeping ids unique", async () => {
    const directory = await mkdtemp(join(tmpdir(), "buildinfo-octopus-"));
    directories.push(directory);
    const persistPath = join(directory, "records.json");

    const first = await startOctopusServer({ persistPath });
    await call(first, "POST", "/api/Spaces-1/build-information", { body: pushBody("Shop.Web", "1.0.0") });
    await call(first, "POST", "/api/Spaces-1/build-information", { body: pushBody("Shop.Api", "1.0.0") });
    await call(first, "DELETE", "/api/Spaces-1/build-information/BuildInformation-2");
    const written = JSON.parse(await readFile(persistPath, "utf8"));
    expect(written.records.map((record: { Id: string }) => record.Id)).toEqual(["BuildInformation-1"]);
    expect(await readdir(directory)).toEqual(["records.json"]);
    const stored = first.records();
    await first.close();

    const second = await startOctopusServer({ persistPath });
    try {
      expect(second.records()).toEqual(stored);
      const conflict = await call(second, "POST", "/api/Spaces-1/build-information", {
        body: pushBody("Shop.Web", "1.0.0"),
      });
      expect(conflict.status).toBe(409);
      const next = await call(second, "POST", "/api/Spaces-1/build-information", {
        body: pushBody("Shop.Api", "1.0.0"),
      });
      expect(next.json.Id).toBe("BuildInformation-3");
    } finally {
      await second.close();
    }
  });
});
