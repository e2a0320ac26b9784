import { randomBytes } from "node:crypto";
import { BuildInfoError, didYouMean } from "@buildinfo/core";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { caseRows, type ResultRow } from "./compare-record";
import { createFixtureWorkspace, type FixtureWorkspace } from "./fixture-workspace";
import { type PluginRun, pluginCommandLine, pluginEnvironment, runPlugin } from "./plugin-command";
import type { ConformanceCase, HistoryRecipe, ServerVectors } from "./vector";
import { histories as kitHistories, serverVectors as kitVectors } from "./vector-files";

export interface ConformanceOptions {
  /** The plugin's command line: `{packageId}` and `{version}` are replaced by the package to push. */
  plugin: string;
  /** Only these servers' vectors (ids as in vectors/servers/); default all. */
  servers?: readonly string[];
  /** Only these cases (`server/case`); default all of the servers chosen. */
  cases?: readonly string[];
  /** Cases run at once. Default 4. */
  concurrency?: number;
  /** Deadline of each run of the plugin. Default 120 s. */
  timeoutMs?: number;
  /** More of the runner's environment variables the plugin receives (e.g. `JAVA_HOME`). */
  passEnv?: readonly string[];
  /** Called as each case finishes, for progress. */
  onResult?: (result: CaseResult) => void;
  /** The vectors and histories to run; default the kit's own. */
  vectors?: readonly ServerVectors[];
  histories?: Readonly<Record<string, HistoryRecipe>>;
}

/** One case's outcome: a row for the plugin's exit, one for the push, one per field. */
export interface CaseResult {
  server: string;
  case: string;
  title: string;
  topics: string[];
  source: string;
  packageId: string;
  version: string;
  passed: boolean;
  rows: ResultRow[];
  /** Each run of the plugin (earlier attempts first). */
  runs: PluginRun[];
  /** Requests to the fake build-server API that no exchange of the vector answered. */
  unansweredRequests: string[];
}

export interface ConformanceReport {
  plugin: string;
  results: CaseResult[];
  passed: boolean;
}

/** The cases chosen, checked: an unknown server or case is a usage error naming the known ones. */
export function selectCases(
  vectors: readonly ServerVectors[],
  servers: readonly string[] = [],
  cases: readonly string[] = [],
): { vectors: ServerVectors; conformanceCase: ConformanceCase }[] {
  const known = vectors.map((file) => file.server);
  for (const server of servers) {
    if (!known.includes(server)) {
      throw new BuildInfoError("E_USAGE", `The conformance kit has no vectors for the server '${server}'.`, {
        hint: `${didYouMean(server, known)}Servers: ${known.join(", ")}.`,
        source: "--server",
      });
    }
  }
  const chosen = vectors
    .filter((file) => servers.length === 0 || servers.includes(file.server))
    .flatMap((file) => file.cases.map((conformanceCase) => ({ vectors: file, conformanceCase })));
  const ids = chosen.map(({ vectors: file, conformanceCase }) => `${file.server}/${conformanceCase.id}`);
  for (const wanted of cases) {
    if (!ids.includes(wanted)) {
      throw new BuildInfoError(
        "E_USAGE",
        `The conformance kit has no case '${wanted}' among the servers chosen.`,
        {
          hint: `${didYouMean(wanted, ids)}Name a case as SERVER/CASE, e.g. ${ids[0] ?? "jenkins/branch-build"}.`,
          source: "--case",
        },
      );
    }
  }
  return cases.length === 0 ? chosen : chosen.filter((_, index) => cases.includes(ids[index]!));
}

/** An Octopus-shaped key that only this run's server accepts. */
function throwawayApiKey(): string {
  return `API-${randomBytes(13).toString("hex").toUpperCase()}`;
}

