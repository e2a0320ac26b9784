import { spawn } from "node:child_process";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createFaultQueue, createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../packages/cli/test/helpers/push-args";
import { cliPath, runCli } from "../packages/cli/test/helpers/run-cli";

/** What docs/cli.md promises about typos, closed pipes, missing build numbers and push progress, end to end. */
describe("the CLI's promises", () => {
  let repo: TempGitRepo;
  let server: LocalOctopusServer;
  const faults = createFaultQueue();

  beforeAll(async () => {
    repo = await createTempGitRepo({ commits: [{ message: "SHOP-1 first" }, { message: "SHOP-2 second" }] });
    server = await startOctopusServer({ beforeRequest: faults.beforeRequest });
  });

  afterAll(async () => {
    await server.close();
    await repo.cleanup();
  });

  it("suggests the command or adapter id meant by a typo (exit 2)", async () => {
    const command = await runCli(["pus", "--package-id", "A"], { cwd: repo.dir });
    expect(command.code).toBe(2);
    // The same error line as every other error: prefix, message, hint, code.
    expect(command.stderr).toMatch(
      /^\[buildinfo\] error: Unknown command 'pus'\. Did you mean 'push'\? Commands: .*\. code=E_USAGE\n$/,
    );
    const adapter = await runCli(["collect", "--from", "jenkns"], { cwd: repo.dir });
    expect(adapter.code).toBe(2);
    expect(adapter.stderr).toContain("Unknown adapter 'jenkns' (from --from). Did you mean 'jenkins'?");
    expect(command.stderr + adapter.stderr).not.toMatch(/\n\s+at /);
  });

  it("ends quietly with exit 0 when the reader of collect's output goes away (collect | head)", async () => {
    const child = spawn(process.execPath, [cliPath, "collect"], {
      cwd: repo.dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // The reader closes its end before the CLI writes, as `head` does once it has its line.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at |unexpected/);
    expect(code).toBe(0);
  });

  it("warns when there is no BuildNumber, in collect and in push --dry-run", async () => {
    const collected = await runCli(["collect"], { cwd: repo.dir });
    expect(collected.code).toBe(0);
    expect(collected.stderr).toContain("BuildNumber is empty");
    const dryRun = await runCli(["push", "--package-id", "Shop.Web", "--version", "1.0.0", "--dry-run"], {
      cwd: repo.dir,
    });
    expect(dryRun.code).toBe(0);
    expect(dryRun.stderr).toContain("BuildNumber is empty");
    const numbered = await runCli(["collect", "--build-number", "41"], { cwd: repo.dir });
    expect(numbered.stderr).not.toContain("BuildNumber is empty");
  });

  it("reads the commits from the checkout for --commit when Jenkins's API is unreachable and GIT_COMMIT unset", async () => {
    // A port that refuses connections: a Jenkins that is down.
    const gone = await startOctopusServer();
    const url = gone.url;
    await gone.close();
    const env = {
      JENKINS_URL: `${url}/`,
      BUILD_URL: `${url}/job/shop/9/`,
      JOB_NAME: "shop",
      BUILD_NUMBER: "9",
    };
    const [first, second] = repo.shas;
    const without = await runCli(["collect"], { env, cwd: repo.dir });
    expect(without.code, without.stderr).toBe(0);
    expect(without.stderr).toContain("Pass --commit");
    expect(JSON.parse(without.stdout).Commits).toEqual([]);
    const withCommit = await runCli(["collect", "--commit", second!], { env, cwd: repo.dir });
    expect(withCommit.code, withCommit.stderr).toBe(0);
    const collected = JSON.parse(withCommit.stdout) as { VcsCommitNumber: string; Commits: { Id: string }[] };
    expect(collected.VcsCommitNumber).toBe(second);
    expect(collected.Commits.map((commit) => commit.Id)).toEqual([second]);
    expect(collected.Commits.map((commit) => commit.Id)).not.toContain(first);
    // Two attempts at the refused API, not five.
    expect(withCommit.stderr.match(/retrying in/g) ?? []).toHaveLength(1);
  });

  it("prints each package's outcome as it finishes, before the others are done (text mode)", async () => {
    // One of the two POSTs never gets an answer; the other's line must appear while it is still pending.
    faults.inject({ kind: "hang", match: { method: "POST" } });
    const args = pushArgs(server, ["Progress.A", "Progress.B"], "1.0.0", [
      "--build-number",
      "7",
      "--timeout",
      "2s",
    ]);
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: repo.dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let seenWhilePending: string | undefined;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const line = /^ {2}created +(Progress\.[AB]) /m.exec(stdout);
      if (line !== null && seenWhilePending === undefined && !stdout.includes(" pushed"))
        seenWhilePending = line[1];
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(seenWhilePending).toMatch(/^Progress\.[AB]$/);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Build information for 2 packages in space Default \(Spaces-1\):\n/);
    expect(stdout).toMatch(/FAILED +Progress\.[AB]/);
    expect(stdout).toContain("1 of 2 pushed, 1 failed.");
  });
});
