import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, startFakeApi, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../packages/cli/test/helpers/push-args";
import { runCli } from "../packages/cli/test/helpers/run-cli";

const jobToken = "glpat-JOBTOKEN7x9Qz2Lm4Np6Rs8T";
const password = "hunter2-Pa55word";

describe("secrets never reach Octopus or any output", () => {
  let server: LocalOctopusServer;
  let repo: TempGitRepo;

  beforeAll(async () => {
    server = await startOctopusServer();
    // GitLab's CI_REPOSITORY_URL shape: the remote of the checkout carries the job token.
    repo = await createTempGitRepo({
      remoteUrl: `https://gitlab-ci-token:${jobToken}@gitlab.example.com/acme/shop.git`,
      commits: [
        { message: "First", files: { "a.txt": "a" } },
        { message: "Second", files: { "a.txt": "b" } },
      ],
    });
  });

  afterAll(async () => {
    await server.close();
    await repo.cleanup();
  });

  const allBodies = () => server.requests.map((request) => `${request.path} ${request.body}`).join("\n");

  it("strips the credentials of the checkout's remote from VcsRoot, with --verbose on", async () => {
    const result = await runCli(pushArgs(server, "Acme.Web", "1.0.0", ["--verbose"]), { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    const [record] = server.records();
    expect(record?.VcsRoot).toBe("https://gitlab.example.com/acme/shop");
    expect(allBodies()).not.toContain(jobToken);
    expect(result.stdout + result.stderr).not.toContain(jobToken);
    // --verbose printed the payload, but neither the key nor the token.
    expect(result.stderr).toContain('"OctopusBuildInformation"');
    expect(result.stdout + result.stderr).not.toContain(server.apiKey);
  });

  it("strips a password from a --vcs-root override and from the server URL in messages", async () => {
    const result = await runCli(
      pushArgs(server, "Acme.Api", "1.0.0", [
        "--vcs-root",
        `https://alice:${password}@github.com/acme/shop.git`,
        "--verbose",
        "--log-format",
        "json",
      ]),
      { cwd: repo.dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const record = server.records().find((stored) => stored.PackageId === "Acme.Api");
    expect(record?.VcsRoot).toBe("https://github.com/acme/shop");
    expect(allBodies()).not.toContain(password);
    expect(result.stdout + result.stderr).not.toContain(password);
    expect(result.stdout + result.stderr).not.toContain(server.apiKey);
    // --log-format json: every stderr line is one JSON object.
    for (const line of result.stderr.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("never prints the API key taken from the environment, even in the dry-run payload", async () => {
    const result = await runCli(
      ["push", "--package-id", "Acme.Web", "--version", "2.0.0", "--dry-run", "--verbose"],
      {
        cwd: repo.dir,
        env: { OCTOPUS_URL: server.url, OCTOPUS_API_KEY: server.apiKey },
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(server.apiKey);
    expect(result.stdout + result.stderr).not.toContain(jobToken);
  });

  it("keeps credentials out of collect's output", async () => {
    const result = await runCli(["collect", "--verbose"], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(jobToken);
    expect(JSON.parse(result.stdout)).toMatchObject({ VcsRoot: "https://gitlab.example.com/acme/shop" });
  });

  it("masks a build server's token that its API answer reflects back", async () => {
    const token = "azToken-9fQ2mX7pL4rT8wK1";
    // A proxy or sign-in page that echoes the request's Authorization header in its title.
    const reflector = await startFakeApi((request) => ({
      headers: { "content-type": "text/html" },
      body: `<html><title>Signed in as ${request.headers.authorization}</title></html>`,
    }));
    try {
      const result = await runCli(["collect", "--from", "azure-devops", "--verbose"], {
        cwd: repo.dir,
        env: {
          TF_BUILD: "True",
          SYSTEM_TEAMFOUNDATIONCOLLECTIONURI: `${reflector.url}/`,
          SYSTEM_TEAMPROJECT: "Shop",
          BUILD_BUILDID: "7",
          BUILD_SOURCEVERSION: repo.shas.at(-1) ?? "",
          BUILD_REPOSITORY_PROVIDER: "TfsGit",
          BUILD_SOURCEBRANCH: "refs/heads/main",
          SYSTEM_ACCESSTOKEN: token,
        },
      });
      expect(reflector.requests.length).toBeGreaterThan(0);
      expect(result.stderr).toContain("Signed in as Bearer ***");
      expect(result.stdout + result.stderr).not.toContain(token);
    } finally {
      await reflector.close();
    }
  });
});
