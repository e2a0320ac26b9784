import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface WebhookDefinition {
  name: string;
  examples: Record<string, unknown>[];
}

/** The fields of a github.com `push` payload the tests read and rewrite. */
export interface PushPayload {
  ref: string;
  before: string;
  after: string;
  created: boolean;
  forced: boolean;
  commits: { id: string; message: string }[];
  repository: { default_branch: string };
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

/** A test file's `eventFile(payload)`: the payload written as the runner writes GITHUB_EVENT_PATH, removed by `cleanups`. */
export function eventFileIn(cleanups: (() => Promise<void>)[]): (payload: unknown) => Promise<string> {
  return async (payload) => {
    const dir = await mkdtemp(join(tmpdir(), "buildinfo-gha-event-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const path = join(dir, "event.json");
    await writeFile(path, JSON.stringify(payload));
    return path;
  };
}
