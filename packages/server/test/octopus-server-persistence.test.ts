import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
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

describe("persistence of the deployment side", () => {
  it("keeps projects, environments, releases and deployments across a restart, and goes on numbering them", async () => {
    const directory = await mkdtemp(join(tmpdir(), "buildinfo-octopus-"));
    directories.push(directory);
    const persistPath = join(directory, "state.json");
    const first = await startOctopusServer({ persistPath });
    const project = (await call(first, "POST", "/api/Spaces-1/projects", { body: { Name: "Shop" } })).json;
    const environment = (
      await call(first, "POST", "/api/Spaces-1/environments", { body: { Name: "Production" } })
    ).json;
    await call(first, "POST", "/api/Spaces-1/releases", {
      body: { ProjectId: project.Id, Version: "1.0.0" },
    });
    await call(first, "POST", "/api/Spaces-1/deployments", {
      body: { ReleaseId: "Releases-1", EnvironmentId: environment.Id },
    });
    await first.close();

    const second = await startOctopusServer({ persistPath });
    try {
      const deployments = await call(
        second,
        "GET",
        `/api/Spaces-1/deployments?environments=${environment.Id}&taskState=Success`,
      );
      expect(deployments.json.Items).toEqual([
        expect.objectContaining({ Id: "Deployments-1", ReleaseId: "Releases-1" }),
      ]);
      const next = await call(second, "POST", "/api/Spaces-1/releases", {
        body: { ProjectId: project.Id, Version: "1.1.0" },
      });
      expect(next.json.Id).toBe("Releases-2");
    } finally {
      await second.close();
    }
  });

  it("reads a file written before the deployment side existed", async () => {
    const directory = await mkdtemp(join(tmpdir(), "buildinfo-octopus-"));
    directories.push(directory);
    const persistPath = join(directory, "records.json");
    await writeFile(persistPath, JSON.stringify({ nextId: 1, records: [] }));
    const server = await startOctopusServer({ persistPath });
    try {
      expect((await call(server, "GET", "/api/Spaces-1/projects")).json.TotalResults).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe("LastModifiedOn", () => {
  it("moves strictly forward on every overwrite, even within a millisecond or after the clock went back", async () => {
    const directory = await mkdtemp(join(tmpdir(), "buildinfo-octopus-"));
    directories.push(directory);
    const persistPath = join(directory, "records.json");
    const first = await startOctopusServer({ persistPath });
    await call(first, "POST", "/api/Spaces-1/build-information", { body: pushBody("Shop.Web", "1.0.0") });
    const stamps: string[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const answer = await call(first, "POST", "/api/Spaces-1/build-information", {
        body: pushBody("Shop.Web", "1.0.0", { OverwriteMode: "OverwriteExisting" }),
      });
      stamps.push(answer.json.LastModifiedOn);
    }
    await first.close();
    const times = stamps.map(Date.parse);
    expect(times.every((time, index) => index === 0 || time > times[index - 1]!)).toBe(true);

    // A record stamped an hour ahead (a clock set back since) still moves forward from its own stamp.
    const state = JSON.parse(await readFile(persistPath, "utf8"));
    const ahead = new Date(Date.now() + 3_600_000).toISOString().replace("Z", "+00:00");
    state.records[0].LastModifiedOn = ahead;
    await writeFile(persistPath, JSON.stringify(state));
    const second = await startOctopusServer({ persistPath });
    try {
      const answer = await call(second, "POST", "/api/Spaces-1/build-information", {
        body: pushBody("Shop.Web", "1.0.0", { OverwriteMode: "OverwriteExisting" }),
      });
      expect(Date.parse(answer.json.LastModifiedOn)).toBe(Date.parse(ahead) + 1);
      expect(answer.json.Created).toBe(state.records[0].Created);
    } finally {
      await second.close();
    }
  });
});
