import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";

// `push --dry-run` with no server: the plan still names the space the push would go to, whether it came
// from --space (a name or an id) or OCTOPUS_SPACE.
describe("push --dry-run without a server", () => {
  let repo: TempGitRepo;
  beforeAll(async () => {
    repo = await createTempGitRepo({
      commits: [{ message: "One" }],
      remoteUrl: "https://github.com/acme/shop.git",
    });
  });
  afterAll(() => repo.cleanup());

  const plan = async (extra: string[], env: Record<string, string> = {}) => {
    const run = await runCli(
      [
        "push",
        "--dry-run",
        "--from",
        "git",
        "--build-number",
        "1",
        "--package-id",
        "Shop",
        "--version",
        "1.0.0",
        ...extra,
      ],
      { cwd: repo.dir, env },
    );
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { space: string | null; requests: { path: string }[] };
  };

  it("keeps a space given by name, by id, or in OCTOPUS_SPACE", async () => {
    const byName = await plan(["--space", "Web Team"]);
    expect(byName.space).toBe("Web Team");
    expect(byName.requests[0]?.path).toContain('/api/{space "Web Team"}/build-information');
    const byId = await plan(["--space", "Spaces-2"]);
    expect(byId.requests[0]?.path).toContain("/api/Spaces-2/build-information");
    expect((await plan([], { OCTOPUS_SPACE: "Ops" })).space).toBe("Ops");
    expect((await plan([])).space).toBeNull();
  });
});
