// After a push, Octopus's answer (the record it mapped: its WorkItems) is checked against what the preview
// expects of the build: the summary names what Octopus linked and each expected work item it did not.

import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import type { TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../packages/cli/test/helpers/push-args";
import { runCli } from "../packages/cli/test/helpers/run-cli";
import { createReferencesRepo } from "./support/octopus-references-repo";

describe("buildinfo push checks Octopus's work items against the preview", () => {
  let server: LocalOctopusServer;
  let repo: TempGitRepo;

  beforeAll(async () => {
    // The local server has no Jira tracker: a Jira key is never linked.
    server = await startOctopusServer();
    repo = await createReferencesRepo();
  });
  afterAll(async () => {
    await server.close();
    await repo.cleanup();
  });

  it("names the Jira key Octopus did not link in the text summary, under the package's line", async () => {
    const result = await runCli(pushArgs(server, ["Acme.Web", "Acme.Api"], "1.0.0"), { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split("\n");
    for (const packageId of ["Acme.Web", "Acme.Api"]) {
      const at = lines.findIndex((line) => line.includes(`${packageId} 1.0.0`));
      const under = lines.slice(at + 1, at + 3).join("\n");
      expect(under).toMatch(
        /expected but not linked: .*ACME-42 \(Jira: Octopus's Jira connection did not find the key, or Octopus has no Jira issue tracker\)/,
      );
    }
    // `See #13` is not expected: the preview knows Octopus passes it over. `fix AB#123` is: Octopus's GitHub
    // tracker reads it (as issue 123 of a repository "AB").
    expect(result.stdout).not.toMatch(/not linked: .*\b13 \(/);
    expect(result.stdout).toMatch(/not linked: .*\b123 \(GitHub: /);
    expect(result.stderr).not.toContain("work items Octopus should link");
  });

  it("carries the check in --json, per package", async () => {
    const result = await runCli(pushArgs(server, "Acme.Web", "1.0.1", ["--json"]), { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    const [only] = JSON.parse(result.stdout).results;
    const notLinked = only.workItems.notLinked as { id: string; source: string; reason: string }[];
    expect(notLinked).toContainEqual({
      id: "ACME-42",
      source: "Jira",
      reason: "Octopus's Jira connection did not find the key, or Octopus has no Jira issue tracker",
    });
    expect(only.workItems.linked.map((item: { id: string }) => item.id)).not.toContain("ACME-42");
  });

  it("words the reason by the trackers the flags name: with Jira named, only Jira's answer can be missing", async () => {
    const result = await runCli(
      pushArgs(server, "Acme.Web", "1.0.2", ["--json", "--jira-base-url", "https://acme.atlassian.net"]),
      { cwd: repo.dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const [only] = JSON.parse(result.stdout).results;
    // Only Jira is named: GitHub references are not expected of this server.
    expect(only.workItems.notLinked).toEqual([
      { id: "ACME-42", source: "Jira", reason: "Octopus's Jira connection did not find the key" },
    ]);
  });
});
