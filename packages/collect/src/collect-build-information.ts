import { readFile, stat } from "node:fs/promises";
import {
  type Adapter,
  type AdapterOptions,
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
  selectCommits,
} from "@buildinfo/core";
import { createCheckoutReader, createGitRunner, resolveDraftCommits } from "@buildinfo/git";
import { detectAdapter } from "./detect-adapter";
import { adapterById } from "./registry";

export interface CollectBuildInformationOptions {
  /** An adapter or its `--from` id; detected from `env` when absent. */
  adapter?: Adapter | string;
  env: Environment;
  /** The checkout, for the git reader. */
  cwd: string;
  /** The user's values, replacing what the adapter found (`--build-number`, `--branch`, …). */
  overrides?: DraftOverrides;
  /** What the adapter reads besides the environment, e.g. `{ vcsRootId }` for TeamCity. */
  options?: AdapterOptions;
  /** Take the commits `since..head` from the checkout instead of what the adapter found. */
  since?: string | undefined;
  /** The most commits kept (newest first); a warning says when more were found. */
  commitCap?: number;
  /**
   * The client for the build server's API (`createHttpClient()` of `@buildinfo/http`). Without it
   * an adapter that needs its server's API fails with an error saying so.
   */
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

const noHttp: HttpClient = {
  get: (url) =>
    Promise.reject(
      new Error(
        `collectBuildInformation was given no http client, yet the adapter requested GET ${url}: ` +
          "pass createHttpClient() from @buildinfo/http as `http`.",
      ),
    ),
};

/**
 * One build's build information, as Octopus takes it: pick the adapter (given or detected, warning
 * when several servers' markers are present), let it map its server, take the commits `--since` asked
 * for, fill commit ranges from the checkout, apply the overrides, then normalise and validate.
 * Throws `BuildInfoError` for what the user must fix (an unsupported VCS, an invalid URL, a shallow
 * clone, …); the result's `warnings` are what the user should be told.
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
    logger.info(detection.reason);
    if (detection.warning !== undefined) warnings.push(detection.warning);
  } else {
    adapter = typeof options.adapter === "string" ? adapterById(options.adapter) : options.adapter;
    logger.info(`using the ${adapter.displayName} adapter`);
  }

  const git = options.git ?? createGitRunner(options.cwd, { logger });
  const since = options.since?.trim() || undefined;
  const draft = await adapter.collect({
    env: options.env,
    http: options.http ?? noHttp,
    fs: options.fs ?? nodeFileSystem,
    git,
    checkout: createCheckoutReader(git),
    logger,
    options: { ...options.options, ...(since === undefined ? {} : { since }) },
  });

  const overridden = headFromCommandLine(
    sinceRange(applyOverrides(draft, options.overrides ?? {}), since),
    adapter,
  );
  // An unsupported VCS is the real error; reading a git range first would hide it behind a git one.
  normalizeVcsType(overridden.vcsType, overridden.sources?.vcsType);
  const commitCap = options.commitCap ?? defaultCommitCap;
  // One past the cap, so the core still sees (and warns) that the history was longer.
  const withCommits = await resolveDraftCommits(overridden, git, { maxCount: commitCap + 1 });
  const normalized = normalizeDraft(withCommits, { commitCap });
  warnings.push(...normalized.warnings);
  return { buildInformation: normalized.buildInformation, adapter, warnings, draft: withCommits };
}

/** `--since` replaces what a server's API gave, unless the adapter already read that range itself. */
function sinceRange(draft: BuildInformationDraft, since: string | undefined): BuildInformationDraft {
  if (since === undefined) return draft;
  if (draft.commits === undefined && draft.commitRange?.from === since) return draft;
  return {
    ...draft,
    commits: undefined,
    commitRange: { from: since, to: draft.vcsCommitNumber ?? "HEAD", source: "--since" },
  };
}

/**
 * When the adapter found no commit to read (e.g. a scripted Jenkins pipeline without GIT_COMMIT and with
 * its API unreachable) but `--commit` names the head, the commits come from the checkout by the rule
 * every server's fallback uses.
 */
function headFromCommandLine(draft: BuildInformationDraft, adapter: Adapter): BuildInformationDraft {
  if (draft.commits !== undefined || draft.commitRange !== undefined) return draft;
  if (draft.sources?.vcsCommitNumber !== "--commit" || !draft.vcsCommitNumber) return draft;
  const selection = selectCommits({
    server: adapter.displayName,
    head: { value: draft.vcsCommitNumber, source: "--commit" },
  });
  return {
    ...draft,
    commitRange: selection.commitRange,
    warnings: [...(draft.warnings ?? []), ...selection.warnings],
  };
}
