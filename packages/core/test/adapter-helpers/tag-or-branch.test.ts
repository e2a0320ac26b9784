import { describe, expect, it } from "vitest";
import { tagOrBranch } from "../../src/index";

const tag = { value: "v1.2.3", source: "CI_COMMIT_TAG" };
const branch = { value: "main", source: "CI_COMMIT_BRANCH" };

describe("tagOrBranch", () => {
  it("turns a tag into refs/tags/<tag>, keeping the tag's source", () => {
    expect(tagOrBranch(tag, undefined)).toEqual({ value: "refs/tags/v1.2.3", source: "CI_COMMIT_TAG" });
  });

  it("prefers the tag when the server also gives a branch", () => {
    expect(tagOrBranch(tag, { value: "v1.2.3", source: "CI_COMMIT_REF_NAME" })).toEqual({
      value: "refs/tags/v1.2.3",
      source: "CI_COMMIT_TAG",
    });
    expect(tagOrBranch(tag, branch)?.value).toBe("refs/tags/v1.2.3");
  });

  it("trims the tag", () => {
    expect(tagOrBranch({ value: "  v2.0 \n", source: "TAG_NAME" }, branch)).toEqual({
      value: "refs/tags/v2.0",
      source: "TAG_NAME",
    });
  });

  it("gives the branch as it is without a tag", () => {
    expect(tagOrBranch(undefined, branch)).toBe(branch);
    const slashed = { value: "feature/login", source: "BRANCH_NAME" };
    expect(tagOrBranch(undefined, slashed)).toEqual({ value: "feature/login", source: "BRANCH_NAME" });
  });

  it("is undefined with neither", () => {
    expect(tagOrBranch(undefined, undefined)).toBeUndefined();
  });
});
