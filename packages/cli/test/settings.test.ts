import { manifests } from "@buildinfo/collect";
import { type BuildInfoError, type Environment, isBuildInfoError } from "@buildinfo/core";
import { describe, expect, it } from "vitest";
import { resolveConnection } from "../src/settings/connection";
import {
  adapterOptionDefinitions,
  aliasesOf,
  type CommandName,
  commandNames,
  dashed,
  optionsOf,
} from "../src/settings/option-table";
import { resolveOverwriteMode } from "../src/settings/overwrite-mode";
import { readSettings } from "../src/settings/settings";

const adapterOptions = adapterOptionDefinitions(manifests.flatMap((manifest) => manifest.options ?? []));
const positionals = { min: 0, max: Number.POSITIVE_INFINITY };
const read = (command: CommandName, args: string[], env: Environment = {}) =>
  readSettings(command, args, env, { positionals, adapterOptions });
const connection = (args: string[], env: Environment = {}, required = true) =>
  resolveConnection(read("push", args, env), env, { required });

function thrown(run: () => unknown): BuildInfoError {
  try {
    run();
  } catch (error) {
    if (isBuildInfoError(error)) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("resolveConnection", () => {
  it("prefers flags, then OCTOPUS_* variables, then octo's OCTOPUS_CLI_* names", () => {
    const env = {
      OCTOPUS_URL: "https://env.example.com/",
      OCTOPUS_API_KEY: "API-ENV",
      OCTOPUS_CLI_SERVER: "https://octo.example.com",
      OCTOPUS_CLI_API_KEY: "API-OCTO",
      OCTOPUS_SPACE: "Web",
    };
    expect(connection(["--server", "https://flag.example.com/octopus/"], env)).toEqual({
      serverUrl: "https://flag.example.com/octopus",
      apiKey: "API-ENV",
      space: "Web",
    });
    expect(
      connection([], { OCTOPUS_CLI_SERVER: "https://octo.example.com", OCTOPUS_CLI_API_KEY: "API-OCTO" }),
    ).toEqual({ serverUrl: "https://octo.example.com", apiKey: "API-OCTO" });
    expect(connection(["--apiKey", "API-FLAG", "--timeout", "2m"], env)).toMatchObject({
      apiKey: "API-FLAG",
      timeoutMs: 120_000,
    });
  });

  it("skips a blank variable for the next one", () => {
    expect(
      connection([], {
        OCTOPUS_URL: " ",
        OCTOPUS_CLI_SERVER: "https://octo.example.com",
        OCTOPUS_API_KEY: "k",
      }),
    ).toEqual({ serverUrl: "https://octo.example.com", apiKey: "k" });
  });

  it("takes the API key as octo (--apiKey) and the official TeamCity plugin (--apikey) spell it", () => {
    for (const command of ["push", "build-information", "list", "view", "delete"] as const) {
      const settings = read(command, ["--apikey", "API-TEAMCITY"]);
      expect(settings.values.apiKey, command).toBe("API-TEAMCITY");
      expect(settings.sources.apiKey).toBe("--apikey");
      expect(settings.secrets).toContain("API-TEAMCITY");
    }
  });

  it("refuses two spellings of one option that disagree, without echoing a key", () => {
    const error = thrown(() => read("push", ["--api-key", "API-ONE", "--apiKey", "API-TWO"]));
    expect(error.message).toBe("--api-key and --apiKey disagree.");
    expect(read("push", ["--api-key", "API-ONE", "--apiKey", "API-ONE"]).values.apiKey).toBe("API-ONE");
    // One spelling given twice: the last wins, as before.
    expect(read("push", ["--space", "A", "--space", "B"]).values.space).toBe("B");
  });

  it("accepts an access token instead of an API key", () => {
    expect(connection([], { OCTOPUS_URL: "http://127.0.0.1:8080", OCTOPUS_ACCESS_TOKEN: "eyJ.x.y" })).toEqual(
      {
        serverUrl: "http://127.0.0.1:8080",
        accessToken: "eyJ.x.y",
      },
    );
  });

  it("names the flag and the variable when the server or the credentials are missing", () => {
    expect(() => connection([])).toThrowError(/server/);
    expect(() => connection(["--server", "https://o.example.com"])).toThrowError(/credentials/);
    expect(connection([], {}, false)).toBeUndefined();
  });

  it("applies the one server URL rule, naming where the value came from, without echoing credentials", () => {
    const env = { OCTOPUS_API_KEY: "k" };
    expect(() => connection(["--server", "octopus.example.com"], env)).toThrowError(/not a URL/);
    expect(() => connection(["--server", "ftp://u:pw-secret@o.example.com"], env)).toThrowError(
      /^(?!.*pw-secret).*\(from --server\) must use http or https/,
    );
    expect(() => connection([], { ...env, OCTOPUS_URL: "https://o.example.com/?x=1" })).toThrowError(
      /\(from OCTOPUS_URL\) has a query or fragment/,
    );
    expect(connection(["--server", "https://o.example.com/octopus/app/"], env)?.serverUrl).toBe(
      "https://o.example.com/octopus",
    );
  });
});

describe("--timeout and --build-server-timeout", () => {
  it("gives Octopus's deadline to --timeout and the build server's to --build-server-timeout", () => {
    const push = read("push", ["--timeout", "2m", "--build-server-timeout", "500ms"]);
    expect([push.values.timeoutMs, push.values.buildServerTimeoutMs]).toEqual([120_000, 500]);
    expect(read("push", ["--timeout", "600"]).values.buildServerTimeoutMs).toBeUndefined();
  });

  it("still reads collect --timeout as the build server's deadline, with a warning", () => {
    const collect = read("collect", ["--timeout", "30s"]);
    expect(collect.values.buildServerTimeoutMs).toBe(30_000);
    expect(collect.notices).toEqual([
      "--timeout is an older spelling here: use --build-server-timeout (collect reads no Octopus API, so --timeout meant this here).",
    ]);
  });

  it("rejects a bad duration, naming the spelling used", () => {
    expect(() => read("push", ["--timeout", "soon"])).toThrowError(/^--timeout must be a duration/);
    expect(() => read("collect", ["--timeout", "0"])).toThrowError(/^--timeout must be a duration/);
  });
});

describe("the option table", () => {
  it("refuses an empty value for every option that takes one, on every command (nothing is sent)", () => {
    let checked = 0;
    for (const command of commandNames) {
      for (const option of optionsOf(command, adapterOptions)) {
        if (option.kind === "boolean") continue;
        const spellings = [option.flag, ...aliasesOf(option, command).map((alias) => alias.flag)];
        for (const spelling of spellings) {
          for (const value of ["", "  "]) {
            const error = thrown(() => read(command, [dashed(spelling), value]));
            expect([error.code, error.exitCode, error.message], `${command} ${dashed(spelling)}`).toEqual([
              "E_USAGE",
              2,
              `${dashed(spelling)} is empty.`,
            ]);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("takes each adapter's options on collect and push, from the registry's manifests", () => {
    const settings = read("collect", [
      "--vcs-root-id",
      "Shop_Git",
      "--teamcity-rest-format",
      "JSON",
      "--teamcity-changes-page-size",
      "200",
      "--plan-repository",
      "shop",
    ]);
    expect(settings.adapterOptions).toEqual({
      vcsRootId: "Shop_Git",
      restFormat: "json",
      changesPageSize: "200",
      planRepository: "shop",
    });
    expect(() => read("push", ["--teamcity-changes-page-size", "0"])).toThrowError(
      "--teamcity-changes-page-size must be a whole number from 1 to 10000, got '0'.",
    );
    expect(() => read("list", ["--vcs-root-id", "x"])).toThrowError(/Unknown option '--vcs-root-id'/);
  });

  it("gives the Go CLI's spellings to build-information only", () => {
    expect(read("build-information", ["-p", "Acme.Web", "-s", "Web", "-f", "JSON"])).toMatchObject({
      values: { packageIds: ["Acme.Web"], space: "Web", outputFormat: "json" },
      json: true,
    });
    expect(() => read("push", ["-p", "Acme.Web"])).toThrowError(/Unknown option '-p'/);
    expect(() => read("build-information", ["--ignoreSslErrors"])).toThrowError(/not supported/);
  });
});

describe("resolveOverwriteMode", () => {
  it("takes the user's mode in either spelling", () => {
    expect(resolveOverwriteMode("overwrite", "--overwrite", {})).toEqual({ mode: "OverwriteExisting" });
    expect(resolveOverwriteMode("IgnoreIfExists", undefined, { GITHUB_RUN_ATTEMPT: "3" })).toEqual({
      mode: "IgnoreIfExists",
    });
    expect(resolveOverwriteMode("FailIfExists", undefined, { GITHUB_RUN_ATTEMPT: "3" })).toEqual({
      mode: "FailIfExists",
    });
  });

  it("defaults to FailIfExists, and to IgnoreIfExists on a CI re-run", () => {
    expect(resolveOverwriteMode(undefined, undefined, {})).toEqual({ mode: "FailIfExists" });
    expect(resolveOverwriteMode(undefined, undefined, { GITHUB_RUN_ATTEMPT: "1" })).toEqual({
      mode: "FailIfExists",
    });
    expect(resolveOverwriteMode(undefined, undefined, { GITHUB_RUN_ATTEMPT: "2" }).mode).toBe(
      "IgnoreIfExists",
    );
    expect(resolveOverwriteMode(undefined, undefined, { SYSTEM_JOBATTEMPT: "2" }).reason).toContain(
      "SYSTEM_JOBATTEMPT=2",
    );
    expect(resolveOverwriteMode(undefined, undefined, { APPVEYOR_RE_BUILD: "True" }).mode).toBe(
      "IgnoreIfExists",
    );
  });
});

describe("argument errors", () => {
  it("names an unknown flag and suggests the closest", () => {
    const error = thrown(() => read("push", ["--sever", "x"]));
    expect(error.message).toMatch(/Unknown option '--sever'/);
    expect(error.hint).toContain("--server");
  });

  it("names a flag given without its value", () => {
    expect(() => read("push", ["--space"])).toThrowError(/'--space' needs a value/);
  });

  it("names a flag that has a short form by its long name when its value is missing", () => {
    expect(() => read("build-information", ["-s"])).toThrowError("Option '--space' needs a value.");
  });
});
