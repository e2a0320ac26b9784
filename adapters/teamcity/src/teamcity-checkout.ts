import { type Checkout, type CheckoutReader, type EnvValue, isBuildInfoError } from "@buildinfo/core";

/** What the agent's checkout tells when TeamCity's properties files name no VCS root. */
interface TeamCityCheckout {
  head?: EnvValue;
  branch?: EnvValue;
  remoteUrl?: EnvValue;
  vcsType?: EnvValue;
  /** Why the checkout gave nothing, when it could not be read. */
  warning?: string;
}

/**
 * HEAD, its branch and `origin` of the directory buildinfo runs in (the agent's checkout directory in a
 * build step); when it cannot be read (not a git checkout, no git), only a warning saying why, and
 * only the environment is used.
 */
export async function readTeamCityCheckout(reader: CheckoutReader): Promise<TeamCityCheckout> {
  let checkout: Checkout;
  try {
    checkout = await reader.read();
  } catch (error) {
    if (isBuildInfoError(error)) {
      return {
        warning: `The checkout could not be read either, so the build information has no VCS root or commits from it: ${error.message}${error.hint ? ` ${error.hint}` : ""}`,
      };
    }
    throw error;
  }
  return {
    head: { value: checkout.head, source: "the checkout's HEAD" },
    vcsType: { value: "git", source: "the checkout" },
    ...(checkout.branch === undefined
      ? {}
      : { branch: { value: checkout.branch, source: "the checkout's branch" } }),
    ...(checkout.remoteUrl === undefined
      ? {}
      : { remoteUrl: { value: checkout.remoteUrl, source: "the checkout's origin" } }),
  };
}
