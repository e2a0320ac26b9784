import type { AdapterContext, Environment } from "../adapter";
import type { BuildInformationDraft } from "../draft";

/** The `collect` of an adapter that reads only its environment: no HTTP, files or git. */
export function collectFromEnv(
  collect: (env: Environment) => BuildInformationDraft,
): (context: AdapterContext) => Promise<BuildInformationDraft> {
  return (context) => Promise.resolve(collect(context.env));
}
