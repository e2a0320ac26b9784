import type { Environment } from "../adapter";
import type { EnvValue } from "./first-env";

const placeholder = /\{([^{}]+)\}/g;

/**
 * A value composed from environment variables, e.g. a build URL:
 * `fillEnvTemplate(env, "{APPVEYOR_URL}/project/{APPVEYOR_ACCOUNT_NAME}/…")`. Undefined unless every
 * `{NAME}` is set to a non-blank value; the template itself is the source. A value followed by `/` in
 * the template loses its own trailing slashes, so a server URL given as `https://host/` joins cleanly.
 */
export function fillEnvTemplate(env: Environment, template: string): EnvValue | undefined {
  let complete = true;
  const value = template.replace(placeholder, (_match, name: string, offset: number) => {
    const raw = env[name]?.trim() ?? "";
    if (raw === "") complete = false;
    return template[offset + name.length + 2] === "/" ? raw.replace(/\/+$/, "") : raw;
  });
  return complete ? { value, source: template } : undefined;
}
