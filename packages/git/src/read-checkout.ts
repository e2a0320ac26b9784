import { BuildInfoError, type Checkout, type GitRunner } from "@buildinfo/core";
import { repositoryError } from "./git-command-error";
import { headCommitArgs } from "./git-commands";

/** HEAD, branch and remote URL of the checkout. */
export async function readCheckout(git: GitRunner): Promise<Checkout> {
  const [head, branch, remoteUrl] = await Promise.all([readHead(git), readBranch(git), readRemoteUrl(git)]);
  return {
    head,
    ...(branch === undefined ? {} : { branch }),
    ...(remoteUrl === undefined ? {} : { remoteUrl }),
  };
}

async function readHead(git: GitRunner): Promise<string> {
  const result = await git.run(headCommitArgs);
  if (result.exitCode === 0) return result.stdout.toString("utf8").trim();
  const refused = repositoryError(result, git.cwd);
  if (refused !== undefined) throw refused;
  throw new BuildInfoError("E_GIT_NO_COMMITS", `The checkout at ${git.cwd} has no commit checked out.`, {
    hint: "Commit something first, or run buildinfo after the build server's checkout step.",
    source: git.cwd,
  });
}

async function readBranch(git: GitRunner): Promise<string | undefined> {
  const result = await git.run(["symbolic-ref", "--short", "-q", "HEAD"]);
  const branch = result.stdout.toString("utf8").trim();
  return result.exitCode === 0 && branch !== "" ? branch : undefined;
}

async function readRemoteUrl(git: GitRunner): Promise<string | undefined> {
  const origin = await remoteUrl(git, "origin");
  if (origin !== undefined) return origin;
  const remotes = await git.run(["remote"]);
  if (remotes.exitCode !== 0) return undefined;
  const first = remotes.stdout.toString("utf8").split("\n")[0]?.trim();
  return first === undefined || first === "" ? undefined : remoteUrl(git, first);
}

async function remoteUrl(git: GitRunner, remote: string): Promise<string | undefined> {
  const result = await git.run(["remote", "get-url", "--", remote]);
  const url = result.stdout.toString("utf8").trim();
  return result.exitCode === 0 && url !== "" ? url : undefined;
}
