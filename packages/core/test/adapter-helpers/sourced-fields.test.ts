import { describe, expect, it } from "vitest";
import { sourcedFields } from "../../src/adapter-helpers/sourced-fields";

describe("sourcedFields", () => {
  it("takes each found value and records its source", () => {
    expect(
      sourcedFields({
        buildNumber: { value: "42", source: "BUILD_NUMBER" },
        branch: { value: "main", source: "BRANCH_NAME" },
        vcsRoot: { value: "https://github.com/acme/shop", source: "{GITHUB_SERVER_URL}/{GITHUB_REPOSITORY}" },
      }),
    ).toEqual({
      buildNumber: "42",
      branch: "main",
      vcsRoot: "https://github.com/acme/shop",
      sources: {
        buildNumber: "BUILD_NUMBER",
        branch: "BRANCH_NAME",
        vcsRoot: "{GITHUB_SERVER_URL}/{GITHUB_REPOSITORY}",
      },
    });
  });

  it("leaves missing values out, fields and sources both", () => {
    const result = sourcedFields({
      buildNumber: undefined,
      buildUrl: { value: "https://ci/1", source: "BUILD_URL" },
    });
    expect(result).toEqual({ buildUrl: "https://ci/1", sources: { buildUrl: "BUILD_URL" } });
    expect("buildNumber" in result).toBe(false);
    expect("buildNumber" in result.sources).toBe(false);
  });

  it("gives empty sources for no values", () => {
    expect(sourcedFields({})).toEqual({ sources: {} });
  });

  it("keeps values verbatim", () => {
    expect(sourcedFields({ vcsCommitNumber: { value: " abc \n", source: "SHA" } }).vcsCommitNumber).toBe(
      " abc \n",
    );
  });
});
