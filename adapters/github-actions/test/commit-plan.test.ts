import { describe, expect, it } from "vitest";
import { planCommits } from "../src/commit-plan";
import type { GitHubEventPayload } from "../src/event-payload";
import { webhookExample } from "./support/webhook-examples";

const sha = "2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d";

describe("planCommits for events without a push range", () => {
  const dispatch = webhookExample<GitHubEventPayload & { ref: string }>("workflow_dispatch");

  it("compares a manual run on a feature branch with the default branch", () => {
    expect(
      planCommits({ eventName: "workflow_dispatch", sha, ref: "refs/heads/feature/x", payload: dispatch }),
    ).toEqual({
      kind: "compare",
      base: "main",
      head: sha,
      baseSource: "repository.default_branch",
      headSource: "GITHUB_SHA",
      reason: "a workflow_dispatch run on a branch",
    });
  });

  it("takes only the head commit of a manual run on the default branch and of a scheduled run", () => {
    expect(
      planCommits({ eventName: "workflow_dispatch", sha, ref: dispatch.ref, payload: dispatch }),
    ).toMatchObject({
      kind: "head",
      head: sha,
    });
    expect(
      planCommits({
        eventName: "schedule",
        sha,
        ref: "refs/heads/main",
        payload: { schedule: "0 3 * * *" } as GitHubEventPayload,
      }),
    ).toEqual({
      kind: "head",
      head: sha,
      reason: "a schedule run",
    });
  });

  it("compares a merge queue group's base and head", () => {
    const payload = webhookExample<GitHubEventPayload>("merge_group");
    expect(planCommits({ eventName: "merge_group", sha, ref: undefined, payload })).toMatchObject({
      kind: "compare",
      base: "380387fbc80638b734a49e1be1c4dfec1c01b33c",
      head: "2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d",
    });
  });

  it("takes only the head commit of a release's tag", () => {
    const payload = webhookExample<GitHubEventPayload>("release", (p) => p.action === "published");
    expect(planCommits({ eventName: "release", sha, ref: "refs/tags/v1.0.0", payload })).toMatchObject({
      kind: "head",
    });
  });
});
