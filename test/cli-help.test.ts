import { manifests } from "@buildinfo/collect";
import { describe, expect, it } from "vitest";
import { adapterOptionDefinitions, commandNames, optionsOf } from "../packages/cli/src/settings/option-table";
import { runCli } from "../packages/cli/test/helpers/run-cli";

const adapterOptions = adapterOptionDefinitions(manifests.flatMap((manifest) => manifest.options ?? []));

describe("help is made from the option table", () => {
  it.each(commandNames.filter((command) => command !== "build-information"))(
    "'%s --help' lists every option the command takes, the adapters' too",
    async (command) => {
      const help = await runCli([command, "--help"]);
      expect(help.code, help.stderr).toBe(0);
      for (const option of optionsOf(command, adapterOptions)) {
        expect(help.stdout, option.flag).toMatch(new RegExp(`^  (-\\w, )?--${option.flag}\\b`, "m"));
      }
    },
  );

  it("lists the Go CLI's and octo's own spellings for build-information, and --apikey for push", async () => {
    const octo = await runCli(["build-information", "--help"]);
    for (const flag of [
      "-f, --output-format FORMAT",
      "--logLevel LEVEL",
      "--no-prompt",
      "--ignoreSslErrors",
    ]) {
      expect(octo.stdout).toContain(`  ${flag}`);
    }
    expect((await runCli(["push", "--help"])).stdout).toContain("also --apiKey, --apikey");
  });

  it("names the variables of the connection in the general help", async () => {
    const help = await runCli(["--help"]);
    expect(help.stdout).toContain("Environment: OCTOPUS_URL, OCTOPUS_API_KEY, OCTOPUS_ACCESS_TOKEN");
  });
});
