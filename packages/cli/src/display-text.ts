import { shortenedLine } from "@buildinfo/core";
import type { SpaceRef } from "@buildinfo/octopus";

/** A field of a server's answer as text for a table or record: the server may send any JSON type. */
export function displayText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  return JSON.stringify(value);
}

/**
 * A server-given identifier (record or space id, name, link) for text output: one line of at most 120
 * characters, as a server may answer with megabytes. `--json` output keeps it whole.
 */
export function displayLine(value: unknown): string {
  return shortenedLine(displayText(value));
}

/** A space the server named, for text output: `Name (Id)`, each cut to one short line. */
export function describeSpace(space: SpaceRef): string {
  return `${displayLine(space.Name)} (${displayLine(space.Id)})`;
}

/** A field of a server's answer that should be a list: anything else counts as none. */
export function displayList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
