import { describe, expect, it } from "vitest";
import { draftFromEnvValues } from "../../src/index";

describe("draftFromEnvValues", () => {
  it("builds the draft from the found values and a commit range, sources included", () => {
    expect(
      draftFromEnvValues(
        "GitLab CI",
        {
          buildNumber: { value: "812", source: "CI_PIPELINE_IID" },
          branch: { value: "main", source: "CI_COMMIT_BRANCH" },
          buildUrl: undefined,
        },
        {
          commitRange: { from: "aaa", to: "bbb", source: "CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA" },
          warnings: [],
        },
      ),
    ).toEqual({
      buildEnvironment: "GitLab CI",
      buildNumber: "812",
      branch: "main",
      commitRange: { from: "aaa", to: "bbb", source: "CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA" },
      sources: { buildNumber: "CI_PIPELINE_IID", branch: "CI_COMMIT_BRANCH" },
    });
  });

  it("takes a commit list with its source into `commits` and `sources.commits`", () => {
    const draft = draftFromEnvValues(
      "AppVeyor",
      { vcsCommitNumber: { value: "abc", source: "APPVEYOR_REPO_COMMIT" } },
      {
        commits: [{ id: "abc", comment: "Fix it" }],
        source: "APPVEYOR_REPO_COMMIT + APPVEYOR_REPO_COMMIT_MESSAGE",
        warnings: [],
      },
    );
    expect(draft).toEqual({
      buildEnvironment: "AppVeyor",
      vcsCommitNumber: "abc",
      commits: [{ id: "abc", comment: "Fix it" }],
      sources: {
        vcsCommitNumber: "APPVEYOR_REPO_COMMIT",
        commits: "APPVEYOR_REPO_COMMIT + APPVEYOR_REPO_COMMIT_MESSAGE",
      },
    });
  });

  it("puts the adapter's warnings before the selection's", () => {
    const draft = draftFromEnvValues("Jenkins", {}, { warnings: ["from the selection"] }, [
      "from the adapter",
      "second",
    ]);
    expect(draft.warnings).toEqual(["from the adapter", "second", "from the selection"]);
  });

  it("keeps either list of warnings alone", () => {
    expect(draftFromEnvValues("Jenkins", {}, { warnings: ["selection only"] }).warnings).toEqual([
      "selection only",
    ]);
    expect(draftFromEnvValues("Jenkins", {}, { warnings: [] }, ["adapter only"]).warnings).toEqual([
      "adapter only",
    ]);
  });

  it("leaves out commits, range, commit source and warnings when there are none", () => {
    const draft = draftFromEnvValues("Continua CI", {}, { warnings: [] }, []);
    expect(draft).toEqual({ buildEnvironment: "Continua CI", sources: {} });
    for (const key of ["commits", "commitRange", "warnings"]) expect(key in draft).toBe(false);
    expect("commits" in (draft.sources ?? {})).toBe(false);
  });

  it("does not change the warning lists it is given", () => {
    const adapterWarnings = ["adapter"];
    const selection = { warnings: ["selection"] };
    draftFromEnvValues("TeamCity", {}, selection, adapterWarnings);
    expect(adapterWarnings).toEqual(["adapter"]);
    expect(selection.warnings).toEqual(["selection"]);
  });
});
