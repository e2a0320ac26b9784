// Peer of the push benchmarks: the official @octopusdeploy/api-client pushing the same build
// information (read from the same octo file) to the same packages the way the official GitHub Action
// does (one call, all packages at once).
import { readFileSync } from "node:fs";
import { BuildInformationRepository, Client } from "@octopusdeploy/api-client";

const [serverUrl, apiKey, space, version, count, file] = process.argv.slice(2);
const info = JSON.parse(readFileSync(file, "utf8"));
const client = await Client.create({ instanceURL: serverUrl, apiKey, userAgentApp: "buildinfo-bench" });
await new BuildInformationRepository(client, space).push({
  spaceName: space,
  ...info,
  Packages: Array.from({ length: Number(count) }, (_, i) => ({
    Id: `Official.Package${i}`,
    Version: version,
  })),
});
