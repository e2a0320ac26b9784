import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createTempGitRepo } from "@buildinfo/testing";
import { describe, expect, it } from "vitest";
import { cliPath, runCli } from "../packages/cli/test/helpers/run-cli";

describe("buildinfo serve", () => {
  const apiKey = "API-SERVETEST000000000000000";
  it("prints its URL on stdout, accepts pushes, and stops cleanly on SIGTERM", async () => {
    await runCli(["--version"]); // fails with a clear message when the CLI is not built
    const child = spawn(
      process.execPath,
      [cliPath, "serve", "--space", "Default", "--space", "Web Team", "--api-key", apiKey],
      {
        env: { PATH: process.env.PATH ?? "" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const [url] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const repo = await createTempGitRepo({ commits: [{ message: "First", files: { "a.txt": "a" } }] });
    const pushed = await runCli(
      [
        "push",
        "--server",
        url,
        "--api-key",
        apiKey,
        "--space",
        "Web Team",
        "--package-id",
        "Acme.Web",
        "--version",
        "1.0.0",
      ],
      { cwd: repo.dir },
    );
    await repo.cleanup();
    expect(pushed.code, pushed.stderr).toBe(0);
    const listed = await runCli([
      "list",
      "--server",
      url,
      "--api-key",
      apiKey,
      "--space",
      "Spaces-2",
      "--json",
    ]);
    expect(JSON.parse(listed.stdout).Items).toHaveLength(1);

    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    expect(stderr).toContain(`API key: ${apiKey}`);
    expect(stderr).toContain("SIGTERM");
  });

  it("lists GitHub work items with --github-base-url, and keeps releases across a restart with --persist", async () => {
    const dir = await mkdtemp(join(tmpdir(), "buildinfo-serve-"));
    const start = async () => {
      const child = spawn(
        process.execPath,
        [
          cliPath,
          "serve",
          "--api-key",
          apiKey,
          "--persist",
          join(dir, "state.json"),
          "--github-base-url",
          "https://github.com",
        ],
        { env: { PATH: process.env.PATH ?? "" }, stdio: ["ignore", "pipe", "ignore"] },
      );
      const [url] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
      return { child, url };
    };
    const call = (url: string, method: string, path: string, body?: unknown) =>
      fetch(`${url}${path}`, {
        method,
        headers: { "X-Octopus-ApiKey": apiKey, "Content-Type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }).then((response) => response.json() as Promise<Record<string, unknown>>);
    try {
      const first = await start();
      const record = await call(first.url, "POST", "/api/Spaces-1/build-information", {
        PackageId: "Acme.Web",
        Version: "1.0.0",
        OctopusBuildInformation: {
          BuildEnvironment: "Jenkins",
          VcsType: "Git",
          VcsRoot: "https://github.com/acme/web",
          Commits: [{ Id: "c0ffee", Comment: "Fixes #7" }],
        },
      });
      expect(record.WorkItems).toEqual([
        { Id: "7", LinkUrl: "https://github.com/acme/web/issues/7", Source: "GitHub", Description: "7" },
      ]);
      const project = await call(first.url, "POST", "/api/Spaces-1/projects", { Name: "Shop" });
      await call(first.url, "POST", "/api/Spaces-1/releases", { ProjectId: project.Id, Version: "1.0.0" });
      first.child.kill("SIGTERM");
      await once(first.child, "exit");

      const second = await start();
      const releases = await call(second.url, "GET", `/api/Spaces-1/projects/${String(project.Id)}/releases`);
      expect((releases.Items as { Version: string }[]).map((release) => release.Version)).toEqual(["1.0.0"]);
      second.child.kill("SIGTERM");
      await once(second.child, "exit");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
