import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface WebhookDefinition {
  name: string;
  examples: Record<string, unknown>[];
}

const definitions = createRequire(import.meta.url)("@octokit/webhooks-examples") as WebhookDefinition[];

/** A deep copy of the first real github.com payload of `event` that `matches`. */
export function webhookExample<T = Record<string, unknown>>(
  event: string,
  matches: (payload: Record<string, unknown>) => boolean = () => true,
): T {
  const example = definitions.find((definition) => definition.name === event)?.examples.find(matches);
  if (example === undefined) throw new Error(`@octokit/webhooks-examples has no matching ${event} payload`);
  return structuredClone(example) as T;
}

/** Writes payloads to a temporary directory, as the runner writes GITHUB_EVENT_PATH. */
export async function createEventFiles(): Promise<{
  write(payload: unknown): Promise<string>;
  cleanup(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "buildinfo-gha-event-"));
  let count = 0;
  return {
    async write(payload) {
      count += 1;
      const path = join(dir, `event-${count}.json`);
      await writeFile(path, JSON.stringify(payload));
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
