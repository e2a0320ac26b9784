import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { cliPath } from "../../packages/cli/test/helpers/run-cli";

/** `buildinfo serve` running as a child process: its URL (its stdout line), what it logged, and a stop. */
export interface ServeProcess {
  url: string;
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts the real CLI's `serve` with these arguments and waits for the URL it prints. */
export async function startServeProcess(args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [cliPath, "serve", ...args], {
    env: { PATH: process.env.PATH ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = once(child, "exit");
  const line = once(createInterface({ input: child.stdout }), "line") as Promise<[string]>;
  const first = await Promise.race([line, exited.then(() => undefined)]);
  if (first === undefined) throw new Error(`buildinfo serve exited before printing its URL:\n${stderr}`);
  // The rest of what it says at start (the pages' and sign-in lines) ends with how to stop it.
  while (!stderr.includes("stop with Ctrl+C")) await once(child.stderr, "data");
  return {
    url: first[0],
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
