/**
 * One line for a failure that is not a `BuildInfoError` (a bug): its name and message, never a stack
 * trace in a build log. `BUILDINFO_DEBUG=1` adds the stack, for a bug report.
 */
export function describeUnexpected(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const oneLine = message.replace(/\s+/g, " ").slice(0, 500);
  if (process.env.BUILDINFO_DEBUG === "1" && error instanceof Error && error.stack)
    return `${oneLine}\n${error.stack}`;
  return `${oneLine} (set BUILDINFO_DEBUG=1 for details, and please report it)`;
}
