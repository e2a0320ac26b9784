import { describe, expect, it } from "vitest";
import {
  azureLoggingCommand,
  escapeAzureData,
  escapeAzureProperty,
  escapeGitHubData,
  escapeGitHubProperty,
  gitHubWorkflowCommand,
} from "../src/index";
import { detectCiLogCommands } from "../src/logging/ci-log-commands";

describe("GitHub Actions workflow commands", () => {
  it("escapes %, CR and LF in the message", () => {
    expect(escapeGitHubData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    expect(escapeGitHubData("%0A")).toBe("%250A");
  });

  it("also escapes : and , in property values", () => {
    expect(escapeGitHubProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("formats a command with properties", () => {
    expect(gitHubWorkflowCommand("error", "bad\nthing", { title: "buildinfo: push" })).toBe(
      "::error title=buildinfo%3A push::bad%0Athing",
    );
    expect(gitHubWorkflowCommand("group", "Pushing")).toBe("::group::Pushing");
  });
});

describe("Azure Pipelines logging commands", () => {
  it("escapes % as %AZP25 and line breaks in the message", () => {
    expect(escapeAzureData("50%\r\n")).toBe("50%AZP25%0D%0A");
  });

  it("also escapes ; and ] in property values", () => {
    expect(escapeAzureProperty("a;b]c")).toBe("a%3Bb%5Dc");
  });

  it("formats commands the way azure-pipelines-task-lib does", () => {
    expect(azureLoggingCommand("task.logissue", { type: "error" }, "no\nway")).toBe(
      "##vso[task.logissue type=error;]no%0Away",
    );
    expect(azureLoggingCommand("task.complete", { result: "Failed" }, "done")).toBe(
      "##vso[task.complete result=Failed;]done",
    );
  });
});

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
