import { spawn } from "node:child_process";
import { once } from "node:events";
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
});
