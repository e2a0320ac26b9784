import { randomBytes } from "node:crypto";
import { BuildInfoError, isBuildInfoError } from "@buildinfo/core";
import { type OctopusServerOptions, startOctopusServer } from "@buildinfo/server";
import { EXIT_OK, runCommand } from "../run-command";
import type { CommandName } from "../settings/option-table";

/** Runs the local server until SIGINT/SIGTERM. Its URL is the one line on stdout, for scripts. */
export function run(name: CommandName, args: string[]): Promise<number> {
  return runCommand(name, args, {
    stdoutIsData: () => true,
    stdoutIsText: true,
    async body({ settings: { values }, logger, output }) {
      const { port, host, persist: persistPath, spaces: spaceNames, githubBaseUrl } = values;
      // A fresh key per start: a well-known default would let any local process or page push.
      const apiKey = values.acceptedApiKey ?? randomApiKey();
      const server = await listen({
        ...(port === undefined ? {} : { port }),
        apiKeys: [apiKey],
        ...(host === undefined ? {} : { host }),
        ...(persistPath === undefined ? {} : { persistPath }),
        ...(githubBaseUrl === undefined ? {} : { issueTrackers: { github: { baseUrl: githubBaseUrl } } }),
        ...(spaceNames.length === 0
          ? {}
          : {
              spaces: spaceNames.map((spaceName, index) => ({
                Id: `Spaces-${index + 1}`,
                Name: spaceName,
                IsDefault: index === 0,
              })),
            }),
      });
      output(`${server.url}\n`);
      // On loopback the pages need no key; another machine signs in with this link (once) or the key.
      const signIn = isLoopbackHost(host) ? undefined : server.oneTimeSignInUrl();
      // The key of a throwaway local server, printed so people can use it; never a real credential.
      process.stderr.write(
        `[buildinfo] local Octopus build-information server listening on ${server.url}\n` +
          `[buildinfo] pages: ${server.pagesUrl}\n` +
          (signIn === undefined
            ? ""
            : `[buildinfo] one-time sign-in link for the pages from another machine: ${signIn}\n`) +
          `[buildinfo] API key: ${server.apiKey}\n` +
          `[buildinfo] try: buildinfo push --server ${server.url} --api-key ${server.apiKey} --package-id Acme.Web --version 1.0.0\n` +
          "[buildinfo] stop with Ctrl+C\n",
      );
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once("SIGINT", () => resolve("SIGINT"));
        process.once("SIGTERM", () => resolve("SIGTERM"));
      });
      logger.info(`${signal}: stopping the server (${server.records().length} records stored)`);
      await server.close();
      return EXIT_OK;
    },
  });
}

function isLoopbackHost(host: string | undefined): boolean {
  return host === undefined || ["127.0.0.1", "localhost", "::1"].includes(host.toLowerCase());
}

/** `API-` and 26 random upper-case letters and digits, the shape of an Octopus API key. */
function randomApiKey(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return `API-${Array.from(randomBytes(26), (byte) => alphabet[byte % alphabet.length]).join("")}`;
}

async function listen(options: OctopusServerOptions) {
  try {
    return await startOctopusServer(options);
  } catch (error) {
    // A --persist file's own error (E_PERSIST) says what is wrong with it; only socket errors are ours.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || isBuildInfoError(error)) throw error;
    throw new BuildInfoError(
      "E_SERVE_LISTEN",
      `Cannot listen on ${options.host ?? "127.0.0.1"}:${options.port ?? 0} (${code}).`,
      {
        hint: "Pick a free --port, and a --host address of this machine.",
        source: code === "EADDRINUSE" || code === "EACCES" ? "--port" : "--host",
      },
    );
  }
}
