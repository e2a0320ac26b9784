import { execFileSync } from "node:child_process";
import { manifests } from "@buildinfo/collect";
import { overwriteModeSpellings } from "@buildinfo/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  adapterOptionDefinitions,
  aliasesOf,
  commandNames,
  optionsOf,
} from "../packages/cli/src/settings/option-table";
import { cliPath, runCli } from "../packages/cli/test/helpers/run-cli";
import { ensureSystemTools } from "./support/ensure-system-tools";

/** Asks bash's completion function for the words offered after `words`, as bash would on Tab. */
function bashComplete(words: string[]): string[] {
  const script = [
    `source <("${process.execPath}" "${cliPath}" completion bash)`,
    `COMP_WORDS=(${words.map((word) => `'${word}'`).join(" ")})`,
    `COMP_CWORD=${words.length - 1}`,
    "_buildinfo",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash expansion, not a template
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join("\n");
  return execFileSync("bash", ["-c", script], { encoding: "utf8" }).split("\n").filter(Boolean);
}

/** Every long spelling each command takes, by the option table (with the registry's adapter options). */
const spellings = Object.fromEntries(
  commandNames.map((command) => [
    command,
    optionsOf(
      command,
      adapterOptionDefinitions(manifests.flatMap((manifest) => manifest.options ?? [])),
    ).flatMap((option) => [
      `--${option.flag}`,
      ...aliasesOf(option, command)
        .filter((alias) => alias.flag.length > 1)
        .map((alias) => `--${alias.flag}`),
    ]),
  ]),
);

describe("buildinfo completion", () => {
  beforeAll(() => ensureSystemTools("bash", "zsh", "fish"));

  it("completes commands, flags, adapter ids and overwrite modes in bash", () => {
    expect(bashComplete(["buildinfo", "pu"])).toEqual(["push"]);
    expect(bashComplete(["buildinfo", "collect", "--fr"])).toEqual(["--from"]);
    expect(bashComplete(["buildinfo", "collect", "--from", ""])).toEqual(
      manifests.map((manifest) => manifest.id),
    );
    expect(bashComplete(["buildinfo", "push", "--from", "jen"])).toEqual(["jenkins"]);
    expect(bashComplete(["buildinfo", "push", "--overwrite-mode", ""])).toEqual([...overwriteModeSpellings]);
    expect(bashComplete(["buildinfo", "build-information", "upload", "--overwrite", "re"])).toEqual([
      "replace",
    ]);
    expect(bashComplete(["buildinfo", "build-information", "up"])).toEqual(["upload"]);
    expect(bashComplete(["buildinfo", "completion", "p"])).toEqual(["powershell"]);
    // A flag's free value gets no suggestions (not the flags).
    expect(bashComplete(["buildinfo", "push", "--version", ""])).toEqual([]);
    // Every option each command parses is offered.
    for (const [command, flags] of Object.entries(spellings)) {
      expect(bashComplete(["buildinfo", command, "--"])).toEqual(expect.arrayContaining(flags));
    }
    expect(spellings.collect).toContain("--teamcity-rest-format");
    expect(spellings["build-information"]).toContain("--apikey");
  });

  it("completes in fish and registers with zsh's bash completion", async () => {
    const fish = await runCli(["completion", "fish"]);
    expect(fish.code, fish.stderr).toBe(0);
    const fishComplete = (line: string) =>
      execFileSync("fish", ["-c", `function buildinfo; end; ${fish.stdout}\ncomplete -C '${line}'`], {
        encoding: "utf8",
      })
        .split("\n")
        .filter(Boolean)
        .map((candidate) => candidate.split("\t")[0]);
    expect(fishComplete("buildinfo collect --from jen")).toEqual(["jenkins"]);
    expect(fishComplete("buildinfo push --overwrite-mode Ov")).toEqual(["OverwriteExisting"]);
    expect(fishComplete("buildinfo pu")).toEqual(["push"]);
    const zsh = await runCli(["completion", "zsh"]);
    const registered = execFileSync("zsh", ["-c", `${zsh.stdout}\nprint -r -- "\${_comps[buildinfo]}"`], {
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    expect(registered.trim()).toBe("_bash_complete -F _buildinfo");
  });

  it("prints PowerShell's completer from the same specs, and refuses an unknown shell", async () => {
    const result = await runCli(["completion", "powershell"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Register-ArgumentCompleter -Native -CommandName buildinfo");
    // The script is text, not JSON: stdout's JSON escaping must not turn `::` into `\u003a\u003a`.
    expect(result.stdout).toContain("[System.Management.Automation.CompletionResult]::new(");
    expect(result.stdout).not.toContain("\\u003a");
    for (const word of [...manifests.map((manifest) => manifest.id), ...overwriteModeSpellings])
      expect(result.stdout).toContain(`'${word}'`);
    for (const [command, flags] of Object.entries(spellings)) {
      for (const flag of flags) expect(result.stdout, command).toContain(`'${flag}'`);
    }
    const unknown = await runCli(["completion", "bsh"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Did you mean 'bash'?");
  });
});
