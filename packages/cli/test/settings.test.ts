import { describe, expect, it } from "vitest";
import { parseCommandArgs } from "../src/args";
import { resolveConnection } from "../src/settings/connection";
import { connectionOptions } from "../src/settings/option-specs";
import { resolveOverwriteMode } from "../src/settings/overwrite-mode";

const parse = (args: string[]) =>
  parseCommandArgs("push", args, connectionOptions, { min: 0, max: 0 }).values;

describe("resolveConnection", () => {
  it("prefers flags, then OCTOPUS_* variables, then octo's OCTOPUS_CLI_* names", () => {
    const env = {
      OCTOPUS_URL: "https://env.example.com/",
      OCTOPUS_API_KEY: "API-ENV",
      OCTOPUS_CLI_SERVER: "https://octo.example.com",
      OCTOPUS_CLI_API_KEY: "API-OCTO",
      OCTOPUS_SPACE: "Web",
    };
    expect(
      resolveConnection(parse(["--server", "https://flag.example.com/octopus/"]), env, { required: true }),
    ).toEqual({
      serverUrl: "https://flag.example.com/octopus",
      apiKey: "API-ENV",
      space: "Web",
    });
    expect(
      resolveConnection(
        parse([]),
        { OCTOPUS_CLI_SERVER: "https://octo.example.com", OCTOPUS_CLI_API_KEY: "API-OCTO" },
        { required: true },
      ),
    ).toEqual({
      serverUrl: "https://octo.example.com",
      apiKey: "API-OCTO",
    });
    expect(
      resolveConnection(parse(["--apiKey", "API-FLAG", "--timeout", "2m"]), env, { required: true }),
    ).toMatchObject({
      apiKey: "API-FLAG",
      timeoutMs: 120_000,
    });
  });

  it("accepts an access token instead of an API key", () => {
    expect(
      resolveConnection(
        parse([]),
        { OCTOPUS_URL: "http://127.0.0.1:8080", OCTOPUS_ACCESS_TOKEN: "eyJ.x.y" },
        { required: true },
      ),
    ).toEqual({ serverUrl: "http://127.0.0.1:8080", accessToken: "eyJ.x.y" });
  });

  it("names the flag and the variable when the server or the credentials are missing", () => {
    expect(() => resolveConnection(parse([]), {}, { required: true })).toThrowError(/server/);
    expect(() =>
      resolveConnection(parse(["--server", "https://o.example.com"]), {}, { required: true }),
    ).toThrowError(/credentials/);
    expect(resolveConnection(parse([]), {}, { required: false })).toBeUndefined();
  });

  it("rejects server URLs that are not absolute http(s) addresses, without echoing credentials", () => {
    expect(() =>
      resolveConnection(
        parse(["--server", "octopus.example.com"]),
        { OCTOPUS_API_KEY: "k" },
        { required: true },
      ),
    ).toThrowError(/not a URL/);
    expect(() =>
      resolveConnection(
        parse(["--server", "ftp://u:pw-secret@o.example.com"]),
        { OCTOPUS_API_KEY: "k" },
        { required: true },
      ),
    ).toThrowError(/^(?!.*pw-secret).*http or https/);
  });

  it("rejects a bad --timeout", () => {
    expect(() => resolveConnection(parse(["--timeout", "soon"]), {}, { required: false })).toThrowError(
      /--timeout/,
    );
  });
});

describe("resolveOverwriteMode", () => {
  it("takes the user's mode in either spelling", () => {
    expect(resolveOverwriteMode("overwrite", {})).toEqual({ mode: "OverwriteExisting" });
    expect(resolveOverwriteMode("IgnoreIfExists", { GITHUB_RUN_ATTEMPT: "3" })).toEqual({
      mode: "IgnoreIfExists",
    });
    expect(resolveOverwriteMode("FailIfExists", { GITHUB_RUN_ATTEMPT: "3" })).toEqual({
      mode: "FailIfExists",
    });
  });

  it("defaults to FailIfExists, and to IgnoreIfExists on a CI re-run", () => {
    expect(resolveOverwriteMode(undefined, {})).toEqual({ mode: "FailIfExists" });
    expect(resolveOverwriteMode(undefined, { GITHUB_RUN_ATTEMPT: "1" })).toEqual({ mode: "FailIfExists" });
    expect(resolveOverwriteMode(undefined, { GITHUB_RUN_ATTEMPT: "2" }).mode).toBe("IgnoreIfExists");
    expect(resolveOverwriteMode(undefined, { SYSTEM_JOBATTEMPT: "2" }).reason).toContain(
      "SYSTEM_JOBATTEMPT=2",
    );
    expect(resolveOverwriteMode(undefined, { APPVEYOR_RE_BUILD: "True" }).mode).toBe("IgnoreIfExists");
  });
});

describe("argument errors", () => {
  it("names an unknown flag and suggests the closest", () => {
    expect(() => parse(["--sever", "x"])).toThrowError(/Unknown option '--sever'/);
    try {
      parse(["--sever", "x"]);
    } catch (error) {
      expect((error as { hint: string }).hint).toContain("--server");
    }
  });

  it("names a flag given without its value", () => {
    expect(() => parse(["--space"])).toThrowError(/'--space' needs a value/);
  });

  it("names a flag that has a short form by its long name when its value is missing", () => {
    const options = { space: { type: "string", short: "s" } } as const;
    expect(() => parseCommandArgs("push", ["-s"], options, { min: 0, max: 0 })).toThrowError(
      "Option '--space' needs a value.",
    );
  });
});
