import { readFile, stat } from "node:fs/promises";
import {
  type AdapterManifest,
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
import { createCheckoutReader, createGitRunner } from "@buildinfo/git";
import { adapterOptions } from "./adapter-options";
import { CollectionBudget, type CollectionLimitOptions } from "./collection-budget";
import { type Degradation, DegradePolicy } from "./degrade-policy";
import { detectAdapter } from "./detect-adapter";
import { manifestById } from "./registry";

export interface CollectBuildInformationOptions {
  /** A server's manifest or its `--from` id; detected from `env` when absent. */
  adapter?: AdapterManifest | string;
  env: Environment;
  /** The checkout, for the git reader. */
  cwd: string;
  /** The user's values, replacing what the adapter found (`--build-number`, `--branch`, …). */
  overrides?: DraftOverrides;
  /** The options the adapter's manifest declares, by key, e.g. `{ vcsRootId }` for TeamCity. */
  options?: AdapterOptions;
  /** Take the commits `since..head` from the checkout instead of what the adapter found. */
  since?: string | undefined;
  /** The most commits kept (newest first); a warning says when more were found. */
  commitCap?: number;
  /**
   * Fail where the default degrades: a build server's API that failed, or a commit range whose start
   * the checkout does not have, is then an error instead of a warning and the head commit alone.
   */
  strict?: boolean;
  /**
   * The client for the build server's API (`createHttpClient()` of `@buildinfo/http`). Without it
   * an adapter that needs its server's API fails with an error saying so.
   */
  http?: HttpClient;
  /**
   * What the collection may read from the build server's API, all reads together (default 128 MiB,
   * 1000 requests, 5 minutes; a paged read also stops at the commit cap + 1). Reaching a limit keeps
   * what was read and marks the result incomplete, or fails with `strict`.
   */
  limits?: CollectionLimitOptions;
  git?: GitRunner;
  fs?: FileSystem;
  logger?: Logger;
}

export interface CollectedBuildInformation {
  buildInformation: BuildInformation;
  /** The manifest of the server that was read. */
  adapter: AdapterManifest;
  /** Everything the user should be told: detection conflicts, the adapter's fallbacks, commits dropped. */
  warnings: string[];
  /**
   * What could not be read, each with its fix: when not empty, the commits are what was certain (often
   * the head commit alone), not the whole build.
   */
  incomplete: Degradation[];
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

function chooseAdapter(options: CollectBuildInformationOptions, logger: Logger, warnings: string[]) {
  if (options.adapter === undefined) {
    const detection = detectAdapter(options.env);
    logger.info(detection.reason);
    if (detection.warning !== undefined) warnings.push(detection.warning);
    return detection.manifest;
  }
  const manifest = typeof options.adapter === "string" ? manifestById(options.adapter) : options.adapter;
  logger.info(`using the ${manifest.displayName} adapter`);
  return manifest;
}

/**
 * One build's build information, as Octopus takes it: pick the server (given or detected, warning
 * when several servers' markers are present), let its collector map it, take the commits `--since`
 * asked for, fill commit ranges from the checkout, apply the overrides, then normalise and validate.
 * A server API that fails, or a range the checkout cannot read, degrades to what is certain (see
 * `strict`). Throws `BuildInfoError` for what the user must fix (an unsupported VCS, an invalid URL, …).
 */
export async function collectBuildInformation(
  options: CollectBuildInformationOptions,
): Promise<CollectedBuildInformation> {
  const logger = options.logger ?? silentLogger;
  const warnings: string[] = [];
  const manifest = chooseAdapter(options, logger, warnings);
  const adapterOptionValues = adapterOptions(manifest, options.options ?? {});
  const git = options.git ?? createGitRunner(options.cwd, { logger });
  const since = options.since?.trim() || undefined;
  const policy = new DegradePolicy(manifest, options.strict === true);
  const commitCap = options.commitCap ?? defaultCommitCap;
  // One past the cap, so the core still sees (and warns) that the history was longer.
  const budget = new CollectionBudget(commitCap + 1, options.limits);
  try {
    const collect = await manifest.loadCollector();
    const collected = await collect({
      env: options.env,
      http: budget.guard(options.http ?? noHttp),
      limits: budget.limits,
      fs: options.fs ?? nodeFileSystem,
      git,
      checkout: createCheckoutReader(git),
      logger,
      options: { ...adapterOptionValues, ...(since === undefined ? {} : { since }) },
      fromServer: (read, fetch) => policy.fromServer(read, fetch),
    });
    policy.recordCut(budget.cut);
    const draft = { ...collected, buildEnvironment: collected.buildEnvironment ?? manifest.displayName };

    const overridden = headFromCommandLine(
      sinceRange(applyOverrides(draft, options.overrides ?? {}), since),
      manifest,
    );
    // An unsupported VCS is the real error; reading a git range first would hide it behind a git one.
    normalizeVcsType(overridden.vcsType, overridden.sources?.vcsType);
    const withCommits = await policy.resolveCommits(overridden, git, {
      maxCount: commitCap + 1,
      userRange: since !== undefined,
    });
    const normalized = normalizeDraft(withCommits, { commitCap });
    warnings.push(...normalized.warnings);
    return {
      buildInformation: normalized.buildInformation,
      adapter: manifest,
      warnings,
      incomplete: policy.degradations,
      draft: withCommits,
    };
  } catch (error) {
    // What was degraded before the failure is still news: a refused link must not vanish behind a git error.
    for (const warning of policy.warningsBeforeFailure()) logger.warn(warning);
    throw error;
  }
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
function headFromCommandLine(draft: BuildInformationDraft, manifest: AdapterManifest): BuildInformationDraft {
  if (draft.commits !== undefined || draft.commitRange !== undefined) return draft;
  if (draft.sources?.vcsCommitNumber !== "--commit" || !draft.vcsCommitNumber) return draft;
  const selection = selectCommits({
    server: manifest.displayName,
    head: { value: draft.vcsCommitNumber, source: "--commit" },
  });
  return {
    ...draft,
    commitRange: selection.commitRange,
    warnings: [...(draft.warnings ?? []), ...selection.warnings],
  };
}
