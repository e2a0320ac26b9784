import { describe, expect, it } from "vitest";
import { parseOverwriteMode } from "../src/index";
import { catchBuildInfoError } from "./catch-build-info-error";

describe("parseOverwriteMode", () => {
  it.each([
    ["FailIfExists", "FailIfExists"],
    ["failifexists", "FailIfExists"],
    ["fail", "FailIfExists"],
    ["FAIL", "FailIfExists"],
    ["IgnoreIfExists", "IgnoreIfExists"],
    ["ignore", "IgnoreIfExists"],
    ["Ignore", "IgnoreIfExists"],
    ["OverwriteExisting", "OverwriteExisting"],
    ["overwriteexisting", "OverwriteExisting"],
    ["overwrite", "OverwriteExisting"],
    ["replace", "OverwriteExisting"],
    ["REPLACE", "OverwriteExisting"],
    [" ignore ", "IgnoreIfExists"],
  ])("reads %j as %s", (raw, mode) => {
    expect(parseOverwriteMode(raw, "--overwrite-mode")).toBe(mode);
  });

  it.each([undefined, "", "  "])("defaults %j to FailIfExists", (raw) => {
    expect(parseOverwriteMode(raw, "--overwrite-mode")).toBe("FailIfExists");
  });

  it.each(["skip", "true", "constructor", "__proto__", "Overwrite Existing"])(
    "rejects %j with E_USAGE listing the accepted values",
    (raw) => {
      const error = catchBuildInfoError(() => parseOverwriteMode(raw, "--overwrite-mode"));
      expect(error.code).toBe("E_USAGE");
      expect(error.source).toBe("--overwrite-mode");
      expect(error.message).toContain("from --overwrite-mode");
      for (const accepted of [
        "FailIfExists",
        "IgnoreIfExists",
        "OverwriteExisting",
        "fail",
        "ignore",
        "overwrite",
      ]) {
        expect(error.message).toContain(accepted);
      }
    },
  );
});
