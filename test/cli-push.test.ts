import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../packages/cli/test/helpers/push-args";
import { runCli } from "../packages/cli/test/helpers/run-cli";

const spaces = [
  { Id: "Spaces-1", Name: "Default", IsDefault: true },
  { Id: "Spaces-2", Name: "Web Team" },
];

describe("buildinfo push against the local Octopus server", () => {
  let server: LocalOctopusServer;
  let repo: TempGitRepo;

  beforeAll(async () => {
    server = await startOctopusServer({ spaces });
    repo = await createTempGitRepo({
      branch: "feature/SHOP-12-price-cache",
      remoteUrl: "git@github.com:acme/shop-web.git",
      commits: [
        { message: "Initial import", files: { "README.md": "shop\n" } },
        {
          message: "SHOP-12 cache prices\n\nThe cache keeps prices for 5 minutes.\n\nFixes #41",
          files: { "a.txt": "1" },
        },
      ],
    });
  });

  afterAll(async () => {
    await server.close();
    await repo.cleanup();
  });

  it("pushes two packages to a space named on the command line, from the git checkout", async () => {
    const result = await runCli(
      pushArgs(server, "Acme.Web", "1.4.2", [
        "--space",
        "Web Team",
        "--package-id",
        "Acme.Api",
        "--build-number",
        "311",
      ]),
      { cwd: repo.dir },
    );
    expect(result.stderr).not.toContain(server.apiKey);
    expect(result.code, result.stderr).toBe(0);

    const stored = server.records().filter((record) => record.Version === "1.4.2");
    expect(stored.map((record) => record.PackageId).sort()).toEqual(["Acme.Api", "Acme.Web"]);
    for (const record of stored) {
      expect(record.SpaceId).toBe("Spaces-2");
      expect(record.BuildEnvironment).toBe("Git");
      expect(record.BuildNumber).toBe("311");
      expect(record.Branch).toBe("feature/SHOP-12-price-cache");
      expect(record.VcsRoot).toBe("https://github.com/acme/shop-web");
      expect(record.VcsCommitNumber).toBe(repo.shas[1]);
      expect(record.Commits.map((commit) => commit.Id)).toEqual([repo.shas[1], repo.shas[0]]);
      expect(record.Commits[0]?.Comment).toBe(
        "SHOP-12 cache prices\n\nThe cache keeps prices for 5 minutes.\n\nFixes #41",
      );
      // The summary names each package with its Octopus id and the record's page in the web UI.
      expect(result.stdout).toContain(record.Id);
      expect(result.stdout).toContain(`${server.url}/app#/Spaces-2/library/buildinformation/${record.Id}`);
    }
    expect(result.stdout).toMatch(/created\s+Acme\.Web 1\.4\.2/);
    expect(result.stdout).toMatch(/created\s+Acme\.Api 1\.4\.2/);
    expect(result.stdout).toContain("2 of 2 pushed.");
  });

  it("takes the server, key and space from the environment and prints the summary as JSON with --json", async () => {
    const result = await runCli(
      ["push", "--package-id", "Acme.Web", "--version", "2.0.0-beta.1", "--json", "--from", "git"],
      {
        cwd: repo.dir,
        env: { OCTOPUS_URL: server.url, OCTOPUS_API_KEY: server.apiKey, OCTOPUS_SPACE: "Spaces-2" },
      },
    );
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      space: { Id: string; Name: string };
      overwriteMode: string;
      pushed: number;
      failed: number;
      results: {
        packageId: string;
        version: string;
        ok: boolean;
        outcome: string;
        recordId: string;
        link: string;
      }[];
    };
    const record = server.records().find((stored) => stored.Version === "2.0.0-beta.1");
    expect(summary).toMatchObject({
      space: { Id: "Spaces-2", Name: "Web Team" },
      overwriteMode: "FailIfExists",
      pushed: 1,
      failed: 0,
      results: [
        {
          packageId: "Acme.Web",
          version: "2.0.0-beta.1",
          ok: true,
          outcome: "created",
          recordId: record?.Id,
          link: `${server.url}/app#/Spaces-2/library/buildinformation/${record?.Id}`,
        },
      ],
    });
  });

  it("accepts octo's variable names OCTOPUS_CLI_SERVER and OCTOPUS_CLI_API_KEY, and the default space", async () => {
    const result = await runCli(["push", "--package-id", "Acme.Web", "--version", "3.0.0"], {
      cwd: repo.dir,
      env: { OCTOPUS_CLI_SERVER: server.url, OCTOPUS_CLI_API_KEY: server.apiKey },
    });
    expect(result.code, result.stderr).toBe(0);
    const record = server.records().find((stored) => stored.Version === "3.0.0");
    expect(record?.SpaceId).toBe("Spaces-1");
  });

  it("sends nothing with --dry-run and prints the requests it would send", async () => {
    const before = server.requests.length;
    const result = await runCli(pushArgs(server, "Acme.Web", "9.9.9", ["--dry-run", "--space", "Spaces-2"]), {
      cwd: repo.dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(server.requests.length).toBe(before);
    const plan = JSON.parse(result.stdout) as {
      dryRun: boolean;
      requests: {
        method: string;
        path: string;
        body: { SpaceId: string; PackageId: string; Version: string };
      }[];
    };
    expect(plan.dryRun).toBe(true);
    expect(plan.requests).toHaveLength(1);
    expect(plan.requests[0]).toMatchObject({
      method: "POST",
      path: "/api/Spaces-2/build-information?overwriteMode=FailIfExists",
      body: { SpaceId: "Spaces-2", PackageId: "Acme.Web", Version: "9.9.9" },
    });
    expect(result.stdout).not.toContain(server.apiKey);
  });

  it("exits 1 and names the space when the space does not exist", async () => {
    const result = await runCli(pushArgs(server, "Acme.Web", "4.0.0", ["--space", "Nope"]), {
      cwd: repo.dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Nope");
  });

  it("exits 1 with a clear message when the API key is wrong, without printing it", async () => {
    const wrongKey = "API-WRONGKEY00000000000000000000";
    const result = await runCli(pushArgs({ url: server.url, apiKey: wrongKey }, "Acme.Web", "5.0.0"), {
      cwd: repo.dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/401|API key/i);
    // The client's hint speaks of the value; the CLI names the flag and the variable that give it.
    expect(result.stderr).toContain("Give a valid API key (--api-key or OCTOPUS_API_KEY)");
    expect(result.stderr + result.stdout).not.toContain(wrongKey);
  });
});
