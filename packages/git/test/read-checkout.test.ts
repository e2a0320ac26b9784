import { BuildInfoError } from "@buildinfo/core";
import { afterEach, describe, expect, it } from "vitest";
import { readCheckout } from "../src/read-checkout";
import { tempRepoIn } from "./support/temp-repo";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const tempRepo = tempRepoIn(cleanups);

describe("readCheckout", () => {
  it("reads HEAD, the branch and origin's raw URL", async () => {
    const { repo, git } = await tempRepo({
      commits: [{ message: "one" }, { message: "two" }],
      branch: "feature/SHOP-12-price-cache",
      remoteUrl: "https://ci-bot:s3cret@github.com/acme/shop-web.git",
    });
    repo.git(["remote", "add", "backup", "git@example.com:acme/backup.git"]);
    expect(await readCheckout(git)).toEqual({
      head: repo.shas[1],
      branch: "feature/SHOP-12-price-cache",
      remoteUrl: "https://ci-bot:s3cret@github.com/acme/shop-web.git",
    });
  });

  it("leaves the branch out on a detached HEAD, as CI checkouts are", async () => {
    const { repo, git } = await tempRepo({ commits: [{ message: "one" }, { message: "two" }] });
    repo.git(["checkout", "--quiet", "--detach", repo.shas[0]!]);
    expect(await readCheckout(git)).toEqual({ head: repo.shas[0] });
  });

  it("falls back to the first remote when there is no origin", async () => {
    const { repo, git } = await tempRepo({ commits: [{ message: "one" }] });
    repo.git(["remote", "add", "upstream", "git@github.com:acme/shop-web.git"]);
    repo.git(["remote", "add", "zeta", "https://example.com/zeta.git"]);
    expect((await readCheckout(git)).remoteUrl).toBe("git@github.com:acme/shop-web.git");
  });

  it("reports a repository without commits as E_GIT_NO_COMMITS", async () => {
    const { git } = await tempRepo({});
    const error = await readCheckout(git).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(BuildInfoError);
    expect((error as BuildInfoError).code).toBe("E_GIT_NO_COMMITS");
  });
});
