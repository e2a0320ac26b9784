/**
 * What the registries behind external feeds hold, by feed URI: the local server cannot ask a real NuGet,
 * Maven or container registry, so this stands in for them when an external feed is searched
 * (`/feeds/{id}/packages/versions`). A feed whose URI is not listed holds nothing.
 */
export type ExternalFeedPackages = Record<string, { PackageId: string; Version: string }[]>;
