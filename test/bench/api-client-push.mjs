// Baseline for the fan-out benchmark: the official @octopusdeploy/api-client pushing the same
// packages the way the official GitHub Action does (one call, all packages at once).
import { BuildInformationRepository, Client } from "@octopusdeploy/api-client";

const [serverUrl, apiKey, space, version, count] = process.argv.slice(2);
const client = await Client.create({ instanceURL: serverUrl, apiKey, userAgentApp: "buildinfo-bench" });
await new BuildInformationRepository(client, space).push({
  spaceName: space,
  BuildEnvironment: "Bench",
  BuildNumber: "1",
  BuildUrl: "https://ci.example.com/build/1",
  Branch: "main",
  VcsType: "Git",
  VcsRoot: "https://github.com/acme/shop-web",
  VcsCommitNumber: "0123456789abcdef0123456789abcdef01234567",
  Packages: Array.from({ length: Number(count) }, (_, i) => ({
    Id: `Official.Package${i}`,
    Version: version,
  })),
  Commits: [{ Id: "0123456789abcdef0123456789abcdef01234567", Comment: "SHOP-1 bench" }],
});
