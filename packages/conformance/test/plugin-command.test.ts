import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pluginCommandLine, pluginEnvironment, runPlugin } from "../src/plugin-command";

const node = `"${process.execPath}"`;
/** A plugin that prints its environment as JSON. */
const printEnvironment = `${node} -e "process.stdout.write(JSON.stringify(process.env))"`;

describe("the plugin's command", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "buildinfo-plugin-command-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("gets the package only through {packageId} and {version}, and refuses values a shell could read", () => {
    expect(
      pluginCommandLine("push -p {packageId} -v {version} # {packageId}", {
        packageId: "Conformance.jenkins.tag",
        version: "1.0.0",
      }),
    ).toBe("push -p Conformance.jenkins.tag -v 1.0.0 # Conformance.jenkins.tag");
    expect(() => pluginCommandLine("push {packageId}", { packageId: "a;rm -rf", version: "1.0.0" })).toThrow(
      "is not shell-inert",
    );
  });

  it("receives a vector's values in its environment, never run by the shell", async () => {
    const hostile = "$(touch pwned) `touch pwned`; touch pwned | touch pwned\n&& touch pwned %COMSPEC%";
    const run = await runPlugin(printEnvironment, {
      cwd: dir,
      env: pluginEnvironment({ CI_COMMIT_MESSAGE: hostile }, { OCTOPUS_URL: "http://127.0.0.1:1" }, []),
      timeoutMs: 30_000,
    });
    expect(run).toMatchObject({ exitCode: 0, timedOut: false });
    expect(JSON.parse(run.output)).toMatchObject({
      CI_COMMIT_MESSAGE: hostile,
      OCTOPUS_URL: "http://127.0.0.1:1",
    });
    expect(existsSync(join(dir, "pwned"))).toBe(false);
  });

  it("receives names a POSIX shell cannot hold (Continua CI's), and none of the runner's own but PATH, HOME and --pass-env's", async () => {
    process.env.BUILDINFO_CONFORMANCE_LEAK = "from the runner";
    process.env.BUILDINFO_CONFORMANCE_PASSED = "asked for";
    try {
      const run = await runPlugin(printEnvironment, {
        cwd: dir,
        env: pluginEnvironment({ "ContinuaCI.Version": "1.9.2" }, {}, ["BUILDINFO_CONFORMANCE_PASSED"]),
        timeoutMs: 30_000,
      });
      const seen = JSON.parse(run.output) as Record<string, string>;
      expect(seen).toMatchObject({
        "ContinuaCI.Version": "1.9.2",
        BUILDINFO_CONFORMANCE_PASSED: "asked for",
        PATH: process.env.PATH,
      });
      expect(seen.BUILDINFO_CONFORMANCE_LEAK).toBeUndefined();
    } finally {
      delete process.env.BUILDINFO_CONFORMANCE_LEAK;
      delete process.env.BUILDINFO_CONFORMANCE_PASSED;
    }
  });

  it("is killed past its deadline, with what it started", async () => {
    const started = Date.now();
    const run = await runPlugin(`${node} -e "setTimeout(() => {}, 60000)" & wait`, {
      cwd: dir,
      env: pluginEnvironment({}, {}, []),
      timeoutMs: 500,
    });
    expect(run).toMatchObject({ exitCode: null, timedOut: true });
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