function fixtureError(id: string, error: unknown): BuildInfoError {
  const message = error instanceof Error ? error.message : String(error);
  const missing = (error as NodeJS.ErrnoException).code === "ENOENT" || /spawn git ENOENT/.test(message);
  return new BuildInfoError(
    missing ? "E_GIT_MISSING" : "E_GIT_FAILED",
    `Cannot lay out the conformance vector ${id}: ${message}`,
    missing
      ? {}
      : {
          hint: "The kit builds each checkout with git (2.28 or later): check that git runs and the temp folder is writable.",
        },
  );
}

async function runCase(
  server: LocalOctopusServer,
  workspace: FixtureWorkspace,
  file: ServerVectors,
  conformanceCase: ConformanceCase,
  options: ConformanceOptions,
): Promise<CaseResult> {
  const id = `${file.server}/${conformanceCase.id}`;
  const fixture = await workspace.prepare(file.server, conformanceCase).catch((error: unknown) => {
    throw fixtureError(id, error);
  });
  const target = { packageId: `Conformance.${file.server}.${conformanceCase.id}`, version: "1.0.0" };
  const command = pluginCommandLine(options.plugin, target);
  const runner = {
    OCTOPUS_URL: server.url,
    OCTOPUS_API_KEY: server.apiKey,
    OCTOPUS_SPACE: "Default",
    CONFORMANCE_PACKAGE_ID: target.packageId,
    CONFORMANCE_VERSION: target.version,
    CONFORMANCE_SERVER: file.server,
    CONFORMANCE_CASE: conformanceCase.id,
  };
  const runs: PluginRun[] = [];
  try {
    for (const buildEnv of [...fixture.earlierAttempts, fixture.env]) {
      const env = pluginEnvironment(buildEnv, runner, options.passEnv ?? []);
      const run = await runPlugin(command, {
        cwd: fixture.cwd,
        env,
        timeoutMs: options.timeoutMs ?? 120_000,
      });
      runs.push({ ...run, output: run.output.replaceAll(server.apiKey, "API-***") });
    }
  } finally {
    await fixture.close();
  }
  const records = server
    .records()
    .filter(
      (record) =>
        record.PackageId.toLowerCase() === target.packageId.toLowerCase() &&
        record.Version === target.version,
    );
  const rows = caseRows(fixture.expected, runs, records);
  return {
    server: file.server,
    case: conformanceCase.id,
    title: conformanceCase.title,
    topics: conformanceCase.topics,
    source: conformanceCase.source,
    ...target,
    passed: rows.every((row) => row.passed),
    rows,
    runs,
    unansweredRequests: fixture.unansweredRequests,
  };
}

/**
 * Runs the plugin against each chosen vector: starts the local Octopus server, lays out each case's
 * checkout, files and fake build-server API, runs the plugin with the case's environment plus the
 * server's (`OCTOPUS_URL`, `OCTOPUS_API_KEY`, `OCTOPUS_SPACE`) and the package's
 * (`CONFORMANCE_PACKAGE_ID`, `CONFORMANCE_VERSION`), and compares what Octopus stored with the
 * expected record field by field.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const chosen = selectCases(options.vectors ?? kitVectors, options.servers, options.cases);
  const server = await startOctopusServer({
    apiKeys: [throwawayApiKey()],
    spaces: [{ Id: "Spaces-1", Name: "Default", IsDefault: true }],
  });
  const workspace = await createFixtureWorkspace(options.histories ?? kitHistories);
  const results: CaseResult[] = new Array(chosen.length);
  try {
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (next < chosen.length && !failed) {
        const index = next++;
        const { vectors, conformanceCase } = chosen[index]!;
        const result = await runCase(server, workspace, vectors, conformanceCase, options).catch(
          (error: unknown) => {
            failed = true;
            throw error;
          },
        );
        results[index] = result;
        options.onResult?.(result);
      }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? 4, chosen.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await workspace.close();
    await server.close();
  }
  return { plugin: options.plugin, results, passed: results.every((result) => result.passed) };
}
