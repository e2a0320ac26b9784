import { describe, expect, it } from "vitest";
import { readTaskInputs, taskEnvironment, taskPushArguments } from "../src/task-inputs";

/** The task's inputs as azure-pipelines-task-lib's getInput hands them over (case-insensitive names). */
const inputsOf =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name];

const given = {
  OctoConnectedServiceName: "5d0c9e3b-7c1a-4f7e-8a5b-2e9d4c3b1a0f",
  Space: "Shop",
  PackageIds: "Shop.Web\nShop.Api\n",
  PackageVersion: "2025.1.6.3",
  OverwriteMode: "Default",
  Branch: "",
};

describe("the Azure DevOps task's inputs", () => {
  it("leaves the default overwrite mode to the CLI and passes the connection's server", () => {
    const inputs = readTaskInputs(inputsOf(given));
    expect(taskPushArguments(inputs, "https://octopus.example.com/")).toEqual([
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
    const chosen = readTaskInputs(
      inputsOf({ ...given, OverwriteMode: "OverwriteExisting", Branch: "release/2025.1" }),
    );
    expect(taskPushArguments(chosen, undefined)).toEqual(
      expect.arrayContaining(["--overwrite-mode", "OverwriteExisting", "--branch", "release/2025.1"]),
    );
  });

  it("accepts OctoTFS's Replace values (false, true, IgnoreIfExists) as the mode", () => {
    const mode = (value: string) =>
      readTaskInputs(inputsOf({ ...given, OverwriteMode: value })).overwriteMode;
    expect(mode("false")).toBe("FailIfExists");
    expect(mode("true")).toBe("OverwriteExisting");
    expect(mode("True")).toBe("OverwriteExisting");
    expect(mode("IgnoreIfExists")).toBe("IgnoreIfExists");
    expect(() => mode("sometimes")).toThrow(
      /^Input OverwriteMode \(or Replace\) is "sometimes", which is not an overwrite mode\.$/,
    );
  });

  it("names the missing input", () => {
    expect(() => readTaskInputs(inputsOf({ ...given, PackageVersion: " " }))).toThrow(
      /^Input PackageVersion is required\.$/,
    );
    expect(() => readTaskInputs(inputsOf({ ...given, PackageIds: "" }))).toThrow(
      /^Input PackageIds is required\.$/,
    );
  });

  it("hands the API key and the job access token to the CLI in its environment, never as arguments", () => {
    const secrets = { apiKey: "API-CONNECTIONKEY00000000000", jobToken: "job-access-token" };
    const env = taskEnvironment({ TF_BUILD: "True" }, secrets);
    expect(env.OCTOPUS_API_KEY).toBe("API-CONNECTIONKEY00000000000");
    expect(env.SYSTEM_ACCESSTOKEN).toBe("job-access-token");
    expect(taskEnvironment({ SYSTEM_ACCESSTOKEN: "mapped" }, secrets).SYSTEM_ACCESSTOKEN).toBe("mapped");
    const args = taskPushArguments(readTaskInputs(inputsOf(given)), "https://octopus.example.com/");
    expect(args.join(" ")).not.toContain("API-CONNECTIONKEY");
  });
});
