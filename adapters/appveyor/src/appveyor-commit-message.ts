import { type Environment, type EnvValue, firstEnv } from "@buildinfo/core";

/**
 * The head commit's full message: AppVeyor splits it into the first line (`APPVEYOR_REPO_COMMIT_MESSAGE`)
 * and the rest (`APPVEYOR_REPO_COMMIT_MESSAGE_EXTENDED`, without the blank line git puts between them),
 * joined back in git's form so it equals the same commit read by `git log`.
 */
export function appveyorCommitMessage(env: Environment): EnvValue | undefined {
  const subject = firstEnv(env, ["APPVEYOR_REPO_COMMIT_MESSAGE"]);
  const body = firstEnv(env, ["APPVEYOR_REPO_COMMIT_MESSAGE_EXTENDED"]);
  if (subject === undefined || body === undefined) return subject;
  return {
    value: `${subject.value.trimEnd()}\n\n${body.value.replace(/^(?:\r?\n)+/, "")}`,
    source: `${subject.source} + ${body.source}`,
  };
}
