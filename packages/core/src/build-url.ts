import { withoutCredentials } from "./credential-params";
import { describeWithoutUserinfo, fromSource } from "./describe-value";
import { BuildInfoError } from "./errors";

/**
 * The link to the CI run, which must be an absolute http(s) URL. Query and fragment are kept (Azure
 * DevOps needs `?buildId=`); credentials are removed: userinfo and credential query parameters
 * (`?token=`, `?access_token=`, `sig`, …), which Octopus would store and show to everyone.
 */
export function normalizeBuildUrl(raw: string | undefined, source?: string): string | undefined {
  const value = raw?.trim() ?? "";
  if (value === "") return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || !/^https?:\/\//i.test(value)) {
    throw new BuildInfoError(
      "E_INVALID_BUILD_URL",
      `Invalid BuildUrl ${describeWithoutUserinfo(value)}${fromSource(source)}: it must be an absolute http or https URL.`,
      {
        hint: "Give the full link to this build as its BuildUrl, e.g. https://ci.example.com/job/shop/311/.",
        source,
      },
    );
  }
  return withoutCredentials(url)?.toString() ?? value;
}
