import { describe, expect, it } from "vitest";
import { type EnvValue, selectCommits } from "../../src/index";

const head: EnvValue = { value: "c0ffee0000000000000000000000000000000001", source: "CI_COMMIT_SHA" };
const previous: EnvValue = {
  value: "bada550000000000000000000000000000000002",
  source: "CI_COMMIT_BEFORE_SHA",
};
const zeros: EnvValue = { value: "0000000000000000000000000000000000000000", source: "CI_COMMIT_BEFORE_SHA" };
const base: EnvValue = {
  value: "ba5e000000000000000000000000000000000003",
  source: "CI_MERGE_REQUEST_DIFF_BASE_SHA",
};
const more = "Pass --since <commit> to send the commits since then.";

describe("selectCommits", () => {
  it("sends no commits, with a warning, when the server gives no head commit", () => {
    expect(selectCommits({ server: "GitLab CI", head: undefined, previous, bases: [base] })).toEqual({
      warnings: ["GitLab CI gave no commit for this build, so no commits are sent."],
    });
  });

  describe("with a usable previous commit", () => {
    it("reads previous..head from the checkout without a warning", () => {
      expect(selectCommits({ server: "GitLab CI", head, previous, bases: [base] })).toEqual({
        commitRange: { from: previous.value, to: head.value, source: "CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA" },
        warnings: [],
      });
    });

    it("names where the clone depth is set in the range's source", () => {
      expect(
        selectCommits({ server: "GitLab CI", head, previous, cloneDepth: "GIT_DEPTH" }).commitRange,
      ).toEqual({
        from: previous.value,
        to: head.value,
        source: "CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA, clone depth set by GIT_DEPTH",
      });
    });

    it("trims both commits", () => {
      const selection = selectCommits({
        server: "Jenkins",
        head: { value: ` ${head.value}\n`, source: "GIT_COMMIT" },
        previous: { value: `\t${previous.value} `, source: "GIT_PREVIOUS_COMMIT" },
      });
      expect(selection.commitRange).toMatchObject({ from: previous.value, to: head.value });
    });

    it("accepts a ref, not only a SHA", () => {
      const selection = selectCommits({
        server: "GitHub Actions",
        head,
        previous: { value: "origin/main", source: "GITHUB_BASE_REF" },
      });
      expect(selection.commitRange).toEqual({
        from: "origin/main",
        to: head.value,
        source: "GITHUB_BASE_REF..CI_COMMIT_SHA",
      });
    });

    it("ignores a head message: the range is read from the checkout", () => {
      const selection = selectCommits({
        server: "GitLab CI",
        head,
        previous,
        headMessage: { value: "Fix", source: "CI_COMMIT_MESSAGE" },
      });
      expect(selection.commits).toBeUndefined();
      expect(selection.commitRange?.from).toBe(previous.value);
    });
  });

  describe("with an all-zeros previous commit", () => {
    it.each(["0000000000000000000000000000000000000000", "0", " 0000000 "])(
      "treats %j as no previous commit and says so",
      (value) => {
        const selection = selectCommits({
          server: "GitLab CI",
          head,
          previous: { value, source: "CI_COMMIT_BEFORE_SHA" },
          bases: [base],
        });
        expect(selection).toEqual({
          commitRange: { from: base.value, to: head.value, source: `${base.source}..CI_COMMIT_SHA` },
          warnings: [
            "CI_COMMIT_BEFORE_SHA is all zeros (GitLab CI knows no previous commit for this build): " +
              `reading the commits of ${base.source}..CI_COMMIT_SHA instead.`,
          ],
        });
      },
    );

    it("does not treat a SHA that merely contains zeros as all zeros", () => {
      const mostlyZeros = {
        value: "0000000000000000000000000000000000000001",
        source: "CI_COMMIT_BEFORE_SHA",
      };
      expect(selectCommits({ server: "GitLab CI", head, previous: mostlyZeros }).commitRange?.from).toBe(
        mostlyZeros.value,
      );
    });
  });

  describe("with bases", () => {
    it("uses the first usable base, skipping unset, blank and all-zeros ones", () => {
      const second: EnvValue = { value: "5ec0nd", source: "CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA" };
      const selection = selectCommits({
        server: "GitLab CI",
        head,
        bases: [undefined, { value: "  ", source: "BLANK" }, { ...zeros, source: "ZEROS" }, second, base],
        cloneDepth: "GIT_DEPTH",
      });
      expect(selection).toEqual({
        commitRange: {
          from: "5ec0nd",
          to: head.value,
          source: "CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA..CI_COMMIT_SHA, clone depth set by GIT_DEPTH",
        },
        warnings: [
          "GitLab CI gives no previous commit for this build: reading the commits of " +
            "CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA..CI_COMMIT_SHA instead.",
        ],
      });
    });

    it("treats a blank previous commit as none given", () => {
      const selection = selectCommits({
        server: "Jenkins",
        head,
        previous: { value: " ", source: "GIT_PREVIOUS_COMMIT" },
        bases: [base],
      });
      expect(selection.commitRange?.from).toBe(base.value);
      expect(selection.warnings).toEqual([
        `Jenkins gives no previous commit for this build: reading the commits of ${base.source}..CI_COMMIT_SHA instead.`,
      ]);
    });

    it("trims the base", () => {
      const selection = selectCommits({
        server: "Bitbucket Pipelines",
        head,
        bases: [{ ...base, value: ` ${base.value} ` }],
      });
      expect(selection.commitRange?.from).toBe(base.value);
    });
  });

  describe("with only the head commit", () => {
    it("sends the head commit with the server's message when it gives one", () => {
      const selection = selectCommits({
        server: "AppVeyor",
        head: { value: ` ${head.value} `, source: "APPVEYOR_REPO_COMMIT" },
        bases: [undefined, zeros],
        headMessage: { value: "Fix the cart\n\nCloses #4", source: "APPVEYOR_REPO_COMMIT_MESSAGE" },
        cloneDepth: "clone_depth in appveyor.yml",
      });
      expect(selection).toEqual({
        commits: [{ id: head.value, comment: "Fix the cart\n\nCloses #4" }],
        source: "APPVEYOR_REPO_COMMIT + APPVEYOR_REPO_COMMIT_MESSAGE",
        warnings: [
          `AppVeyor gives no previous commit for this build: only the head commit (APPVEYOR_REPO_COMMIT) is sent. ${more}`,
        ],
      });
    });

    it("names an all-zeros previous commit in the head-only warning", () => {
      const selection = selectCommits({
        server: "GitLab CI",
        head,
        previous: zeros,
        headMessage: { value: "Fix", source: "CI_COMMIT_MESSAGE" },
      });
      expect(selection.warnings).toEqual([
        `CI_COMMIT_BEFORE_SHA is all zeros (GitLab CI knows no previous commit for this build): only the head commit (CI_COMMIT_SHA) is sent. ${more}`,
      ]);
    });

    it("reads head^..head from the checkout when the server gives no message", () => {
      const selection = selectCommits({
        server: "TeamCity",
        head: { value: head.value, source: "build.vcs.number" },
      });
      expect(selection).toEqual({
        commitRange: {
          from: `${head.value}^`,
          to: head.value,
          source: "build.vcs.number^..build.vcs.number",
        },
        warnings: [
          "TeamCity gives no previous commit for this build: only the head commit (build.vcs.number, and for a " +
            `merge commit the commits it merged) is read from the checkout. ${more}`,
        ],
      });
    });

    it("keeps the clone depth in the head^..head source", () => {
      const selection = selectCommits({
        server: "GitLab CI",
        head,
        previous: zeros,
        cloneDepth: "GIT_DEPTH",
      });
      expect(selection.commitRange?.source).toBe(
        "CI_COMMIT_SHA^..CI_COMMIT_SHA, clone depth set by GIT_DEPTH",
      );
      expect(selection.warnings[0]).toMatch(/^CI_COMMIT_BEFORE_SHA is all zeros/);
    });

    it("treats an empty list of bases like none", () => {
      expect(selectCommits({ server: "Continua CI", head, bases: [] }).commitRange?.from).toBe(
        `${head.value}^`,
      );
    });
  });
});
