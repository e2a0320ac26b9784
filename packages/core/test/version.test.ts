import { describe, expect, it } from "vitest";
import { invalidVersionMessage, validateVersion } from "../src/index";
import { catchBuildInfoError } from "./catch-build-info-error";

describe("validateVersion", () => {
  it.each([
    "1.2.3",
    "0.0.0",
    "10.20.30",
    "1.2.3-beta",
    "1.2.3-beta.1",
    "2.7.0-ci.311",
    "1.0.0-alpha-a.b-c-somethinglong",
    "1.0.0-0.3.7",
    "1.0.0-x.7.z.92",
    "1.2.3+build.7",
    "1.2.3-rc.1+sha.5114f85",
    "1.0.0+20130313144700",
    "1.2.3.4",
    "2025.1.0.8812",
    "1.2.3.4-beta",
    "1.2.3.4-beta.2+meta",
    "1",
    "1.0",
    "1-beta",
    "1.0-beta",
    "01.02.03",
    "1.0.0-01",
    "2147483647.0.0",
  ])("accepts %j", (version) => {
    expect(validateVersion(version, "--version")).toBe(version);
  });

  it("trims surrounding whitespace", () => {
    expect(validateVersion(" 1.2.3\n", "--version")).toBe("1.2.3");
  });

  it.each([
    "",
    "  ",
    "1.2.3.4.5",
    "1.2.3-",
    "1.2.3+",
    "1.2.3-beta..1",
    "1.2.3-beta_1",
    "1.2.3-beta+",
    "1.2.3+meta+more",
    "1.2.3 beta",
    "1..2",
    ".1.2",
    "1.2.",
    "a.b.c",
    "latest",
    "1.2.x",
    "-1.2.3",
    "2147483648.0.0",
    "1.2.3-béta",
  ])("rejects %j with the server's message and the source", (version) => {
    const error = catchBuildInfoError(() => validateVersion(version, "--version"));
    expect(error.code).toBe("E_INVALID_VERSION");
    expect(error.kind).toBe("input");
    expect(error.source).toBe("--version");
    expect(error.message).toContain(invalidVersionMessage);
    expect(error.message).toContain("from --version");
  });

  it.each([
    ["v1.2.3", "1.2.3"],
    ["V2.0.0-rc.1", "2.0.0-rc.1"],
    ["v1.2.3.4", "1.2.3.4"],
  ])("rejects the leading v of %j with a hint to pass %j", (version, withoutV) => {
    const error = catchBuildInfoError(() => validateVersion(version, "GITHUB_REF_NAME"));
    expect(error.code).toBe("E_INVALID_VERSION");
    expect(error.message).toContain(JSON.stringify(version));
    expect(error.hint).toContain(`the version is ${withoutV}`);
  });

  it("gives the general hint when dropping the v would not help", () => {
    const error = catchBuildInfoError(() => validateVersion("v1.x", "--version"));
    expect(error.hint).toContain("SemVer 2.0");
  });
});
