import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  escapeLogCommandsInJson,
  isBuildInfoError,
  neutraliseLogCommands,
  normalizeDraft,
  readBuildInformationFile,
} from "@buildinfo/core";
import { createOctopusClient } from "@buildinfo/octopus";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPath } from "../../packages/cli/test/helpers/run-cli";
import { type HostileServer, startHostileServer } from "./hostile-octopus";
import { expectNoInjectedCommand } from "./hostile-text";

// Seeded and reproducible: BUILDINFO_FUZZ_SEED replays a run, BUILDINFO_FUZZ_RUNS=N multiplies the cases.
const seed = Number(process.env.BUILDINFO_FUZZ_SEED ?? 20261127);
const scale = Math.max(1, Number(process.env.BUILDINFO_FUZZ_RUNS ?? 1));
const runs = (count: number) => ({ seed, numRuns: count * scale });
const secret = "API-FUZZSECRET00000000000000";
const stackTrace = /\n\s+at .+:\d+:\d+/;

/** Text that likes to contain log commands, line breaks, secrets and odd Unicode. */
const hostileText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        "##vso[task.setvariable variable=X]y",
        "##teamcity[setParameter name='x' value='y']",
        "::set-env name=A::b",
        "::add-mask::z",
        "##[set-env name=B;]c",
        "\n",
        "\r",
        "\u2028",
        "  ",
        "#",
        ":",
        "\u0000",
        "\ud800",
        secret,
        "API-LOOKSLIKEAKEY00000000",
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join("")),
);

const jsonShape: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.constantFrom(Number.MAX_VALUE, -0, 2 ** 53 + 1),
    hostileText,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        "BuildEnvironment",
        "buildnumber",
        "VcsType",
        "VcsRoot",
        "BuildUrl",
        "Commits",
        "Id",
        "Comment",
        "Items",
        "x",
      ),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;

/** Octo files: plausible objects with hostile fields, any JSON, and raw bytes (BOMs, UTF-16, garbage). */
const octoFile = fc.oneof(
  fc
    .record({
      BuildEnvironment: hostileText,
      BuildNumber: fc.oneof(hostileText, fc.integer()),
      BuildUrl: fc.oneof(fc.webUrl(), hostileText, fc.constant("https://u:p@ci.example.com/b/1?token=t")),
      VcsType: fc.constantFrom("Git", "git", "TFVC", "svn", ""),
      VcsRoot: fc.oneof(fc.webUrl(), fc.constant("git@github.com:acme/shop.git"), hostileText),
      Commits: fc.array(fc.record({ Id: fc.stringMatching(/^[0-9a-f]{7,40}$/), Comment: hostileText }), {
        maxLength: 5,
      }),
    })
    .map((object) => Buffer.from(JSON.stringify(object))),
  jsonShape.map((value) => Buffer.from(JSON.stringify(value) ?? "null")),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(Buffer.from('{"BuildEnvironment":"Fuzz","BuildNumber":1e999,"VcsType":"Git","Commits":[]}')),
  fc
    .tuple(fc.constantFrom("\ufeff", "\ufffe", ""), hostileText)
    .map(([bom, text]) => Buffer.concat([Buffer.from(bom, "utf16le"), Buffer.from(text, "utf16le")])),
);

/** Runs the CLI with a generous kill timer (not a timing assertion); `killed` says the timer fired. */
function runCliWithin(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: cwd, OCTOPUS_API_KEY: secret, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 30_000,
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, killed: signal !== null, output }));
  });
}

