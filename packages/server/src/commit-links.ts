import { commitLinkUrl, type VcsType } from "@buildinfo/core";
import type { BuildInformationInput } from "./build-information-store";

/**
 * The deep link the server computes for a commit (`Commits[].LinkUrl`, `VcsCommitUrl`), by the
 * rules the core previews with; only Git and TFVC roots get links.
 */
export function serverCommitLink(input: BuildInformationInput, commitId: string): string | null {
  const vcsType = (["Git", "TFVC"] as const).find(
    (type: VcsType) => type.toLowerCase() === input.VcsType?.toLowerCase(),
  );
  if (!vcsType) return null;
  const info = {
    BuildEnvironment: input.BuildEnvironment ?? "",
    BuildUrl: input.BuildUrl ?? undefined,
    Branch: input.Branch ?? undefined,
    VcsType: vcsType,
    VcsRoot: input.VcsRoot ?? undefined,
    Commits: [],
  };
  return commitLinkUrl(info, commitId) ?? null;
}
