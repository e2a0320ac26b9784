import { describe, expect, it } from "vitest";
import { normalizeBranch } from "../src/branch";

describe("normalizeBranch", () => {
  it.each([
    ["refs/heads/feature/x", "feature/x"],
    ["refs/heads/main", "main"],
    ["origin/feature/x", "feature/x"],
    ["origin/main", "main"],
    ["refs/remotes/origin/x", "x"],
    ["refs/remotes/upstream/release/2.7", "release/2.7"],
    ["remotes/origin/main", "main"],
    ["feature/x", "feature/x"],
    ["main", "main"],
    ["refs/heads/origin/x", "origin/x"],
    ["  refs/heads/main\n", "main"],
    ["refs/tags/v1.2", "refs/tags/v1.2"],
    ["refs/pull/12/merge", "refs/pull/12/merge"],
    ["PR-24", "PR-24"],
    ["$/Project/Main", "$/Project/Main"],
    ["$/Project/origin/x", "$/Project/origin/x"],
    ["origin", "origin"],
    ["origin/", "origin/"],
    ["upstream/main", "upstream/main"],
  ])("normalises %j to %j", (raw, expected) => {
    expect(normalizeBranch(raw)).toBe(expected);
  });

  it.each([undefined, "", "   ", "refs/heads/", "refs/heads/   "])("gives undefined for %j", (raw) => {
    expect(normalizeBranch(raw)).toBeUndefined();
  });

  it("strips only the configured remotes", () => {
    expect(normalizeBranch("upstream/main", { remotes: ["origin", "upstream"] })).toBe("main");
    expect(normalizeBranch("origin/main", { remotes: ["upstream"] })).toBe("origin/main");
    expect(normalizeBranch("origin/main", { remotes: [] })).toBe("origin/main");
  });
});
