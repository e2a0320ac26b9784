import packageJson from "../package.json" with { type: "json" };

/** `ts-octopusdeploy <app>` is the form Octopus's own TypeScript clients use. */
export const defaultUserAgent = `ts-octopusdeploy buildinfo/${packageJson.version}`;
