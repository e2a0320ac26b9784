import { describe, expect, it } from "vitest";
import {
  octopusConnection,
  readTaskInputs,
  taskEnvironment,
  taskPushArguments,
} from "../src/task/task-inputs";

const endpointId = "5d0c9e3b-7c1a-4f7e-8a5b-2e9d4c3b1a0f";
/** What the agent exports for a task step with an Octopus service connection (names upper-cased). */
const agentEnv = {
  TF_BUILD: "True",
  INPUT_OCTOCONNECTEDSERVICENAME: endpointId,
  INPUT_SPACE: "Shop",
  INPUT_PACKAGEIDS: "Shop.Web\nShop.Api\n",
  INPUT_PACKAGEVERSION: "2025.1.6.3",
  INPUT_OVERWRITEMODE: "Default",
  INPUT_BRANCH: "",
  [`ENDPOINT_URL_${endpointId.toUpperCase()}`]: "https://octopus.example.com/",
  [`ENDPOINT_AUTH_PARAMETER_${endpointId.toUpperCase()}_APITOKEN`]: "API-CONNECTIONKEY00000000000",
  ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN: "job-access-token",
};

describe("the Azure DevOps task's inputs", () => {
  const inputs = readTaskInputs(agentEnv);
  const connection = octopusConnection(agentEnv, inputs.connectedService);

  it("reads the service connection and leaves the default overwrite mode to the CLI", () => {
    expect(connection).toEqual({
      url: "https://octopus.example.com/",
      apiKey: "API-CONNECTIONKEY00000000000",
    });
    expect(taskPushArguments(inputs, connection)).toEqual([
      "push",
      "--from",
      "azure-devops",
      "--package-id",
      "Shop.Web",
      "--package-id",
      "Shop.Api",
      "--version",
      "2025.1.6.3",
      "--server",
      "https://octopus.example.com/",
      "--space",
      "Shop",
    ]);
  });

  it("passes a chosen mode and branch", () => {
    const chosen = readTaskInputs({
      ...agentEnv,
      INPUT_OVERWRITEMODE: "OverwriteExisting",
      INPUT_BRANCH: "release/2025.1",
    });
    expect(taskPushArguments(chosen, {})).toEqual(
      expect.arrayContaining(["--overwrite-mode", "OverwriteExisting", "--branch", "release/2025.1"]),
    );
  });

  it("hands the API key and the job access token to the CLI in its environment", () => {
    const env = taskEnvironment(agentEnv, connection);
    expect(env.OCTOPUS_API_KEY).toBe("API-CONNECTIONKEY00000000000");
    expect(env.SYSTEM_ACCESSTOKEN).toBe("job-access-token");
    expect(taskEnvironment({ ...agentEnv, SYSTEM_ACCESSTOKEN: "mapped" }, {}).SYSTEM_ACCESSTOKEN).toBe(
      "mapped",
    );
    expect(taskPushArguments(inputs, connection).join(" ")).not.toContain("API-CONNECTIONKEY");
  });

  it("works without a service connection (OCTOPUS_* variables)", () => {
    expect(octopusConnection(agentEnv, undefined)).toEqual({});
  });
});
