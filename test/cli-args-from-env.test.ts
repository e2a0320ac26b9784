// `buildinfo --args-from-env NAME` (docs/cli.md): the real CLI takes its arguments from a JSON array in
// the environment — every hostile value arrives whole — and a malformed variable is a one-line usage
// error (exit 2) that sends nothing and never echoes the value.
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";
import { hostileValues } from "./support/hostile-arguments";

describe("buildinfo --args-from-env NAME", () => {
  let server: LocalOctopusServer;
  let repo: TempGitRepo;

  beforeAll(async () => {
    server = await startOctopusServer();
    repo = await createTempGitRepo({
      remoteUrl: "https://github.com/acme/shop.git",
      commits: [{ message: "First" }],
    });
  });

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
  });

  const fromEnv = (value: string | undefined, extra: string[] = []) =>
    runCli(["--args-from-env", "BUILDINFO_ARGS", ...extra], {
      cwd: repo.dir,
      env: { BUILDINFO_ARGS: value, OCTOPUS_URL: server.url, OCTOPUS_API_KEY: server.apiKey },
    });

  it("runs the command in the array, each value whole", async () => {
    for (const { name, value } of hostileValues.filter((hostile) => !hostile.lineBreak)) {
      const run = await fromEnv(
        JSON.stringify(["collect", "--from=git", `--branch=${value}`, `--build-number=${value}`]),
      );
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(JSON.parse(run.stdout), name).toMatchObject({ Branch: value, BuildNumber: value });
    }
  });

  it("pushes like the same arguments given directly", async () => {
    const run = await fromEnv(JSON.stringify(["push", "--package-id", "Acme.Env", "--version", "1.0.0"]));
    expect(run.code, run.stderr).toBe(0);
    expect(server.records().map((record) => record.PackageId)).toContain("Acme.Env");
  });

  const malformed: [string, string | undefined, string[], string][] = [
    ["unset", undefined, [], "the environment variable BUILDINFO_ARGS is not set or empty"],
    ["empty", " ", [], "the environment variable BUILDINFO_ARGS is not set or empty"],
    ["not JSON", "push --package-id SECRET-MARKER", [], "BUILDINFO_ARGS is not valid JSON"],
    ["an object", '{"push":"SECRET-MARKER"}', [], "BUILDINFO_ARGS is not a JSON array"],
    ["a number in it", '["push","SECRET-MARKER",7]', [], "item 2 of the array in BUILDINFO_ARGS is a number"],
    ["nested", '["--args-from-env","SECRET-MARKER"]', [], "starts with --args-from-env again"],
    [
      "more arguments",
      '["push"]',
      ["--verbose"],
      "--args-from-env BUILDINFO_ARGS takes no further arguments",
    ],
  ];
  for (const [name, value, extra, message] of malformed) {
    it(`refuses a variable that is ${name}: one line, exit 2, nothing sent`, async () => {
      const before = server.requests.length;
      const run = await fromEnv(value, extra);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toMatch(/code=E_USAGE\n$/);
      expect(run.stderr).not.toContain("SECRET-MARKER");
      expect(server.requests.length).toBe(before);
    });
  }

  it("refuses --args-from-env without a variable name", async () => {
    const run = await runCli(["--args-from-env"], { cwd: repo.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--args-from-env needs the name of an environment variable.");
  });
});
