import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createFaultQueue } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../../packages/cli/test/helpers/push-args";
import { runCli } from "../../packages/cli/test/helpers/run-cli";
import { expectNoInjectedCommand, hostileComment } from "./hostile-text";

describe("finding 1: untrusted text never forms a build server's log command", () => {
  let server: LocalOctopusServer;
  const faults = createFaultQueue();
  let dir: string;
  let file: string;
  const servers = [
    { name: "Azure DevOps", env: { TF_BUILD: "True" } },
    { name: "GitHub Actions", env: { GITHUB_ACTIONS: "true" } },
    { name: "TeamCity", env: { TEAMCITY_VERSION: "2024.03" } },
  ];

  beforeAll(async () => {
    server = await startOctopusServer({ beforeRequest: faults.beforeRequest });
    dir = await mkdtemp(join(tmpdir(), "buildinfo-inject-"));
    file = join(dir, "octopus.buildinfo");
    await writeFile(
      file,
      JSON.stringify({
        BuildEnvironment: "Azure DevOps",
        BuildNumber: "##vso[task.setvariable variable=BN]x",
        VcsType: "Git",
        VcsRoot: "https://github.com/acme/shop",
        Commits: [{ Id: "a".repeat(40), Comment: hostileComment }],
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  for (const { name, env } of servers) {
    it(`collect's JSON on stdout keeps the data but no command (${name})`, async () => {
      const result = await runCli(["collect", "--file", file], { cwd: dir, env });
      expect(result.code).toBe(0);
      expectNoInjectedCommand(result.stdout);
      expectNoInjectedCommand(result.stderr);
      const parsed = JSON.parse(result.stdout) as { Commits: { Comment: string }[]; BuildNumber: string };
      expect(parsed.Commits[0]?.Comment).toBe(hostileComment);
      expect(parsed.BuildNumber).toBe("##vso[task.setvariable variable=BN]x");
    });

    it(`the --verbose payload, the push summary and view neutralise it (${name})`, async () => {
      const packageId = `Shop.${name.replace(/\W/g, "")}`;
      const push = await runCli(pushArgs(server, packageId, "1.0.0", ["--file", file, "--verbose"]), {
        cwd: dir,
        env,
      });
      expect(push.code).toBe(0);
      expect(push.stderr + push.stdout).toContain("**vso[task.setvariable variable=OCTOPUS_URL]");
      expectNoInjectedCommand(push.stdout);
      expectNoInjectedCommand(push.stderr);
      const id = server.records().find((record) => record.PackageId === packageId)?.Id ?? "";
      const view = await runCli(["view", id, "--server", server.url, "--api-key", server.apiKey], { env });
      expect(view.code).toBe(0);
      expect(view.stdout).toContain("**vso[task.setvariable");
      expectNoInjectedCommand(view.stdout);
      const viewJson = await runCli(
        ["view", id, "--json", "--server", server.url, "--api-key", server.apiKey],
        {
          env,
        },
      );
      expectNoInjectedCommand(viewJson.stdout);
      expect((JSON.parse(viewJson.stdout) as { Commits: { Comment: string }[] }).Commits[0]?.Comment).toBe(
        hostileComment,
      );
    });

    it(`the server's ErrorMessage and Errors, with real newlines, cannot start a command (${name})`, async () => {
      faults.inject({
        kind: "status",
        status: 400,
        contentType: "application/json",
        body: JSON.stringify({
          ErrorMessage:
            "There was a problem.\n::set-env name=NODE_OPTIONS::--require /tmp/x\r##vso[task.setvariable variable=A]b",
          Errors: ["##teamcity[setParameter name='env.X' value='y']", "\n  ::add-mask::nothing"],
        }),
        match: { method: "POST" },
      });
      const result = await runCli(pushArgs(server, "Shop.Errors", "1.0.0", ["--file", file]), {
        cwd: dir,
        env,
      });
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).toContain("There was a problem.");
      expectNoInjectedCommand(result.stdout);
      expectNoInjectedCommand(result.stderr);
    });
  }

  it("passes no terminal control sequence (clipboard write, screen clear, hidden text) to text output", async () => {
    const controls = "\u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b[2J\u001b[8mhidden\u009b31m";
    const packageId = "Shop.Controls";
    const hostile = join(dir, "controls.buildinfo");
    await writeFile(
      hostile,
      JSON.stringify({
        BuildEnvironment: "Test",
        BuildNumber: controls,
        VcsType: "Git",
        Commits: [{ Id: "b".repeat(40), Comment: `Fix ${controls}` }],
      }),
    );
    const collect = await runCli(["collect", "--file", hostile], { cwd: dir });
    expect(collect.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect((JSON.parse(collect.stdout) as { BuildNumber: string }).BuildNumber).toBe(controls);
    const push = await runCli(pushArgs(server, packageId, "1.0.0", ["--file", hostile]), { cwd: dir });
    expect(push.code, push.stderr).toBe(0);
    const id = server.records().find((record) => record.PackageId === packageId)?.Id ?? "";
    const view = await runCli(["view", id, "--server", server.url, "--api-key", server.apiKey]);
    for (const text of [push.stderr, push.stdout, view.stdout]) {
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    }
    expect(view.stdout).toContain("hidden");
    // The data itself is stored as sent.
    expect(server.records().find((record) => record.Id === id)?.BuildNumber).toBe(controls);
  });
});
