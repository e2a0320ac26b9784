import { readFile, stat } from "node:fs/promises";
import { createGitRunner, resolveDraftCommits } from "@buildinfo/adapter-git";
import {
  type Adapter,
  applyOverrides,
  type BuildInformation,
  type BuildInformationDraft,
  type DraftOverrides,
  defaultCommitCap,
  type Environment,
  type FileSystem,
  type GitRunner,
  type HttpClient,
  type Logger,
  normalizeDraft,
  normalizeVcsType,
} from "@buildinfo/core";
import { adapterById, detectAdapter } from "./adapters";

export interface CollectBuildInformationOptions {
  /** An adapter or its id; detected from `env` when absent. */
  adapter?: Adapter | string;
  env: Environment;
  /** The checkout, for the git reader. */
  cwd: string;
  overrides?: DraftOverrides;
  /** Adapter-specific options, e.g. `{ vcsRootId }` for TeamCity. */
  options?: Record<string, string | undefined>;
  /** Take the commits `since..head` from the checkout instead of what the adapter found. */
  since?: string;
  commitCap?: number;
  /** Deadline of each request to the build server's API, when `http` is not given. */
  timeoutMs?: number;
  http?: HttpClient;
  git?: GitRunner;
  fs?: FileSystem;
  logger?: Logger;
}

export interface CollectedBuildInformation {
  buildInformation: BuildInformation;
  /** The adapter that gathered it. */
  adapter: Adapter;
  /** Everything the user should be told: detection conflicts, the adapter's fallbacks, commits dropped. */
  warnings: string[];
  /** The draft before normalisation, with the sources of each value. */
  draft: BuildInformationDraft;
}

const nodeFileSystem: FileSystem = {
  readFile: (path) => readFile(path),
  exists: (path) =>
    stat(path).then(
      () => true,
      () => false,
    ),
};

const silentLogger: Logger = { debug() {}, info() {}, warn() {} };

/** Loads the HTTP stack on the first request: most local and git-range collections never make one. */
function lazyHttpClient(
  logger: Logger,
  timeoutMs: number | undefined,
): HttpClient & { close(): Promise<void> } {
  let opened: ReturnType<typeof open> | undefined;
  const open = () =>
    import("@buildinfo/octopus").then(({ createHttpClient }) =>
      createHttpClient({ logger, ...(timeoutMs === undefined ? {} : { timeoutMs }) }),
    );
  return {
    get: async (url, requestOptions) => {
      opened ??= open();
      return (await opened).get(url, requestOptions);
    },
    close: async () => {
      if (opened !== undefined) await (await opened).close();
    },
  };
}

/**
 * The whole collection: pick the adapter (given or detected), let it map its server, fill commits
 * from the checkout where it asked for a range, apply the user's overrides, then normalise and
 * validate. Throws `BuildInfoError` (an unsupported VCS, an invalid URL, a shallow clone, …).
 */
export async function collectBuildInformation(
  options: CollectBuildInformationOptions,
): Promise<CollectedBuildInformation> {
  const logger = options.logger ?? silentLogger;
  const warnings: string[] = [];
  let adapter: Adapter;
  if (options.adapter === undefined) {
    const detection = detectAdapter(options.env);
    adapter = detection.adapter;
    logger.info(`${detection.reason}`);
    if (detection.warning !== undefined) warnings.push(detection.warning);
  } else {
    adapter = typeof options.adapter === "string" ? adapterById(options.adapter) : options.adapter;
    logger.info(`using the ${adapter.displayName} adapter`);
  }

  const git = options.git ?? createGitRunner(options.cwd, { logger });
  const ownHttp = options.http === undefined ? lazyHttpClient(logger, options.timeoutMs) : undefined;
  let draft: BuildInformationDraft;
  try {
    draft = await adapter.collect({
      env: options.env,
      http: options.http ?? ownHttp!,
      fs: options.fs ?? nodeFileSystem,
      git,
      logger,
      options: { ...options.options, ...(options.since === undefined ? {} : { since: options.since }) },
    });
  } finally {
    await ownHttp?.close();
  }

  // The git adapter reads `since` itself; for a server, the range replaces what its API gave.
  let ranged = draft;
  if (options.since !== undefined && adapter.id !== "git") {
    ranged = {
      ...draft,
      commits: undefined,
      commitRange: { from: options.since, to: draft.vcsCommitNumber ?? "HEAD", source: "--since" },
    };
  }
  const overridden = applyOverrides(ranged, options.overrides ?? {});
  // An unsupported VCS is the real error; reading a git range first would hide it behind a git one.
  normalizeVcsType(overridden.vcsType, overridden.sources?.vcsType);
  const commitCap = options.commitCap ?? defaultCommitCap;
  // One past the cap, so the core still sees (and warns) that the history was longer.
  const withCommits = await resolveDraftCommits(overridden, git, { maxCount: commitCap + 1 });
  const normalized = normalizeDraft(withCommits, { commitCap });
  warnings.push(...normalized.warnings);
  return { buildInformation: normalized.buildInformation, adapter, warnings, draft: withCommits };
}
