/**
 * Query parameter names that carry credentials in CI and storage links (`?token=`, `?access_token=`,
 * Azure SAS `sig`, …). Compared case-insensitively, ignoring `-` and `_`.
 */
const credentialNames = new Set([
  "token",
  "accesstoken",
  "privatetoken",
  "idtoken",
  "authtoken",
  "apikey",
  "password",
  "passwd",
  "pwd",
  "secret",
  "clientsecret",
  "sig",
  "signature",
  "xamzsignature",
  "xamzcredential",
  "xamzsecuritytoken",
  "xgoogsignature",
  "auth",
  "authorization",
]);

/** Whether a query parameter's name says it carries a credential. */
export function isCredentialParam(name: string): boolean {
  return credentialNames.has(name.toLowerCase().replace(/[-_]/g, ""));
}

/** The URL without userinfo and without credential query parameters; `null` when nothing changes. */
export function withoutCredentials(url: URL): URL | null {
  const names = [...url.searchParams.keys()].filter(isCredentialParam);
  if (url.username === "" && url.password === "" && names.length === 0) return null;
  const clean = new URL(url.href);
  clean.username = "";
  clean.password = "";
  for (const name of names) clean.searchParams.delete(name);
  return clean;
}
