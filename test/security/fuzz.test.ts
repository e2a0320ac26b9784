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
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/testing";
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
    let answer: { status: number; headers: Record<string, string>; body: Buffer };
    let server: HostileServer;
    beforeAll(async () => {
      server = await startHostileServer((_request: IncomingMessage, response: ServerResponse) => {
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      });
    });
    afterAll(() => server.close());

    const serverAnswer = fc.record({
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
            '{"Items":[{"Id":"Spaces-1","Name":"Default","IsDefault":true}]}',
            '{"Items":[null]}',
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

    it("the client resolves, or rejects with a BuildInfoError that carries no secret", async () => {
      await fc.assert(
        fc.asyncProperty(serverAnswer, async (generated) => {
          answer = generated;
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
          } catch (error) {
            if (!isBuildInfoError(error)) throw error;
            expect(`${error.message} ${error.hint}`).not.toContain(secret);
          } finally {
            await client.close();
          }
        }),
        runs(100),
      );
    });
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
    );
    const randomLine = fc.record({
      command: fc.constantFrom("push", "collect", "build-information", "list", "view", "delete", "bogus"),
      args: fc.array(fc.tuple(flag, value), { maxLength: 6 }),
      withServer: fc.boolean(),
      file: fc.option(octoFile, { nil: undefined }),
    });
    // Half the cases start from a valid push, so the server's side is reached too.
    const validPush = fc.record({
      command: fc.constant("push"),
      args: fc
        .array(fc.tuple(flag, value), { maxLength: 2 })
        .map((extra): [string, string][] => [["--package-id", "Acme.Web"], ["--version", "1.0.0"], ...extra]),
      withServer: fc.constant(true),
      file: octoFile,
    });
    const commandLine = fc.oneof(randomLine, validPush);

    /** Runs the CLI with a generous kill timer; `killed` says the timer fired. */
    function run(args: string[]): Promise<{ code: number | null; killed: boolean; output: string }> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [cliPath, ...args], {
          cwd: dir,
          env: { PATH: process.env.PATH ?? "", HOME: dir, OCTOPUS_API_KEY: secret },
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

    const codes: number[] = [];
    it("exits 0, 1 or 2 in bounded time, without a stack trace or the key, sending nothing for invalid input", async () => {
      await fc.assert(
        fc.asyncProperty(commandLine, async ({ command, args, withServer, file }) => {
          const argv = [
            command,
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
          const result = await run(argv);
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
