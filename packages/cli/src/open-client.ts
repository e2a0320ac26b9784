import type { Environment } from "@buildinfo/core";
import { createOctopusClient, type OctopusClient } from "@buildinfo/octopus";
import type { CliLogger } from "./logging/create-logger";
import { withOidcAccessToken } from "./oidc-login";
import type { Connection } from "./settings/connection";
import { VERSION } from "./version";

export interface ClientTuning {
  /** Packages pushed at once; the client's socket pool is sized from it too. */
  concurrency?: number;
}

function openClient(connection: Connection, logger: CliLogger, tuning: ClientTuning): OctopusClient {
  return createOctopusClient({
    serverUrl: connection.serverUrl,
    ...(connection.apiKey === undefined ? {} : { apiKey: connection.apiKey }),
    ...(connection.accessToken === undefined ? {} : { accessToken: connection.accessToken }),
    ...(connection.timeoutMs === undefined ? {} : { timeoutMs: connection.timeoutMs }),
    ...(tuning.concurrency === undefined ? {} : { concurrency: tuning.concurrency }),
    userAgent: `ts-octopusdeploy buildinfo-cli/${VERSION}`,
    logger,
  });
}

/** Runs `body` with a client (signed in with OIDC first when asked) and always closes its connections. */
export async function withClient<T>(
  connection: Connection,
  env: Environment,
  logger: CliLogger,
  body: (client: OctopusClient) => Promise<T>,
  tuning: ClientTuning = {},
): Promise<T> {
  warnIfKeyInClear(connection, logger);
  const client = openClient(await withOidcAccessToken(connection, env, logger), logger, tuning);
  try {
    return await body(client);
  } finally {
    await client.close();
  }
}

const loopbackNames = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Plain http to another machine: anyone on the path can read the key or token. */
function warnIfKeyInClear(connection: Connection, logger: CliLogger): void {
  const url = new URL(connection.serverUrl);
  if (url.protocol !== "http:" || loopbackNames.has(url.hostname) || url.hostname.startsWith("127.")) return;
  logger.warn(
    `the API key or token goes to ${url.host} over plain http, readable by anyone on the network path: use https.`,
  );
}
