// git 2.35.2 said "unsafe repository ('…' is owned by someone else)"; later versions say "dubious ownership".
const REFUSAL =
  /detected dubious ownership in repository at '([^'\n]+)'|unsafe repository \('([^'\n]+)' is owned by someone else\)/;

/** The repository git refused to open because another user owns it, from git's stderr. */
export function dubiousOwnershipPath(stderr: string): string | undefined {
  const match = REFUSAL.exec(stderr);
  return match === null ? undefined : (match[1] ?? match[2]);
}
