import { BuildInfoError, type GitResult } from "@buildinfo/core";
import { dubiousOwnershipPath } from "./dubious-ownership";

/** Why git would not open the checkout at all, if that is what `result` says. */
export function repositoryError(result: GitResult, cwd: string): BuildInfoError | undefined {
  if (/not a git repository/i.test(result.stderr)) {
    return new BuildInfoError("E_GIT_NOT_A_REPOSITORY", `${cwd} is not inside a git checkout.`, {
      hint: "Run buildinfo from the build's git checkout, or use --from <server> / --file when there is none.",
      source: cwd,
    });
  }
  const refused = dubiousOwnershipPath(result.stderr);
  if (refused !== undefined) {
    // The runner already retried with `-c safe.directory`; git versions that ignore it there
    // (before ~2.39) end here.
    return new BuildInfoError(
      "E_GIT_UNSAFE_REPOSITORY",
      `git refuses the repository at ${refused}: it is owned by another user ("dubious ownership").`,
      {
        hint: `Run buildinfo as the checkout's owner, or trust it: git config --global --add safe.directory ${refused}`,
        source: refused,
      },
    );
  }
  return undefined;
}

/** The error for a git command that failed for a reason the caller has no better words for. */
export function gitCommandError(args: readonly string[], result: GitResult, cwd: string): BuildInfoError {
  return (
    repositoryError(result, cwd) ??
    new BuildInfoError(
      "E_GIT_FAILED",
      `git ${args.join(" ")} failed (exit ${result.exitCode}): ${result.stderr.trim() || "no message"}`,
      {
        hint: "Check that the checkout is complete and readable by the build user.",
        source: cwd,
      },
    )
  );
}
