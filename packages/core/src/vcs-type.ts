import type { VcsType } from "./build-information";
import { describeValue, fromSource } from "./describe-value";
import { BuildInfoError } from "./errors";

const gitSpellings = new Set([
  "git",
  "jetbrains.git",
  "tfsgit",
  "github",
  "githubenterprise",
  "bitbucket",
  "bbcloud",
  "stash",
  "bbserver",
  "gitlab",
  "gitlabenterprise",
  "gitea",
  "vso",
  // Bamboo's repository plugin keys (bamboo_planRepository_type).
  "gitv2",
  "gh",
  "stash-rep",
]);

const tfvcSpellings = new Set(["tfvc", "tfs", "tfsversioncontrol"]);

const knownUnsupported: ReadonlyMap<string, string> = new Map<string, string>([
  ["svn", "Subversion"],
  ["svnv2", "Subversion"],
  ["subversion", "Subversion"],
  ["hg", "Mercurial"],
  ["mercurial", "Mercurial"],
  ["perforce", "Perforce"],
  ["p4", "Perforce"],
  ["cvs", "CVS"],
  ["kiln", "Kiln"],
]);

/**
 * Maps a build server's own VCS name to the two types Octopus links commits and work items for.
 * Anything else is rejected, because Octopus would store the build without links.
 */
export function normalizeVcsType(raw: string | undefined, source?: string): VcsType {
  const value = raw?.trim() ?? "";
  if (value === "") return "Git";
  // Bamboo may give the whole plugin key (`com.atlassian…plugin-git:gitv2`): the short name is last.
  const key = value.toLowerCase().split(":").at(-1) ?? "";
  if (gitSpellings.has(key)) return "Git";
  if (tfvcSpellings.has(key)) return "TFVC";
  const name = knownUnsupported.get(key);
  const detected = name ? `${describeValue(value)} (${name})` : describeValue(value);
  throw new BuildInfoError(
    "E_VCS_UNSUPPORTED",
    `Unsupported VCS type ${detected}${fromSource(source)}. Octopus build information supports only Git and TFVC; nothing was sent.`,
    {
      hint: "Build from a Git or TFVC repository, or give the VcsType Git (or TFVC) if the detected type is wrong.",
      source,
    },
  );
}
