import { type Environment, type EnvValue, firstEnv, joinUrl } from "@buildinfo/core";

/** The Bamboo server root: `BAMBOO_URL`, else everything before `/browse/` in `bamboo_buildResultsUrl`. */
export function bambooBaseUrl(env: Environment): EnvValue | undefined {
  const explicit = firstEnv(env, ["BAMBOO_URL"]);
  if (explicit) return explicit;
  const results = firstEnv(env, ["bamboo_buildResultsUrl", "bamboo_resultsUrl"]);
  const index = results?.value.indexOf("/browse/") ?? -1;
  return results && index > 0 ? { value: results.value.slice(0, index), source: results.source } : undefined;
}

/** `bamboo_buildResultsUrl` (the job result page Bamboo gives), else `{base}/browse/{bamboo_buildResultKey}`. */
export function bambooBuildUrl(env: Environment): EnvValue | undefined {
  const results = firstEnv(env, ["bamboo_buildResultsUrl", "bamboo_resultsUrl"]);
  if (results) return results;
  const base = bambooBaseUrl(env);
  const key = firstEnv(env, ["bamboo_buildResultKey"]);
  if (!base || !key) return undefined;
  return {
    value: joinUrl(base.value, `browse/${encodeURIComponent(key.value)}`),
    source: `${base.source} + /browse/ + ${key.source}`,
  };
}
