import { type Checkout, type CheckoutReader, type EnvValue, isBuildInfoError } from "@buildinfo/core";

/** What the agent's checkout tells when TeamCity's properties files name no VCS root. */
interface TeamCityCheckout {
  head?: EnvValue;
  branch?: EnvValue;
  remoteUrl?: EnvValue;
  vcsType?: EnvValue;
}

/**
 * HEAD, its branch and `origin` of the directory buildinfo runs in (the agent's checkout directory in a
 * build step); empty when that is not a git checkout, so only the environment is used.
 */
export async function readTeamCityCheckout(reader: CheckoutReader): Promise<TeamCityCheckout> {
  let checkout: Checkout;
  try {
    checkout = await reader.read();
  } catch (error) {
    if (isBuildInfoError(error)) return {};
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
