/** What each `src/commands/<name>.ts` module exports; `name` is the spelling the user typed. */
export interface CommandModule {
  run(name: string, args: string[]): Promise<number>;
}
