import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPath, runProcess } from "../packages/cli/test/helpers/run-cli";
import { ensureRelease } from "./support/release-build";

// `collect --from git --since REV` starts git from the CLI's entry, before the command has loaded
// (docs/performance.md); the command must then take those results, not run git log a second time.
// A `git` first on PATH records every invocation, then runs the real one.
describe("the git started from the CLI's entry", () => {
  let repo: TempGitRepo;
  let bin: string;
  let release: string;
  const invocations = () => join(bin, "invocations");

  beforeAll(async () => {
    release = ensureRelease();
    repo = await createTempGitRepo({
      remoteUrl: "git@github.com:acme/shop.git",
      commits: [{ message: "Initial import" }, { message: "SHOP-1 one" }, { message: "SHOP-2 two" }],
    });
    bin = mkdtempSync(join(tmpdir(), "buildinfo-recording-git-"));
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(
      join(bin, "git"),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> ${JSON.stringify(invocations())}\nexec ${JSON.stringify(realGit)} "$@"\n`,
    );
    chmodSync(join(bin, "git"), 0o755);
  }, 15 * 60_000);

  afterAll(async () => {
    await repo?.cleanup();
    if (bin) rmSync(bin, { recursive: true, force: true });
  });

  const builds = [
    { name: "the dev build", command: () => [process.execPath, cliPath] },
    {
      name: "release/buildinfo.mjs",
      command: () => [process.execPath, join(release, "buildinfo.mjs")],
    },
  ];

  for (const build of builds) {
    it(`is what ${build.name} reads: one rev-parse of HEAD and one log`, async () => {
      rmSync(invocations(), { force: true });
      const [command, ...args] = build.command();
      const result = await runProcess(
        command!,
        [...args, "collect", "--from", "git", "--since", repo.shas[0]!],
        {
          cwd: repo.dir,
          env: { PATH: `${bin}:${process.env.PATH ?? ""}`, HOME: repo.dir },
        },
      );

      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).Commits).toEqual(repo.octopusCommits(`${repo.shas[0]}..HEAD`));
      const ran = readFileSync(invocations(), "utf8").trim().split("\n");
      expect(ran.filter((line) => line.startsWith("log "))).toEqual([
        expect.stringContaining(`${repo.shas[0]}..HEAD`),
      ]);
      expect(ran.filter((line) => line === "rev-parse --verify HEAD^{commit}")).toHaveLength(1);
    });
  }
});
