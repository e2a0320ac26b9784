import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sameOriginLink } from "@buildinfo/core";
import { createHttpClient } from "@buildinfo/http";
import {
  type ConformanceBuild,
  createConformanceBuild,
  createTempGitRepo,
  type FakeApi,
  type FakeApiHandler,
  startFakeApi,
} from "@buildinfo/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type PropertiesFiles,
  writeTeamCityProperties,
} from "../../adapters/teamcity/test/teamcity-fixtures";
import { runCli } from "../../packages/cli/test/helpers/run-cli";

describe("finding 2: build credentials stay on the configured build server's origin", () => {
  let build: ConformanceBuild;
  let attacker: FakeApi;
  let teamCity: FakeApi | undefined;
  let files: PropertiesFiles | undefined;
  const rootId = "Shop_Git";
  const secret = "temporary-secret-7c1f";

  beforeAll(async () => {
    build = await createConformanceBuild();
    attacker = await startFakeApi(() => ({ body: { count: 0, change: [] } }));
  });
  afterEach(async () => {
    await teamCity?.close();
    await files?.cleanup();
    teamCity = undefined;
    files = undefined;
    attacker.requests.length = 0;
  });
  afterAll(async () => {
    await attacker.close();
    await build.repo.cleanup();
  });

  async function collectFromTeamCity(handler: FakeApiHandler, cwd = build.repo.dir) {
    teamCity = await startFakeApi(handler);
    files = await writeTeamCityProperties(
      {
        "teamcity.build.id": "70311",
        "teamcity.auth.userId": "TeamCityBuildId=70311",
        "teamcity.auth.password": secret,
      },
      {
        "teamcity.serverUrl": teamCity.url,
        "teamcity.build.branch": build.branch,
        [`vcsroot.${rootId}.url`]: build.remoteUrl,
        [`vcsroot.${rootId}.vcsName`]: "jetbrains.git",
        [`build.vcs.number.${rootId}`]: build.head,
      },
    );
    return runCli(["collect", "--from", "teamcity"], {
      cwd,
      env: {
        TEAMCITY_VERSION: "2024.03",
        TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile,
        BUILD_NUMBER: build.buildNumber,
      },
    });
  }

  const firstPage =
    (nextHref: string): FakeApiHandler =>
    () => ({
      body: {
        count: 1,
        nextHref,
        change: [
          { id: 1, version: build.head, comment: "one", vcsRootInstance: { id: "9", "vcs-root-id": rootId } },
        ],
      },
    });

  it("refuses a TeamCity nextHref on another host and port: no request, no credentials there", async () => {
    const result = await collectFromTeamCity(firstPage(`${attacker.url}/app/rest/changes?locator=x`));
    expect(attacker.requests).toHaveLength(0);
    // The adapter goes on without the REST changes, and says why.
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /nextHref from http:\/\/127\.0\.0\.1:\d+ points at http:\/\/127\.0\.0\.1:\d+, another origin/,
    );
    expect(result.stderr + result.stdout).not.toContain(secret);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("finding 9: keeps the refused nextHref's warning when the fallback to the checkout then fails", async () => {
    const refused =
      /nextHref from http:\/\/127\.0\.0\.1:\d+ points at http:\/\/127\.0\.0\.1:\d+, another origin/g;
    const outside = await mkdtemp(join(tmpdir(), "buildinfo-no-checkout-"));
    try {
      // No checkout at all: the run fails (exit 2), and still says what was refused before that.
      const noCheckout = await collectFromTeamCity(firstPage(`${attacker.url}/app/rest/changes`), outside);
      expect(noCheckout.code, noCheckout.stderr).toBe(2);
      expect(noCheckout.stderr).toContain("E_GIT_NOT_A_REPOSITORY");
      expect(noCheckout.stderr.match(refused)).toHaveLength(1);
      // Its fix is the link's, not the read's permissions.
      expect(noCheckout.stderr).toContain("To fix: Check the server's configured root URL");
      expect(noCheckout.stderr + noCheckout.stdout).not.toContain(secret);
      // A checkout without the build's commit: each failure is warned about once.
      const other = await createTempGitRepo();
      try {
        other.commit("unrelated");
        const missingHead = await collectFromTeamCity(
          firstPage(`${attacker.url}/app/rest/changes`),
          other.dir,
        );
        expect(missingHead.code, missingHead.stderr).toBe(0);
        expect(missingHead.stderr.match(refused)).toHaveLength(1);
        expect(missingHead.stderr.split(`Cannot read the commits ${build.head} (from`)).toHaveLength(2);
      } finally {
        await other.cleanup();
      }
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
    expect(attacker.requests).toHaveLength(0);
  });

  it("does not follow a redirect to another origin", async () => {
    const result = await collectFromTeamCity(() => ({
      status: 302,
      headers: { location: `${attacker.url}/app/rest/changes` },
    }));
    expect(attacker.requests).toHaveLength(0);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("failed with HTTP 302");
  });

  it("the adapters' HTTP client returns a redirect as an answer: no request, no credentials to its target", async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const redirecting = await startFakeApi(() => ({
        status,
        headers: { location: `${attacker.url}/next` },
      }));
      const http = createHttpClient({ env: {} });
      try {
        const response = await http.get(`${redirecting.url}/api/json`, {
          basicAuth: { username: "u", password: secret },
        });
        expect(response.status).toBe(status);
      } finally {
        await http.close();
        await redirecting.close();
      }
    }
    expect(attacker.requests).toHaveLength(0);
  });

  it("refuses a link that changes scheme (https → http downgrade) or port, and drops userinfo", () => {
    expect(() =>
      sameOriginLink("http://ci.example.com/app/rest/changes", "https://ci.example.com", "link"),
    ).toThrow(/another origin/);
    expect(() => sameOriginLink("//ci.example.com:8443/x", "https://ci.example.com", "link")).toThrow(
      /another origin/,
    );
    expect(sameOriginLink("https://u:p@ci.example.com/x?y=1", "https://ci.example.com/tc", "link")).toBe(
      "https://ci.example.com/x?y=1",
    );
    expect(sameOriginLink("/app/rest/changes?start=2", "https://ci.example.com/tc", "link")).toBe(
      "https://ci.example.com/app/rest/changes?start=2",
    );
  });
});
