import { BuildInfoError, didYouMean } from "@buildinfo/core";
import { bashScript, fishScript, powershellScript, zshScript } from "../completion/completion-scripts";
import { completionSpec, shells } from "../completion/completion-spec";
import { EXIT_OK, runCommand } from "../run-command";
import type { CommandName } from "../settings/option-table";

const scripts = { bash: bashScript, zsh: zshScript, fish: fishScript, powershell: powershellScript };

/** `buildinfo completion bash|zsh|fish|powershell`: prints the shell's completion script. */
export function run(name: CommandName, args: string[]): Promise<number> {
  return runCommand(name, args, {
    positionals: { min: 1, max: 1, name: `a shell (${shells.join(", ")})` },
    stdoutIsData: () => true,
    stdoutIsText: true,
    async body({ settings: { positionals }, output }) {
      const typed = positionals[0]!.toLowerCase();
      const shell = typed === "pwsh" ? "powershell" : typed;
      if (!(shell in scripts)) {
        throw new BuildInfoError("E_USAGE", `Unknown shell '${positionals[0]}' for 'buildinfo completion'.`, {
          hint: `${didYouMean(shell, shells)}Use one of: ${shells.join(", ")} (or pwsh).`,
          source: positionals[0],
        });
      }
      output(scripts[shell as keyof typeof scripts](completionSpec()));
      return EXIT_OK;
    },
  });
}
