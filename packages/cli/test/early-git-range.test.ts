import { defaultCommitCap } from "@buildinfo/core";
import { describe, expect, it } from "vitest";
import { earlyDefaultCommitCap, earlyGitRange } from "../src/early-git-range";

describe("earlyGitRange", () => {
  it("uses the core's default commit cap, so the early git log is the one the reader asks for", () => {
    expect(earlyDefaultCommitCap).toBe(defaultCommitCap);
    expect(earlyGitRange("collect", ["--from", "git", "--since", "v1.0"])).toEqual({
      since: "v1.0",
      maxCount: defaultCommitCap + 1,
    });
  });

  it("reads both option spellings and the cap for collect, push and build-information", () => {
    expect(earlyGitRange("push", ["--from=git", "--since=abc123", "--commit-cap", "50"])).toEqual({
      since: "abc123",
      maxCount: 51,
    });
    expect(earlyGitRange("build-information", ["--since", "v2", "--from", "git"])).toEqual({
      since: "v2",
      maxCount: defaultCommitCap + 1,
    });
  });

  it("starts nothing for other commands, other servers, --file, or a missing or option-like --since", () => {
    for (const [command, args] of [
      ["list", ["--from", "git", "--since", "v1"]],
      ["collect", ["--from", "jenkins", "--since", "v1"]],
      ["collect", ["--since", "v1"]],
      ["push", ["--from", "git", "--since", "v1", "--file", "x.json"]],
      ["collect", ["--from", "git"]],
      ["collect", ["--from", "git", "--since", "--verbose"]],
      ["collect", ["--from", "git", "--since", "v1", "--commit-cap", "many"]],
      ["collect", ["--from", "git", "--since", "v1", "--commit-cap", "-5"]],
      ["collect", ["--from", "git", "--since", "v1", "--commit-cap=0"]],
    ] as const) {
      expect(earlyGitRange(command, args)).toBeUndefined();
    }
  });
});
