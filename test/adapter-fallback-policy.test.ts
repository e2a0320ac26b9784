import { bambooAdapter } from "@buildinfo/adapter-bamboo";
import { jenkinsAdapter } from "@buildinfo/adapter-jenkins";
import { type Adapter, BuildInfoError, type Environment, type HttpClient } from "@buildinfo/core";
import { createTestContext } from "@buildinfo/testing";
import { describe, expect, it } from "vitest";

const head = "c".repeat(40);
const previous = "b".repeat(40);

const servers: [string, Adapter, Environment][] = [
  [
    "Jenkins",
    jenkinsAdapter,
    {
      BUILD_URL: "https://ci.example.com/job/shop/9/",
      JOB_NAME: "shop",
      GIT_COMMIT: head,
      GIT_PREVIOUS_COMMIT: previous,
    },
  ],
  [
    "Bamboo",
    bambooAdapter,
    {
      bamboo_buildNumber: "7",
      bamboo_buildResultKey: "CD-CDOB-JOB1-7",
      bamboo_buildResultsUrl: "https://bamboo.example.com/browse/CD-CDOB-JOB1-7",
      bamboo_planRepository_revision: head,
      bamboo_planRepository_previousRevision: previous,
      bamboo_planRepository_repositoryUrl: "https://github.com/acme/shop.git",
      bamboo_planRepository_type: "gitv2",
      BAMBOO_TOKEN: "pat",
    },
  ],
];

function failingHttp(error: unknown): HttpClient {
  return { get: () => Promise.reject(error) };
}

describe("the fallback policy of adapters that read an API", () => {
  it.each(servers)("%s falls back to the checkout when the API fails", async (_name, adapter, env) => {
    const outage = new BuildInfoError("E_NETWORK", "Network failure reading the build: ECONNREFUSED.");
    const draft = await adapter.collect(createTestContext({ env, http: failingHttp(outage) }));
    expect(draft.warnings?.join("\n")).toContain("ECONNREFUSED");
    expect(draft.commitRange).toMatchObject({ from: previous, to: head });
  });

  it.each(servers)("%s never swallows a bug or an input error", async (_name, adapter, env) => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'items')");
    await expect(adapter.collect(createTestContext({ env, http: failingHttp(bug) }))).rejects.toBe(bug);
    const input = new BuildInfoError("E_USAGE", "The URL is not valid.");
    await expect(adapter.collect(createTestContext({ env, http: failingHttp(input) }))).rejects.toBe(input);
  });
});
