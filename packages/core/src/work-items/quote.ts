/** A fragment of a commit message for a reason: one line, at most 60 characters, in double quotes. */
export function quote(fragment: string): string {
  const line = fragment.replace(/\s+/g, " ").trim();
  return `"${line.length > 60 ? `${line.slice(0, 59)}…` : line}"`;
}
