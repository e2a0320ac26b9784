import { readFileSync } from "node:fs";
import { join } from "node:path";

/** env-ci's service names and ci-info's vendor constants, as our adapter ids; others are not ours (→ git). */
const adapterOfPeerName: Readonly<Record<string, string>> = {
  jenkins: "jenkins",
  JENKINS: "jenkins",
  teamcity: "teamcity",
  TEAMCITY: "teamcity",
  bamboo: "bamboo",
  BAMBOO: "bamboo",
  github: "github-actions",
  GITHUB_ACTIONS: "github-actions",
  "azure-pipelines": "azure-devops",
  azurePipelines: "azure-devops",
  AZURE_PIPELINES: "azure-devops",
  bitbucket: "bitbucket-pipelines",
  BITBUCKET: "bitbucket-pipelines",
  appveyor: "appveyor",
  APPVEYOR: "appveyor",
  gitlab: "gitlab",
  GITLAB: "gitlab",
  git: "git",
};

export const adapterFor = (peerName: string | null | undefined): string =>
  (peerName == null ? undefined : adapterOfPeerName[peerName]) ?? "git";

export type PeerField = "commit" | "branch" | "build" | "buildUrl";

/** One env-ci service test: an environment and the values env-ci expects from it. */
export interface FieldCase {
  id: string;
  adapter: string;
  env: Record<string, string>;
  files: Record<string, string | object>;
  /** Only the fields env-ci's test states; `null` = env-ci returns undefined. */
  expected: Partial<Record<PeerField, string | null>>;
}

/** An environment and the server it must be detected as. */
export interface DetectionCase {
  id: string;
  env: Record<string, string>;
  adapter: string;
}

interface EnvCiData {
  cases: {
    id: string;
    service: string;
    env: Record<string, string>;
    files?: Record<string, string | object>;
    expected: Record<string, string | boolean | null>;
  }[];
  detection: { id: string; service: string | null; env: Record<string, string> }[];
  otherServices: { id: string; service: string; env: Record<string, string> }[];
}

type VendorEnv =
  | string
  | string[]
  | { env: string; includes: string }
  | { any: string[] }
  | Record<string, string>;

interface CiInfoData {
  vendors: { constant: string; env: VendorEnv }[];
  tests: { id: string; env: Record<string, string>; vendor: string | null }[];
}

const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8")) as T;

/** env-ci's field expectations: `prBranch` stands for the branch of a PR (we send the source branch). */
function expectedFields(expected: EnvCiData["cases"][number]["expected"]): FieldCase["expected"] {
  const fields: FieldCase["expected"] = {};
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  if ("commit" in expected) fields.commit = text(expected.commit);
  if (typeof expected.prBranch === "string") fields.branch = expected.prBranch;
  else if ("branch" in expected) fields.branch = text(expected.branch);
  if ("build" in expected) fields.build = text(expected.build);
  if ("buildUrl" in expected) fields.buildUrl = text(expected.buildUrl);
  return fields;
}

export function fieldCases(): FieldCase[] {
  return load<EnvCiData>("./env-ci-cases.json").cases.map((entry) => ({
    id: entry.id,
    adapter: adapterFor(entry.service),
    env: entry.env,
    files: entry.files ?? {},
    expected: expectedFields(entry.expected),
  }));
}

/** ci-info's vendor table as environments: every marker its `env` rule needs, with a value it accepts. */
function vendorEnv(rule: VendorEnv): Record<string, string> {
  if (typeof rule === "string") return { [rule]: "true" };
  if (Array.isArray(rule)) return Object.fromEntries(rule.map((name) => [name, "true"]));
  if ("any" in rule && Array.isArray(rule.any)) return { [rule.any[0] as string]: "true" };
  if ("includes" in rule && typeof rule.env === "string") return { [rule.env]: rule.includes as string };
  return { ...(rule as Record<string, string>) };
}

export function detectionCases(): DetectionCase[] {
  const envCi = load<EnvCiData>("./env-ci-cases.json");
  const ciInfo = load<CiInfoData>("./ci-info-cases.json");
  return [
    ...envCi.cases.map((entry) => ({
      id: `env-ci ${entry.id}`,
      env: entry.env,
      adapter: adapterFor(entry.service),
    })),
    ...envCi.detection.map((entry) => ({
      id: `env-ci ${entry.id}`,
      env: entry.env,
      adapter: adapterFor(entry.service),
    })),
    ...envCi.otherServices.map((entry) => ({ id: `env-ci ${entry.id}`, env: entry.env, adapter: "git" })),
    ...ciInfo.tests.map((entry) => ({ id: entry.id, env: entry.env, adapter: adapterFor(entry.vendor) })),
    ...ciInfo.vendors.map((vendor) => ({
      id: `ci-info vendors.json ${vendor.constant}`,
      env: vendorEnv(vendor.env),
      adapter: adapterFor(vendor.constant),
    })),
  ];
}

/**
 * A case's environment and files made real: `${FILE:name}` → a file written under `dir`, `${MISSING}` →
 * a path that does not exist, `${HEAD}` and env-ci's made-up commit id → `head`, a commit of the test repository.
 */
export function materialize(
  entry: Pick<FieldCase, "env" | "files" | "expected">,
  dir: string,
  head: string,
): { env: Record<string, string>; files: Record<string, string> } {
  const fakeCommit = entry.expected.commit;
  const expand = (text: string) =>
    text
      .replaceAll(/\$\{FILE:([^}]+)\}/g, (_, name: string) => join(dir, name))
      .replaceAll(/\$\{MISSING\}/g, join(dir, "missing", "absent.properties"))
      .replaceAll(/\$\{HEAD\}/g, head);
  const env = Object.fromEntries(
    Object.entries(entry.env).map(([name, value]) => [name, value === fakeCommit ? head : expand(value)]),
  );
  const files = Object.fromEntries(
    Object.entries(entry.files).map(([name, content]) => [
      join(dir, name),
      typeof content === "string" ? expand(content) : JSON.stringify(content),
    ]),
  );
  return { env, files };
}
