import type { GitRunner } from "@buildinfo/core";

export async function isShallowRepository(git: GitRunner): Promise<boolean> {
  const result = await git.run(["rev-parse", "--is-shallow-repository"]);
  return result.exitCode === 0 && result.stdout.toString("utf8").trim() === "true";
}
