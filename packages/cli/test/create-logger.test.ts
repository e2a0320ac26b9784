import { describe, expect, it } from "vitest";
import { type CliLoggerOptions, createCliLogger } from "../src/logging/create-logger";

const apiKey = "API-SECRETKEY1234567890ABCDEFGH";
const token = "eyJhbGciOiJSUzI1NiJ9.payload.signature";

function capture(overrides: Partial<CliLoggerOptions> = {}) {
  const log: string[] = [];
  const commands: string[] = [];
  const logger = createCliLogger({
    format: "text",
    verbose: true,
    env: {},
    secrets: [apiKey, token],
    writeLog: (text) => log.push(text),
    writeCommand: (text) => commands.push(text),
    ...overrides,
  });
  return { logger, log, commands };
}

describe("the CLI logger", () => {
  it("writes readable lines with a level prefix and fields as key=value", () => {
    const { logger, log } = capture();
    logger.info("pushed", { packages: 2 });
    logger.warn("shallow clone");
    logger.error("failed");
    logger.debug("details");
    expect(log).toEqual([
      "[buildinfo] pushed packages=2\n",
      "[buildinfo] warning: shallow clone\n",
      "[buildinfo] error: failed\n",
      "[buildinfo] debug: details\n",
    ]);
  });

  it("leaves debug lines out unless verbose", () => {
    const { logger, log } = capture({ verbose: false });
    logger.debug("hidden");
    logger.info("shown");
    expect(log).toEqual(["[buildinfo] shown\n"]);
  });

  it("writes one JSON object per line with --log-format json", () => {
    const { logger, log } = capture({ format: "json" });
    logger.warn("careful", { code: "E_X" });
    const record = JSON.parse(log[0]!);
    expect(record).toMatchObject({ level: "warn", msg: "careful", code: "E_X" });
    expect(typeof record.time).toBe("string");
  });

  it("redacts known secrets in messages, in both formats", () => {
    for (const format of ["text", "json"] as const) {
      const { logger, log } = capture({ format });
      logger.info(`key ${apiKey} and token ${token}`);
      expect(log.join("")).not.toContain(apiKey);
      expect(log.join("")).not.toContain(token);
    }
  });

  it("redacts keys, tokens, passwords and Authorization headers in fields", () => {
    const { logger, log } = capture({ format: "json" });
    logger.info("request", {
      apiKey: "API-OTHERSECRET000000000000",
      password: "hunter2",
      token: "t0k3n-value",
      headers: { authorization: "Bearer abc.def.ghi", "x-octopus-apikey": "API-HEADERSECRET0000000000" },
    });
    const text = log.join("");
    for (const secret of [
      "API-OTHERSECRET000000000000",
      "hunter2",
      "t0k3n-value",
      "abc.def.ghi",
      "API-HEADERSECRET0000000000",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[REDACTED]");
  });

  it("removes credentials from URLs in messages and in URL fields", () => {
    const { logger, log } = capture({ format: "json" });
    logger.info("cloning https://gitlab-ci-token:glpat-abcdef123456@gitlab.example.com/acme/shop.git", {
      url: "https://alice:s3cr3t-pw@octopus.example.com/",
    });
    const text = log.join("");
    expect(text).not.toContain("glpat-abcdef123456");
    expect(text).not.toContain("s3cr3t-pw");
    expect(text).toContain("gitlab.example.com/acme/shop");
  });

  it("scrubs data meant for stdout", () => {
    const { logger } = capture();
    expect(logger.scrub(`{"note":"${apiKey}"}`)).not.toContain(apiKey);
  });

  it("in TeamCity, writes warnings and errors as service messages and marks the build failed", async () => {
    const { logger, log, commands } = capture({ env: { TEAMCITY_VERSION: "2024.03" } });
    await logger.group("Pushing", async () => {
      logger.info("working");
      logger.warn("it's odd");
    });
    logger.error(`bad key ${apiKey}`);
    logger.failure("1 package failed");
    logger.failure("git failed: clone https://ci:s3cr3t-pw@git.example.com/shop.git");
    expect(log).toEqual(["[buildinfo] working\n"]);
    expect(commands).toEqual([
      "##teamcity[blockOpened name='Pushing']\n",
      "##teamcity[message text='it|'s odd' status='WARNING']\n",
      "##teamcity[blockClosed name='Pushing']\n",
      expect.stringMatching(/^##teamcity\[message text='bad key [^']*' status='ERROR'\]\n$/),
      "##teamcity[buildProblem description='1 package failed']\n",
      "##teamcity[buildProblem description='git failed: clone https://***@git.example.com/shop.git']\n",
    ]);
    expect(commands.join("")).not.toContain(apiKey);
  });

  it("in GitHub Actions, writes ::warning:: and ::error:: and groups", async () => {
    const { logger, commands } = capture({ env: { GITHUB_ACTIONS: "true" } });
    await logger.group("Collecting", async () => logger.warn("50% of\ncommits"));
    expect(commands).toEqual([
      "::group::Collecting\n",
      "::warning title=buildinfo::50%25 of%0Acommits\n",
      "::endgroup::\n",
    ]);
  });

  it("in Azure Pipelines, writes task.logissue, groups and task.complete on failure", async () => {
    const { logger, commands } = capture({ env: { TF_BUILD: "True" } });
    await logger.group("Pushing", async () => logger.error("nope"));
    logger.failure("failed");
    expect(commands).toEqual([
      "##[group]Pushing\n",
      "##vso[task.logissue type=error;]nope\n",
      "##[endgroup]\n",
      "##vso[task.complete result=Failed;]failed\n",
    ]);
  });

  it("writes plain lines in TeamCity when commands would have to go to stderr, which TeamCity does not read", () => {
    const { logger, log, commands } = capture({
      env: { TEAMCITY_VERSION: "2024.03" },
      commandsOnStderr: true,
    });
    logger.warn("careful");
    logger.failure("failed");
    expect(log).toEqual(["[buildinfo] warning: careful\n"]);
    expect(commands).toEqual([]);
  });
});
