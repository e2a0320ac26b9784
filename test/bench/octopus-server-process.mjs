// The bench's Octopus server in a process of its own, as a real server would be: the bench process
// then only starts children and waits, and the server's work is not charged to whichever child is
// being timed. Run as a script it serves until killed and prints { url, apiKey } on one line.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);

if (process.argv[1] === self) {
  const { startOctopusServer } = await import("../../packages/server/dist/index.js");
  const { createFaultQueue } = await import("../../packages/testing/dist/index.js");
  const { beforeRequest } = createFaultQueue({ latencyMs: Number(process.argv[2]) });
  const server = await startOctopusServer({ beforeRequest });
  process.stdout.write(`${JSON.stringify({ url: server.url, apiKey: server.apiKey })}\n`);
}

/** Starts the fake Octopus server in a child process; `close()` stops it. */
export async function startServerProcess({ latencyMs = 0 } = {}) {
  const child = spawn(process.execPath, [self, String(latencyMs)], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = await once(child.stdout, "data");
  const { url, apiKey } = JSON.parse(String(line));
  return {
    url,
    apiKey,
    close: async () => {
      child.kill();
      await once(child, "exit");
    },
  };
}
