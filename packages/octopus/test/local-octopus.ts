import { type OctopusServerOptions, startOctopusServer } from "@buildinfo/server";
import { octopusScenario } from "@buildinfo/testing";
import { afterEach } from "vitest";
import { createOctopusClient } from "../src/index";
import { fastRetry } from "./fixtures";

/**
 * A test file's `start(options)`: a local Octopus server, a client of it and a scenario to set it up,
 * all closed after each test.
 */
export function localOctopus() {
  const opened: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of opened.splice(0).reverse()) await close();
  });
  return async (options: OctopusServerOptions = {}) => {
    const server = await startOctopusServer(options);
    opened.push(() => server.close());
    const client = createOctopusClient({ serverUrl: server.url, apiKey: server.apiKey, ...fastRetry });
    opened.push(() => client.close());
    return { server, client, scenario: octopusScenario(server) };
  };
}
