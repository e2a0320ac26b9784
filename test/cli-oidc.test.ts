import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { type FakeApi, startFakeApi } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";

const serviceAccountId = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const idToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvc2hvcCJ9.c2lnbmF0dXJl";

describe("signing in with OIDC (a CI identity token exchanged for an Octopus access token)", () => {
  let server: LocalOctopusServer;
  let gitHub: FakeApi;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    server = await startOctopusServer({ oidc: { serviceAccountId, idTokens: [idToken] } });
    // The GitHub Actions token service: the runner's request token buys an id token for an audience.
    gitHub = await startFakeApi((request) =>
      request.headers.authorization === "Bearer runner-request-token" &&
      request.query.get("audience") === serviceAccountId
        ? { body: { value: idToken } }
        : { status: 401, body: { message: "bad request token or audience" } },
    );
    dir = await mkdtemp(join(tmpdir(), "buildinfo-oidc-"));
    file = join(dir, "octopus.buildinfo");
    await writeFile(
      file,
      JSON.stringify({ BuildEnvironment: "GitHub Actions", VcsType: "Git", Commits: [] }),
    );
  });

  afterAll(async () => {
    await server.close();
    await gitHub.close();
    await rm(dir, { recursive: true, force: true });
  });

  const bearerPosts = () =>
    server.requests.filter(
      (request) =>
        request.method === "POST" &&
        request.path.endsWith("/build-information") &&
        request.headers.authorization?.startsWith("Bearer "),
    );

  /** `push` of `file` to the server as the service account; `extra` gives the id token, if any. */
  const pushAsServiceAccount = (packageId: string, version: string, extra: string[] = []) =>
    runCli(
      [
        "push",
        "--server",
        server.url,
        "--service-account-id",
        serviceAccountId,
        "--package-id",
        packageId,
        "--version",
        version,
        "--file",
        file,
        ...extra,
      ],
      { cwd: dir },
    );

  it("exchanges a given id token and pushes with the access token, printing neither", async () => {
    const result = await pushAsServiceAccount("Shop.Web", "1.0.0", ["--id-token", idToken, "--verbose"]);
    expect(result.code, result.stderr).toBe(0);
    const [post] = bearerPosts();
    expect(post?.headers["x-octopus-apikey"] ?? "").toBe("");
    const accessToken = post!.headers.authorization!.slice("Bearer ".length);
    expect(result.stdout + result.stderr).not.toContain(idToken);
    expect(result.stdout + result.stderr).not.toContain(accessToken);
  });

  it("requests the id token from GitHub Actions for the service account's audience", async () => {
    const result = await runCli(["push", "--package-id", "Shop.Api", "--version", "1.0.0", "--file", file], {
      cwd: dir,
      env: {
        OCTOPUS_URL: server.url,
        OCTOPUS_SERVICE_ACCOUNT_ID: serviceAccountId,
        ACTIONS_ID_TOKEN_REQUEST_URL: `${gitHub.url}/_apis/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: "runner-request-token",
      },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(gitHub.requests.at(-1)?.query.get("api-version")).toBe("2.0");
    expect(server.records().some((record) => record.PackageId === "Shop.Api")).toBe(true);
  });

  it("exits 1 when the server refuses the id token", async () => {
    const result = await pushAsServiceAccount("Shop.Jobs", "1.0.0", ["--id-token", "eyJ.not-trusted.x"]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain("eyJ.not-trusted.x");
  });

  it("exits 2 without a request when a service account is named but no id token can be had", async () => {
    const before = server.requests.length;
    const result = await pushAsServiceAccount("Shop.Web", "2.0.0");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--id-token");
    expect(server.requests.length).toBe(before);
  });
});
