/** A fragment of a commit message for a reason: one line (spaces kept), at most 60 characters, in double quotes. */
export function quote(fragment: string): string {
  const line = fragment.replace(/[^\S ]+/g, " ").trim();
  return `"${line.length > 60 ? `${line.slice(0, 59)}…` : line}"`;
}
