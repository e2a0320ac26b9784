export interface BranchOptions {
  /** Remote names stripped from the front of a short branch name (`origin/main` → `main`). */
  remotes?: readonly string[];
}

const defaultRemotes = ["origin"];

/**
 * The branch as a person names it: `refs/heads/`, `refs/remotes/<remote>/` and a leading known remote
 * removed. Tags (`refs/tags/v1.2`), pull-request refs and TFVC paths (`$/Project/Main`) are kept whole.
 */
export function normalizeBranch(raw: string | undefined, options: BranchOptions = {}): string | undefined {
  const value = raw?.trim() ?? "";
  if (value === "" || value.startsWith("$/")) return value === "" ? undefined : value;
  const fullRef = /^(?:refs\/heads\/|refs\/remotes\/[^/]+\/|remotes\/[^/]+\/)(.*)$/.exec(value);
  if (fullRef) return nonEmpty(fullRef[1]!);
  for (const remote of options.remotes ?? defaultRemotes) {
    const prefix = `${remote}/`;
    if (remote !== "" && value.startsWith(prefix) && value.length > prefix.length) {
      return value.slice(prefix.length);
    }
  }
  return value;
}

function nonEmpty(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}