describe("fuzz: hostile files, text, answers and command lines", () => {
  it("reads any octo file bytes into build information or a BuildInfoError, nothing else", () => {
    fc.assert(
      fc.property(octoFile, (bytes) => {
        try {
          const { draft } = readBuildInformationFile(bytes, "fuzz.buildinfo");
          normalizeDraft(draft);
        } catch (error) {
          if (!isBuildInfoError(error)) throw error;
        }
      }),
      runs(200),
    );
  });

  it("neutralises every log command in text, and escapes JSON without changing its data", () => {
    fc.assert(
      fc.property(hostileText, jsonShape, (text, value) => {
        expectNoInjectedCommand(neutraliseLogCommands(text));
        const json = JSON.stringify({ text, value }, null, 2);
        const escaped = escapeLogCommandsInJson(json);
        expect(escaped).not.toMatch(/##|::/);
        expect(JSON.parse(escaped)).toEqual(JSON.parse(json));
      }),
      runs(300),
    );
  });

  describe("server answers", () => {
    type Answer = { status: number; headers: Record<string, string>; body: Buffer };
    type Route = "spaces" | "root" | "list" | "record" | "post";
    let answers: Record<Route, Answer>;
    let server: HostileServer;
    beforeAll(async () => {
      server = await startHostileServer((request: IncomingMessage, response: ServerResponse) => {
        const path = new URL(request.url ?? "/", "http://x").pathname;
        const route: Route =
          request.method === "POST"
            ? "post"
            : path === "/api/spaces" || path.startsWith("/api/spaces/")
              ? "spaces"
              : path.endsWith("/build-information")
                ? "list"
                : path.includes("/build-information/")
                  ? "record"
                  : "root";
        const answer = answers[route];
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      });
    });
    afterAll(() => server.close());

    const json = { "content-type": "application/json" };
    const valid: Record<Route, Answer> = {
      spaces: {
        status: 200,
        headers: json,
        body: Buffer.from('{"Items":[{"Id":"Spaces-1","Name":"Default","IsDefault":true}]}'),
      },
      root: {
        status: 200,
        headers: json,
        body: Buffer.from('{"Links":{"BuildInformation":"/api/Spaces-1/build-information"}}'),
      },
      list: { status: 200, headers: json, body: Buffer.from('{"Items":[]}') },
      record: {
        status: 200,
        headers: json,
        body: Buffer.from('{"Id":"BuildInformation-1","PackageId":"Shop","Version":"1.0.0","Commits":[]}'),
      },
      post: {
        status: 200,
        headers: json,
        body: Buffer.from('{"Id":"BuildInformation-1","PackageId":"Shop","Version":"1.0.0","Commits":[]}'),
      },
    };
    const hostileAnswer: fc.Arbitrary<Answer> = fc.record({
      status: fc.oneof(
        fc.constantFrom(200, 201, 204, 301, 400, 401, 403, 404, 409, 429, 500, 502),
        fc.integer({ min: 200, max: 599 }),
      ),
      headers: fc.record(
        {
          "content-type": fc.constantFrom(
            "application/json",
            "text/html",
            "text/plain",
            "application/json; charset=utf-16",
          ),
          "retry-after": fc.constantFrom("0", "-1", "abc", "1e999"),
        },
        { requiredKeys: [] },
      ),
      body: fc.oneof(
        jsonShape.map((value) => Buffer.from(JSON.stringify(value) ?? "")),
        fc
          .constantFrom(
            '{"Items":[null]}',
            '{"Items":[{"Id":"Spaces-1"}]}',
            '{"Items":[{"Id":"BuildInformation-1","PackageId":7,"Version":null,"Commits":[{"Id":1}]}]}',
            '{"Id":"BuildInformation-1","Commits":"none","WorkItems":[null]}',
            "{}",
            "null",
            '{"Id":5}',
            "<".repeat(100_000),
          )
          .map((text) => Buffer.from(text)),
        fc
          .record({ ErrorMessage: hostileText, Errors: fc.array(hostileText, { maxLength: 3 }) })
          .map((value) => Buffer.from(JSON.stringify(value))),
        fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      ),
    });
    /** Each route answers validly or with a hostile answer, so every step of a push gets its turn. */
    const serverAnswers = fc.record({
      spaces: fc.oneof(fc.constant(valid.spaces), hostileAnswer),
      root: fc.oneof(fc.constant(valid.root), hostileAnswer),
      list: fc.oneof(fc.constant(valid.list), hostileAnswer),
      record: fc.oneof(fc.constant(valid.record), hostileAnswer),
      post: fc.oneof(fc.constant(valid.post), hostileAnswer),
    });

    it("the client resolves, or rejects with a BuildInfoError that carries no secret", async () => {
      await fc.assert(
        fc.asyncProperty(serverAnswers, async (generated) => {
          answers = generated;
          const client = createOctopusClient({
            serverUrl: server.url,
            apiKey: secret,
            timeoutMs: 5_000,
            retry: { maxAttempts: 1 },
            env: {},
          });
          try {
            await client.pushToPackages({
              packages: [{ packageId: "Shop", version: "1.0.0" }],
              buildInformation: { BuildEnvironment: "Fuzz", VcsType: "Git", Commits: [] },
              overwriteMode: "IgnoreIfExists",
            });
            await client.listBuildInformation({});
            await client.getBuildInformation(undefined, "BuildInformation-1");
          } catch (error) {
            if (!isBuildInfoError(error)) throw error;
            expect(`${error.message} ${error.hint}`).not.toContain(secret);
          } finally {
            await client.close();
          }
        }),
        runs(150),
      );
    });

    it("the CLI exits 1 or 0 against them, without a stack trace, the key or an injected command", async () => {
      const dir = await mkdtemp(join(tmpdir(), "buildinfo-fuzz-answers-"));
      await writeFile(join(dir, "f.buildinfo"), '{"BuildEnvironment":"Fuzz","VcsType":"Git","Commits":[]}');
      try {
        await fc.assert(
          fc.asyncProperty(
            serverAnswers,
            fc.constantFrom(
              ["push", "--package-id", "Shop", "--version", "1.0.0", "--file", "f.buildinfo"],
              ["push", "--package-id", "Shop", "--version", "1.0.0", "--file", "f.buildinfo", "--json"],
              ["list"],
              ["view", "BuildInformation-1"],
              ["delete", "BuildInformation-1"],
            ),
            fc.constantFrom<Record<string, string>[]>(
              {},
              { TF_BUILD: "True" },
              { GITHUB_ACTIONS: "true" },
              { TEAMCITY_VERSION: "2024.03" },
            ),
            async (generated, command, ciEnv) => {
              answers = generated;
              const result = await runCliWithin(
                [...command, "--server", server.url, "--timeout", "10s"],
                dir,
                ciEnv,
              );
              expect(result.killed).toBe(false);
              expect([0, 1], `${command.join(" ")}\n${result.output}`).toContain(result.code);
              expect(result.output).not.toMatch(stackTrace);
              // A hostile answer is a bad server (a BuildInfoError), never a crash of ours.
              expect(result.output).not.toContain("unexpected failure");
              expect(result.output).not.toContain(secret);
              expectNoInjectedCommand(result.output);
            },
          ),
          runs(15),
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 600_000);
  });

  describe("the CLI as a child process", () => {
    let octopus: LocalOctopusServer;
    let dir: string;
    beforeAll(async () => {
      octopus = await startOctopusServer({ apiKeys: [secret] });
      dir = await mkdtemp(join(tmpdir(), "buildinfo-fuzz-"));
    });
    afterAll(async () => {
      await octopus.close();
      await rm(dir, { recursive: true, force: true });
    });

    // A command line cannot hold NUL bytes (the OS refuses them), so they are dropped from values.
    const value = fc.oneof(
      hostileText.map((text) => text.replaceAll("\u0000", "")),
      fc.constantFrom(
        "0",
        "-1",
        "1e999",
        "5000000",
        "3000000",
        "NaN",
        "0x10",
        "1.5",
        "30s",
        "2m",
        "500ms",
        "Spaces-1",
        "Default",
        "fail",
        "ignore",
        "OverwriteExisting",
        "bogus",
        "1.0.0",
        "Acme.Web",
        "/dev/zero",
        "BuildInformation-1",
      ),
    );
    const flag = fc.constantFrom(
      "--package-id",
      "--version",
      "--file",
      "--timeout",
      "--concurrency",
      "--commit-cap",
      "--overwrite-mode",
      "--space",
      "--logLevel",
      "--log-format",
      "--build-url",
      "--vcs-root",
      "--vcs-type",
      "--branch",
      "--from",
      "--since",
      "--output",
      "--take",
      "--skip",
      "--verbose",
      "--json",
      "--dry-run",
      "--bogus",
      "-p",
      "-f",
      "--output-format",
      "--host",
    );
    const randomLine = fc.record({
      // Commands with the Go CLI's forms (`build-information upload ID…`, `build-info`) and `completion`.
      command: fc.constantFrom(
        ["push"],
        ["collect"],
        ["build-information"],
        ["build-information", "upload"],
        ["build-info", "push"],
        ["build-info", "upload", "Acme.Web"],
        ["list"],
        ["view"],
        ["delete"],
        ["completion"],
        ["completion", "bash"],
        ["completion", "pwsh"],
        ["bogus"],
      ),
      args: fc.array(fc.tuple(flag, value), { maxLength: 6 }),
      withServer: fc.boolean(),
      file: fc.option(octoFile, { nil: undefined }),
    });
    // Half the cases start from a valid push, so the server's side is reached too.
    const validPush = fc.record({
      command: fc.constantFrom(["push"], ["build-information", "upload"]),
      args: fc
        .array(fc.tuple(flag, value), { maxLength: 2 })
        .map((extra): [string, string][] => [["--package-id", "Acme.Web"], ["--version", "1.0.0"], ...extra]),
      withServer: fc.constant(true),
      // A valid file half the time: most generated files are (rightly) refused before any request.
      file: fc.oneof(
        fc.constant(JSON.stringify({ BuildEnvironment: "Fuzz", VcsType: "Git", Commits: [] })),
        octoFile,
      ),
    });
    const commandLine = fc.oneof(randomLine, validPush);

    const codes: number[] = [];
    it("exits 0, 1 or 2 in bounded time, without a stack trace or the key, sending nothing for invalid input", async () => {
      await fc.assert(
        fc.asyncProperty(commandLine, async ({ command, args, withServer, file }) => {
          const argv = [
            ...command,
            ...args.flatMap(([name, text]) =>
              name.startsWith("--") && ["--verbose", "--json", "--dry-run"].includes(name)
                ? [name]
                : [name, text],
            ),
          ];
          if (file !== undefined) {
            await writeFile(join(dir, "fuzz.buildinfo"), file);
            argv.push("--file", "fuzz.buildinfo");
          }
          if (withServer) argv.push("--server", octopus.url);
          const before = octopus.requests.length;
          const result = await runCliWithin(argv, dir);
          expect(result.killed, argv.join(" ")).toBe(false);
          expect([0, 1, 2], `${argv.join(" ")}\n${result.output}`).toContain(result.code);
          expect(result.output).not.toMatch(stackTrace);
          expect(result.output).not.toContain(secret);
          if (result.code === 2) expect(octopus.requests.length, argv.join(" ")).toBe(before);
          codes.push(result.code ?? -1);
        }),
        runs(30),
      );
      // The cases reach the server, not only usage errors.
      expect(codes).toContain(0);
      expect(codes).toContain(2);
    }, 600_000);
  });
});
