import { describe, expect, it } from "vitest";
import { firstEnv } from "../../src/index";

describe("firstEnv", () => {
  it("returns the first listed variable that is set, with its name as the source", () => {
    const env = { B: "second", A: "first" };
    expect(firstEnv(env, ["A", "B"])).toEqual({ value: "first", source: "A" });
    expect(firstEnv(env, ["B", "A"])).toEqual({ value: "second", source: "B" });
  });

  it("skips unset, empty and whitespace-only variables", () => {
    const env = { EMPTY: "", BLANK: " \t\r\n ", SET: "value" };
    expect(firstEnv(env, ["MISSING", "EMPTY", "BLANK", "SET"])).toEqual({ value: "value", source: "SET" });
  });

  it("keeps the value as given, surrounding whitespace included", () => {
    expect(firstEnv({ BRANCH: "  main \n" }, ["BRANCH"])).toEqual({ value: "  main \n", source: "BRANCH" });
  });

  it("is undefined when no variable is set to a non-blank value, or none is asked for", () => {
    expect(firstEnv({ EMPTY: "", BLANK: "  " }, ["EMPTY", "BLANK", "MISSING"])).toBeUndefined();
    expect(firstEnv({ SET: "value" }, [])).toBeUndefined();
  });

  it("matches names exactly, case included", () => {
    expect(firstEnv({ ci_commit_sha: "abc" }, ["CI_COMMIT_SHA"])).toBeUndefined();
  });
});
