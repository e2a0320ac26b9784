import { type Environment, type EnvValue, fillEnvTemplate } from "@buildinfo/core";

// Providers whose host is fixed; for the others (`*Enterprise`, `stash`, `gitea`, `git`, `vso`, `kiln`)
// AppVeyor does not say where the repository lives (docs/reference/servers/appveyor.md#build-url-and-repository).
const hostedProviders: ReadonlyMap<string, string> = new Map([
  ["github", "https://github.com"],
  ["bitbucket", "https://bitbucket.org"],
  ["gitlab", "https://gitlab.com"],
]);

/** The repository's web URL from `APPVEYOR_REPO_PROVIDER` and `APPVEYOR_REPO_NAME`, for hosted providers. */
export function appveyorRepositoryRoot(env: Environment): EnvValue | undefined {
  const provider = env.APPVEYOR_REPO_PROVIDER?.trim() ?? "";
  const host = hostedProviders.get(provider.toLowerCase());
  const root = host === undefined ? undefined : fillEnvTemplate(env, `${host}/{APPVEYOR_REPO_NAME}`);
  return root && { value: root.value, source: `APPVEYOR_REPO_PROVIDER=${provider} + APPVEYOR_REPO_NAME` };
}
