import { shortenedLine } from "@buildinfo/core";

/**
 * A plain-text table: a header row and left-aligned columns separated by two spaces. Each cell is one
 * line of at most 120 characters (`view` and `--json` show whole values), so one huge field in a
 * server's answer cannot pad every row of the page to its width.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((row) => row.map(shortenedLine));
  const widths = headers.map((header) => header.length);
  for (const row of cells) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  const line = (values: readonly string[]) =>
    values
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return `${[line(headers), ...cells.map(line)].join("\n")}\n`;
}
