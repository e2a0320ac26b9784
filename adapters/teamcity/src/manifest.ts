import type { AdapterManifest } from "@buildinfo/core";
import { teamcityLogCommands } from "./teamcity-log-commands";

/**
 * TeamCity (docs/reference/servers/teamcity.md): the build's properties file, its VCS roots and the
 * build's changes from the REST API.
 */
export const manifest: AdapterManifest = {
  id: "teamcity",
  displayName: "TeamCity",
  detectWhen: [[{ variable: "TEAMCITY_VERSION" }]],
  logCommands: teamcityLogCommands,
  options: [
    {
      key: "vcsRootId",
      flag: "vcs-root-id",
      valueName: "ID",
      help: "TeamCity: the VCS root to describe when the build has several",
    },
    {
      key: "restFormat",
      flag: "teamcity-rest-format",
      valueName: "FORMAT",
      help: "TeamCity: the format of the REST answers to ask for (default xml)",
      choices: ["xml", "json"],
    },
    {
      key: "changesPageSize",
      flag: "teamcity-changes-page-size",
      valueName: "N",
      help: "TeamCity: the changes asked for per REST request",
      integer: { min: 1, max: 10_000 },
    },
  ],
  historyFix:
    "use the VCS root's checkout policy 'Use mirrors' on the agent, not 'Shallow clone', and set the parameter `teamcity.git.fetchAllHeads=true` for a range that starts on another branch",
  loadCollector: async () => (await import("./collector")).collect,
};
