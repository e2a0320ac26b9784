import type { CommandName } from "./settings/option-table";

/** What each `src/commands/<name>.ts` module exports; `name` is the command the user typed. */
export interface CommandModule {
  run(name: CommandName, args: string[]): Promise<number>;
}
