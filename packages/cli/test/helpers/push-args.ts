/** Where a test pushes: the local Octopus server (`LocalOctopusServer` fits) and the key it sends. */
interface PushTarget {
  url: string;
  apiKey: string;
}

/**
 * `buildinfo push` of one or more package ids at one version to `target` with its API key, then `extra`
 * (`--space`, `--file`, …): options may come in any order, so a test names only what it varies.
 */
export function pushArgs(
  target: PushTarget,
  packageIds: string | readonly string[],
  version: string,
  extra: readonly string[] = [],
): string[] {
  return [
    "push",
    "--server",
    target.url,
    "--api-key",
    target.apiKey,
    ...[packageIds].flat().flatMap((id) => ["--package-id", id]),
    "--version",
    version,
    ...extra,
  ];
}
