import { describe, expect, it } from "vitest";
import { escapeGitHubData, escapeGitHubProperty, gitHubWorkflowCommand } from "../src/workflow-command";

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
