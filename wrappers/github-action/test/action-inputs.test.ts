import { describe, expect, it } from "vitest";
import { cliEnvironment, collectArguments, pushArguments, readActionInputs } from "../src/action-inputs";
import { readPushResult } from "../src/push-result";

const runnerInputs = {
  INPUT_PACKAGES: "Shop.Web\n  Shop.Api  \n\nShop.Worker,Shop.Jobs\n",
  INPUT_VERSION: "1.4.0-rc.2",
  INPUT_OVERWRITE_MODE: "",
  INPUT_SERVER: "https://octopus.example.com",
  INPUT_API_KEY: "API-SECRETSECRETSECRET",
  INPUT_SPACE: "Shop",
  INPUT_BRANCH: "",
  INPUT_GITHUB_TOKEN: "ghs_workflowToken",
};

/** As @actions/core's getInput reads them: INPUT_<NAME upper-cased>, trimmed. */
const getInput =
  (env: Record<string, string>) =>
  (name: string): string =>
    (env[`INPUT_${name.toUpperCase()}`] ?? "").trim();

describe("the action's inputs", () => {
  const inputs = readActionInputs(getInput(runnerInputs), {});

  it("splits packages on lines and commas and treats empty inputs as unset", () => {
    expect(inputs.packages).toEqual(["Shop.Web", "Shop.Api", "Shop.Worker", "Shop.Jobs"]);
    expect(inputs.overwriteMode).toBeUndefined();
    expect(inputs.branch).toBeUndefined();
  });

  it("names the input, not the CLI flag, in every error", () => {
    const read = (env: Record<string, string>) => () =>
      readActionInputs(getInput({ ...runnerInputs, ...env }), {});
    expect(read({ INPUT_VERSION: "" })).toThrow(/^Input version is required\.$/);
    expect(read({ INPUT_PACKAGES: " \n" })).toThrow(/^Input packages is required\.$/);
    expect(read({ INPUT_VERSION: "v1.2.3" })).toThrow(/^Input version: The version is invalid/);
    expect(read({ INPUT_OVERWRITE_MODE: "always" })).toThrow(
      /^Input overwrite_mode: Unknown overwrite mode "always"/,
    );
    expect(read({ INPUT_SERVER: "" })).toThrow(/^Input server is not set and OCTOPUS_URL is empty\.$/);
    expect(read({ INPUT_API_KEY: "" })).toThrow(/^Neither input api_key nor access_token is set/);
    expect(
      readActionInputs(getInput({ ...runnerInputs, INPUT_SERVER: "", INPUT_API_KEY: "" }), {
        OCTOPUS_URL: "https://octopus.example.com",
        OCTOPUS_ACCESS_TOKEN: "token",
      }).server,
    ).toBeUndefined();
  });

  it("runs collect with the GitHub Actions adapter and the branch override", () => {
    expect(collectArguments({ ...inputs, branch: "release/2" }, "/tmp/b.json")).toEqual([
      "collect",
      "--from",
      "github-actions",
      "--output",
      "/tmp/b.json",
      "--branch",
      "release/2",
    ]);
  });

  it("pushes the file for every package, without the API key on the command line", () => {
    const args = pushArguments(inputs, "/tmp/b.json");
    expect(args).toEqual([
      "push",
      "--file",
      "/tmp/b.json",
      "--json",
      "--package-id",
      "Shop.Web",
      "--package-id",
      "Shop.Api",
      "--package-id",
      "Shop.Worker",
      "--package-id",
      "Shop.Jobs",
      "--version",
      "1.4.0-rc.2",
      "--server",
      "https://octopus.example.com",
      "--space",
      "Shop",
    ]);
    expect(args.join(" ")).not.toContain("API-SECRET");
    expect(pushArguments({ ...inputs, overwriteMode: "OverwriteExisting" }, "f")).toContain(
      "OverwriteExisting",
    );
    expect(cliEnvironment({ PATH: "/usr/bin" }, inputs)).toEqual({
      PATH: "/usr/bin",
      OCTOPUS_API_KEY: "API-SECRETSECRETSECRET",
      GITHUB_TOKEN: "ghs_workflowToken",
    });
  });

  it("reads per-package results from push --json, else the exit code", () => {
    const json = JSON.stringify({
      results: [
        {
          packageId: "Shop.Web",
          version: "1.4.0",
          ok: true,
          outcome: "created",
          recordId: "BuildInformation-7",
          link: "https://octopus.example.com/app#/Spaces-1/library/buildinformation/BuildInformation-7",
          error: null,
        },
        {
          packageId: "Shop.Api",
          version: "1.4.0",
          ok: false,
          outcome: "failed",
          error: { code: "E_HTTP_409", message: "exists" },
        },
      ],
    });
    expect(readPushResult(json, [], undefined, 1)).toEqual([
      {
        packageId: "Shop.Web",
        version: "1.4.0",
        outcome: "created",
        message: undefined,
        link: "https://octopus.example.com/app#/Spaces-1/library/buildinformation/BuildInformation-7",
      },
      { packageId: "Shop.Api", version: "1.4.0", outcome: "failed", message: "exists", link: undefined },
    ]);
    expect(readPushResult("not json", ["Shop.Web"], "1.4.0", 0)).toEqual([
      { packageId: "Shop.Web", version: "1.4.0", outcome: "pushed", message: undefined },
    ]);
  });
});
