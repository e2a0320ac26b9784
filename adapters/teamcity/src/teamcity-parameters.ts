import { type AdapterContext, BuildInfoError, type EnvValue } from "@buildinfo/core";
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

async function readProperties(
  context: AdapterContext,
  path: string,
  named: string,
): Promise<Map<string, string>> {
  let bytes: Buffer;
  try {
    bytes = await context.fs.readFile(path);
  } catch (error) {
    throw new BuildInfoError("E_TEAMCITY_PROPERTIES", `Cannot read ${path} (named by ${named}).`, {
      hint: "Run buildinfo on the agent as a step of the build, where TeamCity writes its properties files.",
      source: named,
      cause: error,
    });
  }
  return parseJavaProperties(decodePropertiesFile(bytes), path);
}

export async function readTeamCityParameters(context: AdapterContext): Promise<TeamCityParameters> {
  const merged = new Map<string, string>();
  const files: string[] = [];
  const buildFile = context.env.TEAMCITY_BUILD_PROPERTIES_FILE;
  if (buildFile) {
    const build = await readProperties(context, buildFile, "TEAMCITY_BUILD_PROPERTIES_FILE");
    files.push(buildFile);
    for (const [key, value] of build) merged.set(key, value);
    const configFile = build.get("teamcity.configuration.properties.file");
    if (configFile) {
      files.push(configFile);
      for (const [key, value] of await readProperties(
        context,
        configFile,
        "teamcity.configuration.properties.file",
      ))
        merged.set(key, value);
    }
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
