import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { javaPropertiesText } from "@buildinfo/conformance";
import { type ConformanceBuild, type FakeApi, type FakeApiHandler, startFakeApi } from "@buildinfo/testing";

export interface FixtureChange {
  version: string;
  comment: string;
  vcsRootId?: string;
}

export interface PropertiesFiles {
  dir: string;
  buildFile: string;
  configFile: string;
  cleanup(): Promise<void>;
}

/** The two files a TeamCity agent writes: system properties (naming the second) and configuration parameters. */
export async function writeTeamCityProperties(
  system: Record<string, string>,
  config: Record<string, string>,
): Promise<PropertiesFiles> {
  const dir = await mkdtemp(join(tmpdir(), "buildinfo-teamcity-"));
  const buildFile = join(dir, "teamcity.build123.properties");
  const configFile = join(dir, "teamcity.config123.properties");
  await writeFile(
    buildFile,
    javaPropertiesText(
      { ...system, "teamcity.configuration.properties.file": configFile },
      "TeamCity build properties without 'system.' prefix",
    ),
    "latin1",
  );
  await writeFile(configFile, javaPropertiesText(config, "TeamCity configuration parameters"), "latin1");
  return { dir, buildFile, configFile, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const xmlEscape = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#xD;");

function changeXml(change: FixtureChange, index: number): string {
  const root = change.vcsRootId
    ? `<vcsRootInstance id="${index + 900}" vcs-root-id="${change.vcsRootId}" name="${change.vcsRootId}" href="/app/rest/vcs-root-instances/id:${index + 900}"/>`
    : "";
  return `<change id="${5000 + index}" version="${change.version}"><comment>${xmlEscape(change.comment)}</comment>${root}</change>`;
}

function changeJson(change: FixtureChange, index: number): object {
  return {
    id: 5000 + index,
    version: change.version,
    comment: change.comment,
    ...(change.vcsRootId
      ? { vcsRootInstance: { id: String(index + 900), "vcs-root-id": change.vcsRootId } }
      : {}),
  };
}

/**
 * `/app/rest/changes?locator=build:(id:N),count:C,start:S&fields=…` as TeamCity answers it: XML unless
 * `Accept: application/json`, `nextHref` unless `withNextHref` is false (old servers).
 */
export function teamCityChangesHandler(
  buildId: string,
  changes: FixtureChange[],
  options: { withNextHref?: boolean } = {},
): FakeApiHandler {
  return (request) => {
    const locator = request.query.get("locator") ?? "";
    const match = /^build:\(id:(\d+)\),count:(\d+),start:(\d+)$/.exec(locator);
    if (!request.path.endsWith("/app/rest/changes") || !match || match[1] !== buildId) {
      return { status: 404, body: `unexpected ${request.path}?locator=${locator}` };
    }
    const count = Number(match[2]);
    const start = Number(match[3]);
    const page = changes.slice(start, start + count);
    const more = start + count < changes.length && options.withNextHref !== false;
    const fields = request.query.get("fields") ?? "";
    const nextHref = `${request.path}?locator=build:(id:${buildId}),count:${count},start:${start + count}&fields=${fields}`;
    if ((request.headers.accept ?? "").includes("application/json")) {
      return {
        body: {
          count: page.length,
          ...(more ? { nextHref } : {}),
          change: page.map((change, i) => changeJson(change, start + i)),
        },
      };
    }
    return {
      headers: { "content-type": "application/xml" },
      body:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<changes count="${page.length}"` +
        `${more ? ` nextHref="${xmlEscape(nextHref)}"` : ""}>\n` +
        page.map((change, i) => `  ${changeXml(change, start + i)}`).join("\n") +
        "\n</changes>",
    };
  };
}

export interface TeamCityAgent {
  api: FakeApi;
  files: PropertiesFiles;
  /** What the agent sets for a build step (the properties file's path, the build number, …). */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/**
 * The conformance build as a TeamCity agent runs it: its changes from a fake REST API (XML unless
 * asked for JSON) and the two properties files, for one Git VCS root.
 */
export async function teamCityAgentFor(build: ConformanceBuild): Promise<TeamCityAgent> {
  const buildId = "70311";
  const rootId = "Shop_GitGithubComAcmeShopWebGit";
  const api = await startFakeApi(
    teamCityChangesHandler(
      buildId,
      build.buildCommits.map((commit) => ({
        version: commit.id,
        comment: commit.comment,
        vcsRootId: rootId,
      })),
    ),
  );
  const files = await writeTeamCityProperties(
    {
      "teamcity.build.id": buildId,
      "build.number": build.buildNumber,
      "teamcity.auth.userId": `TeamCityBuildId=${buildId}`,
      "teamcity.auth.password": "temporary-secret",
    },
    {
      "teamcity.serverUrl": api.url,
      "teamcity.build.branch": build.branch,
      [`teamcity.build.vcs.branch.${rootId}`]: `refs/heads/${build.branch}`,
      [`vcsroot.${rootId}.url`]: build.remoteUrl,
      [`vcsroot.${rootId}.vcsName`]: "jetbrains.git",
      [`build.vcs.number.${rootId}`]: build.head,
    },
  );
  return {
    api,
    files,
    env: {
      TEAMCITY_VERSION: "2025.03 (build 186049)",
      BUILD_NUMBER: build.buildNumber,
      TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile,
      [`BUILD_VCS_NUMBER_${rootId}`]: build.head,
    },
    cleanup: async () => {
      await api.close();
      await files.cleanup();
    },
  };
}
