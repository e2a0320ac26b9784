import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { collectBuildInformation, detectAdapter } from "@buildinfo/collect";
import type { BuildInformation } from "@buildinfo/core";
import { createHttpClient } from "@buildinfo/http";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../packages/cli/test/helpers/run-cli";
import { repoRoot } from "../support/workspace-files";
import { type DesignDifference, designDifferences } from "./design-differences";
import { detectionCases, type FieldCase, fieldCases, materialize, type PeerField } from "./peer-cases";

/**
 * env-ci's and ci-info's own test cases (test/peers/README.md) against `buildinfo collect` in a real
 * temporary git repository: each env-ci service case through the collect pipeline, auto-detected and
 * with `--from`, comparing commit, branch (a PR's source branch), build number and build URL; every
 * detection environment of both peers through the detection the pipeline uses; a sample of both
 * through the real CLI. A value other than the peer's must be a documented design difference.
 */

const ourField: Record<PeerField, keyof BuildInformation> = {
  commit: "VcsCommitNumber",
  branch: "Branch",
  build: "BuildNumber",
  buildUrl: "BuildUrl",
};

const differenceFor = (id: string, field: PeerField): DesignDifference | undefined =>
  designDifferences.find((difference) => id.startsWith(difference.cases) && difference.field === field);

// What the CLI hands the pipeline: the real client, with the build-server retry rule (two attempts).
const http = createHttpClient({ retry: { maxAttempts: 2 }, timeoutMs: 2000 });
let repo: TempGitRepo;
let head: string;
let filesDir: string;

beforeAll(async () => {
  repo = await createTempGitRepo({
    commits: [{ message: "Initial commit" }, { message: "Second commit" }],
    branch: "master",
    remoteUrl: "https://github.com/owner/repo.git",
  });
  head = repo.shas.at(-1)!;
  // As after a CI clone: the target of env-ci's pull requests (master) is known as origin/master.
  repo.git(["update-ref", "refs/remotes/origin/master", repo.shas[0]!]);
  filesDir = await mkdtemp(join(tmpdir(), "buildinfo-peers-"));
});

afterAll(async () => {
  await http.close();
  await repo.cleanup();
  await rm(filesDir, { recursive: true, force: true });
});

async function prepare(entry: FieldCase, index: number) {
  const dir = join(filesDir, String(index));
  const { env, files } = materialize(entry, dir, head);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  const expected = Object.fromEntries(
    Object.entries(entry.expected).map(([field, value]) => [
      field,
      // env-ci's commit ids were replaced by the head commit in the environment (materialize).
      field === "commit" ? head : value,
    ]),
  ) as FieldCase["expected"];
  return { env, expected };
}

describe("agreement with env-ci's service cases", () => {
  const cases = fieldCases();
  const compared: { id: string; field: PeerField; peer: string | null; ours: string | null }[] = [];
  const usedDifferences = new Set<DesignDifference>();

  it.each(cases.map((entry, index) => [entry.id, entry, index] as const))("%s", async (_id, entry, index) => {
    const { env, expected } = await prepare(entry, index);
    const auto = await collectBuildInformation({ env, cwd: repo.dir, http });
    expect(auto.adapter.id).toBe(entry.adapter);
    const chosen = await collectBuildInformation({
      adapter: entry.adapter,
      env,
      cwd: repo.dir,
      http,
    });
    expect(chosen.buildInformation).toEqual(auto.buildInformation);

    const actual: Record<string, string | null> = {};
    const wanted: Record<string, string | null> = {};
    for (const [field, peer] of Object.entries(expected) as [PeerField, string | null][]) {
      const ours = (auto.buildInformation[ourField[field]] as string | undefined) ?? null;
      const difference = differenceFor(entry.id, field);
      if (difference !== undefined) usedDifferences.add(difference);
      compared.push({ id: entry.id, field, peer, ours });
      actual[field] = ours;
      wanted[field] = difference === undefined ? peer : difference.ours;
    }
    expect(actual).toEqual(wanted);
  });

  it("states every design difference on its server's docs page", async () => {
    for (const difference of designDifferences) {
      const page = await readFile(join(repoRoot, difference.docs), "utf8");
      const section = page.split("## Differences from env-ci/ci-info")[1]?.split("\n## ")[0] ?? "";
      expect(section, difference.docs).toContain(difference.docsSays);
    }
  });

  it("lists no design difference that no case needs", () => {
    expect(designDifferences.filter((difference) => !usedDifferences.has(difference))).toEqual([]);
    const agreeing = compared.filter((entry) => entry.ours === entry.peer).length;
    console.info(`peer conformance: ${agreeing} of ${compared.length} fields agree with env-ci`);
  });
});

