/** A list typed into a CI form field (one per line, or comma-separated) as trimmed, non-empty entries. */
export function splitList(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[\r\n,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}
