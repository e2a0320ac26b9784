import type { CiLogCommands } from "@buildinfo/core";
import { teamCityServiceMessage } from "./teamcity-service-message";

/** TeamCity service messages; the agent reads them from stdout only and sets `TEAMCITY_VERSION` in every step. */
export const teamcityLogCommands: CiLogCommands = {
  name: "TeamCity",
  readsStderr: false,
  active: (env) => (env.TEAMCITY_VERSION ?? "").trim() !== "",
  warning: (message) => teamCityServiceMessage("message", { text: message, status: "WARNING" }),
  error: (message) => teamCityServiceMessage("message", { text: message, status: "ERROR" }),
  startGroup: (title) => teamCityServiceMessage("blockOpened", { name: title }),
  endGroup: (title) => teamCityServiceMessage("blockClosed", { name: title }),
  // TeamCity truncates a problem's description at 4000 characters.
  failure: (summary) => teamCityServiceMessage("buildProblem", { description: summary.slice(0, 4000) }),
};
