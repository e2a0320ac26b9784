import { describe, expect, it } from "vitest";
import { detectCiLogCommands } from "../src/logging/ci-log-commands";

describe("detectCiLogCommands", () => {
  it("recognises TeamCity, GitHub Actions and Azure Pipelines from the variables of every step", () => {
    expect(detectCiLogCommands({ TEAMCITY_VERSION: "2024.03 (build 156630)" })?.name).toBe("TeamCity");
    expect(detectCiLogCommands({ GITHUB_ACTIONS: "true" })?.name).toBe("GitHub Actions");
    expect(detectCiLogCommands({ TF_BUILD: "True" })?.name).toBe("Azure DevOps");
    expect(detectCiLogCommands({ JENKINS_URL: "https://ci.example.com/" })).toBeUndefined();
    expect(detectCiLogCommands({})).toBeUndefined();
  });

  it("writes TeamCity problems and blocks as service messages", () => {
    const teamCity = detectCiLogCommands({ TEAMCITY_VERSION: "2024.03" })!;
    expect(teamCity.warning("it's [odd]")).toBe("##teamcity[message text='it|'s |[odd|]' status='WARNING']");
    expect(teamCity.error("a|b")).toBe("##teamcity[message text='a||b' status='ERROR']");
    expect(teamCity.startGroup("Collect")).toBe("##teamcity[blockOpened name='Collect']");
    expect(teamCity.endGroup("Collect")).toBe("##teamcity[blockClosed name='Collect']");
    expect(teamCity.failure("2 failed\nsee log")).toBe(
      "##teamcity[buildProblem description='2 failed|nsee log']",
    );
  });
});
