const segment = encodeURIComponent;

/** Where each page of `buildinfo serve` lives, below `/app` (the paths Octopus's own links start with). */
export const appPaths = {
  stylesheet: "/app/assets/app.css",
  script: "/app/assets/app.js",
  icon: "/app/assets/icon.svg",
  signIn: "/app/sign-in",
  buildInformation: (spaceId: string) => `/app/${segment(spaceId)}/library/buildinformation`,
  record: (spaceId: string, id: string) => `/app/${segment(spaceId)}/library/buildinformation/${segment(id)}`,
  recordJson: (spaceId: string, id: string) =>
    `/app/${segment(spaceId)}/library/buildinformation/${segment(id)}/json`,
  releaseNotes: (spaceId: string) => `/app/${segment(spaceId)}/release-notes`,
  deploymentChanges: (spaceId: string) => `/app/${segment(spaceId)}/deployment-changes`,
};

/** A path with its query, the parameters that are set only. */
export function withQuery(path: string, parameters: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== "") query.set(name, String(value));
  }
  const text = query.toString();
  return text === "" ? path : `${path}?${text}`;
}
