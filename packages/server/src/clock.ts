/**
 * The server's timestamps in Octopus's form (`2025-03-04T10:11:12.000+00:00`), each strictly later than
 * every one given before, and than `after` when named: two writes in one millisecond, or a clock set back
 * between runs, never make a record's `LastModifiedOn` go back or stand still.
 */
export class Clock {
  private last = 0;

  now(after?: string): string {
    const floor = after === undefined ? Number.NEGATIVE_INFINITY : Date.parse(after);
    const time = Math.max(Date.now(), this.last + 1, Number.isNaN(floor) ? 0 : floor + 1);
    this.last = time;
    return new Date(time).toISOString().replace("Z", "+00:00");
  }
}
