import {
  type AdapterManifest,
  BuildInfoError,
  type BuildInformationDraft,
  type GitRunner,
  isBuildInfoError,
  normalizeVcsType,
  type ServerRead,
} from "@buildinfo/core";
import { readCommits, resolveDraftCommits } from "@buildinfo/git";

/** Something the build server or the checkout could not give, and what to do about it. */
export interface Degradation {
  /** The error's catalogue code: `E_NETWORK`, `E_BUILD_SERVER_HTTP_403`, `E_SHALLOW_CLONE`, … */
  code: string;
  /** What could not be read: `the build's changes from the TeamCity REST API (…)`. */
  what: string;
  /** Why: the server's or git's own error. */
  reason: string;
  /** What to grant, set or fetch so the next build reads it. */
  fix: string;
}

/**
 * Failures whose fix is not the read's (a permission, a variable): a link the server answered with that
 * points elsewhere is fixed at the server's configured URL, whatever was being read.
 */
const failuresWithTheirOwnFix = new Set<string>(["E_CROSS_ORIGIN_LINK"]);

/** The errors of a commit range the checkout cannot read: its start was never fetched, or the clone is shallow. */
const missingHistory = new Set(["E_GIT_REVISION", "E_SHALLOW_CLONE"]);

/**
 * The one degrade rule of the collect pipeline (docs/model.md#degrade-never-lose-the-build): when a
 * build server's API fails, or a commit range the adapter derived starts at a commit the checkout does
 * not have, the build is still described by what is certain (at worst its head commit), the failure is
 * warned about with its fix and recorded as incomplete. With `strict`, each such failure is thrown.
 * A range the user gave (`--since`) is input, not derived: when it cannot be read that is an error.
 * Each warning leads with the failure's own message (which names what was read and why it failed).
 */
export class DegradePolicy {
  readonly degradations: Degradation[] = [];
  readonly #manifest: AdapterManifest;
  readonly #strict: boolean;

  constructor(manifest: AdapterManifest, strict: boolean) {
    this.#manifest = manifest;
    this.#strict = strict;
  }

  /**
   * `AdapterContext.fromServer`: the read's result, or undefined (recorded) when it failed remotely. A
   * read the collection's budget stopped is recorded once, from the budget (`recordCut`).
   */
  async fromServer<T>(read: ServerRead, fetch: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fetch();
    } catch (error) {
      if (this.#strict || !isBuildInfoError(error) || error.kind !== "remote") throw error;
      if (error.code === "E_COLLECTION_LIMIT") return undefined;
      const fix = failuresWithTheirOwnFix.has(error.code) ? error.hint : read.fix;
      this.degradations.push({ code: error.code, what: read.what, reason: error.message, fix });
      return undefined;
    }
  }

  /**
   * The read the collection's budget cut short (`CollectionBudget.cut`), recorded as incomplete with the
   * catalogue's fix; with `strict`, thrown.
   */
  recordCut(cut: string | undefined): void {
    if (cut === undefined) return;
    const error = new BuildInfoError("E_COLLECTION_LIMIT", cut);
    if (this.#strict) throw error;
    this.degradations.push({
      code: error.code,
      what: `the build's changes from ${this.#manifest.displayName}'s API`,
      reason: cut,
      fix: error.hint,
    });
  }

  /** The draft with its commit range read from the checkout, degrading to the head commit when it cannot be. */
  async resolveCommits(
    draft: BuildInformationDraft,
    git: GitRunner,
    options: { maxCount: number; userRange: boolean },
  ): Promise<BuildInformationDraft> {
    let resolved: BuildInformationDraft;
    // The head alone is read once: when that already failed, reading it again would only repeat the warning.
    let headTried = false;
    try {
      resolved = await resolveDraftCommits(draft, git, { maxCount: options.maxCount });
    } catch (error) {
      const range = draft.commitRange;
      const degradable = isBuildInfoError(error) && missingHistory.has(error.code);
      if (this.#strict || options.userRange || range === undefined || !degradable) throw error;
      const shown = range.from === undefined ? range.to : `${range.from}..${range.to}`;
      this.degradations.push({
        code: error.code,
        what: `the commits ${shown} (from ${range.source}) from the checkout`,
        reason: error.message,
        fix: `On ${this.#manifest.displayName}: ${this.#manifest.historyFix}.`,
      });
      resolved = await this.#headOnly({ ...draft, commitRange: undefined }, git);
      headTried = true;
    }
    if (this.degradations.length === 0) return resolved;
    const noCommits = resolved.commits === undefined || resolved.commits.length === 0;
    const described = noCommits && !headTried ? await this.#headOnly(resolved, git) : resolved;
    return { ...described, warnings: [...(described.warnings ?? []), ...this.#warnings(described)] };
  }

  /** The head commit alone, from the checkout: what is certain. */
  async #headOnly(draft: BuildInformationDraft, git: GitRunner): Promise<BuildInformationDraft> {
    const head = draft.vcsCommitNumber?.trim();
    if (!head || normalizeVcsType(draft.vcsType, draft.sources?.vcsType) !== "Git") return draft;
    const source = `${draft.sources?.vcsCommitNumber ?? "the build's commit"} alone`;
    try {
      const commits = await readCommits(git, { to: head, source }, { maxCount: 1 });
      return { ...draft, commits, sources: { ...draft.sources, commits: `git log -1 ${head}` } };
    } catch (error) {
      if (!isBuildInfoError(error) || !missingHistory.has(error.code)) throw error;
      this.degradations.push({
        code: error.code,
        what: `the head commit ${head} from the checkout`,
        reason: error.message,
        fix: `Run buildinfo in the build's checkout. On ${this.#manifest.displayName}: ${this.#manifest.historyFix}.`,
      });
      return { ...draft, commits: [] };
    }
  }

  /**
   * What was degraded so far, for a run that then fails for another reason: nothing is sent, yet the
   * user still learns what could not be read (a refused link, a failed API) and its fix.
   */
  warningsBeforeFailure(): string[] {
    return this.degradations.map(
      (degradation) => `Before the failure below: ${degradation.reason} To fix: ${degradation.fix}`,
    );
  }

  #warnings(draft: BuildInformationDraft): string[] {
    const sent =
      draft.commits === undefined || draft.commits.length === 0
        ? "no commits are sent"
        : `the ${draft.commits.length} commit(s) sent (${draft.sources?.commits ?? "as found"}) may not be all of the build's`;
    return this.degradations.map(
      (degradation) =>
        `${degradation.reason} The build information is incomplete: ${sent}. To fix: ${degradation.fix} ` +
        "(Pass --strict to fail instead.)",
    );
  }
}
