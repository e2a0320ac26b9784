import { describe, expect, it } from "vitest";
import { azureLoggingCommand, escapeAzureData, escapeAzureProperty } from "../src/azure-logging-command";

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