describe("detection of the peers' environments", () => {
  const cases = detectionCases();

  it.each(cases.map((entry) => [entry.id, entry] as const))("%s", (_id, entry) => {
    expect(detectAdapter(entry.env).manifest.id).toBe(entry.adapter);
  });
});

describe("a sample of the peers' cases through the real CLI", () => {
  const sample: { id: string; from?: string }[] = [
    { id: "jenkins/PR (PR ghprb-plugin)" },
    { id: "teamcity/Push - with missing build properties files" },
    { id: "azure-pipelines/PR", from: "azure-devops" },
    { id: "github/PR - with event.json file" },
    { id: "gitlab/Push", from: "gitlab" },
    { id: 'git/Return "commit" and "branch" from local repository' },
  ];
  const cases = fieldCases();

  it.each(sample.map((entry) => [entry.id, entry] as const))("%s", async (id, { from }) => {
    const index = cases.findIndex((entry) => entry.id === id);
    const entry = cases[index]!;
    const { env, expected } = await prepare(entry, 100 + index);
    const run = await runCli(["collect", ...(from === undefined ? [] : ["--from", from])], {
      env,
      cwd: repo.dir,
    });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, string | undefined>;
    for (const [field, peer] of Object.entries(expected) as [PeerField, string | null][]) {
      const difference = differenceFor(entry.id, field);
      expect([field, printed[ourField[field]] ?? null]).toEqual([
        field,
        difference === undefined ? peer : difference.ours,
      ]);
    }
  });

  it.each([
    ["env-ci index/bamboo", "Bamboo"],
    ["env-ci index/azurePipelines", "Azure DevOps"],
    ["ci-info test.js/Bitbucket Pipelines - Not PR", "BitBucket"],
    ["env-ci travis/base env", undefined],
  ] as const)("detects %s", async (id, displayName) => {
    const entry = detectionCases().find((candidate) => candidate.id === id)!;
    const run = await runCli(["collect"], { env: entry.env, cwd: repo.dir });
    expect(run.stderr).toContain(
      displayName === undefined ? "no build server detected" : `detected ${displayName}`,
    );
  });
});

describe("the order when two servers' markers are present (docs/cli.md#build-server-detection)", () => {
  // Where env-ci (first alphabetical match) or ci-info (last match of its table) answers otherwise, ours
  // trusts the marker a hosted service sets per job over a self-hosted server's inherited variables.
  it.each([
    [
      "a GitHub Actions runner started from a Jenkins agent",
      { GITHUB_ACTIONS: "true", JENKINS_URL: "https://ci/" },
      "github-actions",
    ],
    [
      "Azure Pipelines on an agent that also has TeamCity's variables",
      { TF_BUILD: "True", TEAMCITY_VERSION: "2024.03" },
      "azure-devops",
    ],
    [
      "a Bamboo job on a machine with JENKINS_URL",
      { bamboo_agentId: "131073", JENKINS_URL: "https://ci/" },
      "bamboo",
    ],
    [
      "TeamCity 2023.09+, which sets BUILD_URL, with JOB_NAME from a script",
      { TEAMCITY_VERSION: "2024.03", BUILD_URL: "https://tc/b/1", JOB_NAME: "x" },
      "teamcity",
    ],
    [
      "an AppVeyor build whose image sets JENKINS_URL",
      { APPVEYOR: "True", JENKINS_URL: "https://ci/" },
      "appveyor",
    ],
  ] as const)("%s", (_name, env, adapter) => {
    const detection = detectAdapter(env);
    expect(detection.manifest.id).toBe(adapter);
    expect(detection.warning).toContain("Pass --from");
  });
});
