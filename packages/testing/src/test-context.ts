import { access, readFile } from "node:fs/promises";
import {
  type AdapterContext,
  type AdapterOptions,
  type BuildInfoError,
  type CollectionLimits,
  defaultCollectionLimits,
  type Environment,
  type GitRunner,
  type HttpClient,
  isBuildInfoError,
  type Logger,
  type ServerRead,
} from "@buildinfo/core";
import { createCheckoutReader } from "@buildinfo/git";

export interface TestContextInit {
  env: Environment;
  http?: HttpClient;
  git?: GitRunner;
  options?: AdapterOptions;
  /** The collection's limits; the pipeline's defaults when absent (only `commits` is read by collectors). */
  limits?: Partial<CollectionLimits>;
}

/** A logger that keeps every line as `level: message`, so tests can assert what an adapter reported. */
export type CollectingLogger = Logger & { lines: string[] };

/**
 * The context, its collecting logger, and the server reads that failed: `fromServer` here stands in for
 * the collect pipeline's degrade policy (remote failures recorded and answered with undefined, anything
 * else thrown), so a collector's own mapping can be tested without the pipeline.
 */
export type TestContext = AdapterContext & {
  logger: CollectingLogger;
  failedReads: { read: ServerRead; error: BuildInfoError }[];
};

function createCollectingLogger(): CollectingLogger {
  const lines: string[] = [];
  return {
    lines,
    debug: (message) => lines.push(`debug: ${message}`),
    info: (message) => lines.push(`info: ${message}`),
    warn: (message) => lines.push(`warn: ${message}`),
  };
}

const missingHttp: HttpClient = {
  get(url) {
    return Promise.reject(
      new Error(`this test gave the adapter no http client, yet it requested GET ${url}`),
    );
  },
};

const missingGit: GitRunner = {
  cwd: "",
  run(args) {
    return Promise.reject(
      new Error(`this test gave the adapter no git runner, yet it ran git ${args.join(" ")}`),
    );
  },
};

/**
 * An `AdapterContext` for tests: real file system, a collecting logger, and only the http/git the test
 * hands it (the checkout reader reads through that git runner).
 */
export function createTestContext(init: TestContextInit): TestContext {
  const git = init.git ?? missingGit;
  const failedReads: TestContext["failedReads"] = [];
  return {
    env: init.env,
    http: init.http ?? missingHttp,
    limits: {
      commits: defaultCollectionLimits.commits,
      bytes: defaultCollectionLimits.bytes,
      requests: defaultCollectionLimits.requests,
      deadline: Date.now() + defaultCollectionLimits.durationMs,
      ...init.limits,
    },
    git,
    checkout: createCheckoutReader(git),
    fs: {
      readFile: (path) => readFile(path),
      exists: (path) =>
        access(path).then(
          () => true,
          () => false,
        ),
    },
    logger: createCollectingLogger(),
    options: init.options ?? {},
    failedReads,
    async fromServer(read, fetch) {
      try {
        return await fetch();
      } catch (error) {
        if (!isBuildInfoError(error) || error.kind !== "remote") throw error;
        failedReads.push({ read, error });
        return undefined;
      }
    },
  };
}
