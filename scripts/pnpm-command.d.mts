/** The command and the leading arguments that run the pnpm package.json pins (see pnpm-command.mjs). */
export function pnpmCommand(): [command: string, prefix: string[]];
