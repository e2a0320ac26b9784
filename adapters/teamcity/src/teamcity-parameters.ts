import type { AdapterContext, EnvValue } from "@buildinfo/core";
import { decodePropertiesFile, parseJavaProperties } from "./java-properties";

/**
 * The build's parameters: the system properties file named by `TEAMCITY_BUILD_PROPERTIES_FILE`
 * (keys without `system.`) and the configuration parameters file it names in
 * `teamcity.configuration.properties.file`. A configuration parameter wins over a system property
 * of the same name.
 */
export interface TeamCityParameters {
  get(name: string): EnvValue | undefined;
  names(): string[];
  /** The files read, for messages. */
  files: string[];
}

/** A file's properties, or undefined (with a warning) when it cannot be read: the build then falls back. */
async function readProperties(
  context: AdapterContext,
  path: string,
  named: string,
  warnings: string[],
): Promise<Map<string, string> | undefined> {
  let bytes: Buffer;
  try {
    bytes = await context.fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    warnings.push(
      `Cannot read ${path} (named by ${named}${code === undefined ? "" : `: ${code}`}); its parameters are left out. ` +
        "Run buildinfo on the agent as a step of the build, where TeamCity writes its properties files.",
    );
    return undefined;
  }
  return parseJavaProperties(decodePropertiesFile(bytes), path);
}

/** Reads both files; one that cannot be read adds a warning to `warnings` and is left out. */
export async function readTeamCityParameters(
  context: AdapterContext,
  warnings: string[],
): Promise<TeamCityParameters> {
  const merged = new Map<string, string>();
  const files: string[] = [];
  const buildFile = context.env.TEAMCITY_BUILD_PROPERTIES_FILE;
  if (buildFile) {
    const build = await readProperties(context, buildFile, "TEAMCITY_BUILD_PROPERTIES_FILE", warnings);
    if (build !== undefined) files.push(buildFile);
    for (const [key, value] of build ?? []) merged.set(key, value);
    const configFile = build?.get("teamcity.configuration.properties.file");
    const config =
      configFile === undefined
        ? undefined
        : await readProperties(context, configFile, "teamcity.configuration.properties.file", warnings);
    if (configFile !== undefined && config !== undefined) files.push(configFile);
    for (const [key, value] of config ?? []) merged.set(key, value);
  }
  return {
    get(name) {
      const value = merged.get(name);
      return value === undefined || value.trim() === "" ? undefined : { value, source: name };
    },
    names: () => [...merged.keys()],
    files,
  };
}
