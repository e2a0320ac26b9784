import { normalizeVcsType } from "../vcs-type";

/**
 * Whether a server's raw VCS name means Git by the core's rule (unset counts as Git), so a commit
 * range can be read from the checkout; false for TFVC and for types the core rejects later anyway.
 */
export function isGitVcsType(raw: string | undefined): boolean {
  try {
    return normalizeVcsType(raw) === "Git";
  } catch {
    return false;
  }
}
