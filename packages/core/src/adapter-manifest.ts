import type { AdapterContext, CiLogCommands, Environment } from "./adapter";
import type { BuildInformationDraft, RawCommit } from "./draft";

/** A marker variable: set to a non-blank value, or, with `equals`, to that value (trimmed, any case). */
export interface DetectionMarker {
  readonly variable: string;
  readonly equals?: string;
}

/**
 * How a server says a run is a re-run of an earlier attempt: an attempt counter above 1
 * (`GITHUB_RUN_ATTEMPT=2`), or a variable set to `true` (`APPVEYOR_RE_BUILD=true`).
 */
export interface RerunMarker {
  readonly variable: string;
  readonly kind: "attempt" | "true";
}

/** An option an adapter reads from `AdapterContext.options`: a command-line flag, or an embedder's value. */
export interface AdapterOptionSpec {
  /** The key in `AdapterContext.options`, e.g. `vcsRootId`. */
  readonly key: string;
  /** The flag without its dashes, e.g. `vcs-root-id`. */
  readonly flag: string;
  /** The value's placeholder in help, e.g. `ID`. */
  readonly valueName: string;
  /** One line for help and the docs. */
  readonly help: string;
  /** The values it takes, when it takes one of a few. */
  readonly choices?: readonly string[];
  /** A whole number within these bounds. */
  readonly integer?: { readonly min: number; readonly max: number };
}

/** Maps a server's environment, API answers and checkout into a draft: the part loaded only when used. */
export type Collector = (context: AdapterContext) => Promise<BuildInformationDraft>;

/**
 * What a server's API answered for a commit range: its commits (`read`), or that the server does not know
 * the start commit (`unknown-start`) or that it is no ancestor of the end (`not-ancestor`): history was
 * rewritten.
 */
export type RangeReading =
  | { readonly status: "read"; readonly commits: RawCommit[]; readonly source: string }
  | { readonly status: "unknown-start" | "not-ancestor"; readonly source: string };

/**
 * Reads the commits of `from..to` (reachable from `to`, not from `from`, newest first) through the server's
 * API, for a range the pipeline chose (`--since-deployed`). Undefined when it cannot here (no credentials,
 * the API failed through `context.fromServer`): the pipeline then reads the checkout.
 */
export type RangeReader = (
  context: AdapterContext,
  range: { readonly from: string; readonly to: string },
) => Promise<RangeReading | undefined>;

/**
 * What every part of buildinfo knows about a build server without loading its collector: `--from`,
 * detection, help, completion, re-run detection, the log dialect and the docs tables all come from the
 * manifests of the registry.
 */
export interface AdapterManifest {
  /** The `--from` id and the folder name under adapters/: `jenkins`, `teamcity`, … */
  readonly id: string;
  /** The `BuildEnvironment` value. */
  readonly displayName: string;
  /**
   * Detected when every marker of any one group is present: `[[A], [B, C]]` reads "A, or B with C".
   * No group: never detected (the local checkout, the fallback).
   */
  readonly detectWhen: readonly (readonly DetectionMarker[])[];
  readonly rerun?: RerunMarker;
  /** The server's log-command dialect, when its build log interprets one. */
  readonly logCommands?: CiLogCommands;
  /** The options its collector reads besides the environment. */
  readonly options?: readonly AdapterOptionSpec[];
  /**
   * What to do on this server when the checkout lacks the history a commit range needs (a shallow
   * clone, a branch that was not fetched): named in the warning when the pipeline degrades.
   */
  readonly historyFix: string;
  /** Imports the collector; called only when this server is used. */
  loadCollector(): Promise<Collector>;
  /**
   * Imports the reader of an arbitrary commit range through the server's API, for servers whose collector
   * reads commits from it (GitHub's compare API); without it such ranges are read from the checkout.
   */
  loadRangeReader?(): Promise<RangeReader>;
}

function markerPresent(env: Environment, marker: DetectionMarker): boolean {
  const value = env[marker.variable]?.trim();
  if (value === undefined || value === "") return false;
  return marker.equals === undefined || value.toLowerCase() === marker.equals.toLowerCase();
}

/** Whether `env` carries the markers of the manifest's server. */
export function isDetected(manifest: AdapterManifest, env: Environment): boolean {
  return manifest.detectWhen.some((group) => group.every((marker) => markerPresent(env, marker)));
}

/** `NAME=value` when `env` says this run is a re-run, else undefined. */
export function rerunOf(manifest: AdapterManifest, env: Environment): string | undefined {
  const marker = manifest.rerun;
  if (marker === undefined) return undefined;
  const value = env[marker.variable]?.trim() ?? "";
  if (marker.kind === "true")
    return value.toLowerCase() === "true" ? `${marker.variable}=${value}` : undefined;
  const attempt = Number(value);
  return Number.isInteger(attempt) && attempt > 1 ? `${marker.variable}=${attempt}` : undefined;
}
