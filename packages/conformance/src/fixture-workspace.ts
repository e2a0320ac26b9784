import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type FakeApi, startFakeApi } from "./fake-api";
import { type IsolatedGit, importHistory, isolatedGit, layOutCheckout } from "./git-fixture";
import { javaPropertiesText } from "./java-properties";
import { type FixturePlaces, fillPlaceholders } from "./placeholders";
import { recordedExchanges } from "./recorded-exchanges";
import type {
  ApiExchange,
  ConformanceCase,
  ExpectedBuildInformation,
  FixtureFile,
  HistoryRecipe,
} from "./vector";

/** One case laid out: its checkout, its files and its build server's API, ready for a plugin to run in. */
export interface CaseFixture {
  /** The build's environment, placeholders filled. */
  env: Record<string, string>;
  /** The environment of each earlier attempt of the build (a re-run), oldest first. */
  earlierAttempts: Record<string, string>[];
  /** The checkout: where the plugin runs. */
  cwd: string;
  /** The expected record, placeholders filled; absent when the case expects a rejection. */
  expected?: ExpectedBuildInformation;
  /** Requests the fake API had no exchange for, so far. */
  unansweredRequests: string[];
  close(): Promise<void>;
}

/** Lays out cases in one temporary folder; each history is imported once and cloned for each case. */
export interface FixtureWorkspace {
  prepare(server: string, conformanceCase: ConformanceCase): Promise<CaseFixture>;
  /** Removes every case's folder. */
  close(): Promise<void>;
}

async function writeFixtureFile(dir: string, file: FixtureFile, places: FixturePlaces): Promise<void> {
  const target = join(dir, file.path);
  await mkdir(dirname(target), { recursive: true });
  if ("json" in file) {
    await writeFile(target, `${JSON.stringify(fillPlaceholders(file.json, places), null, 2)}\n`);
  } else if ("properties" in file) {
    // The agent writes ISO 8859-1; javaPropertiesText escapes everything beyond ASCII.
    const text = javaPropertiesText(fillPlaceholders(file.properties, places), file.path);
    await writeFile(target, text, "latin1");
  } else {
    await writeFile(target, fillPlaceholders(file.text, places));
  }
}

export async function createFixtureWorkspace(
  histories: Readonly<Record<string, HistoryRecipe>>,
): Promise<FixtureWorkspace> {
  // The real path: a checkout's own idea of where it is (git rev-parse) must match {checkout}.
  const root = await realpath(await mkdtemp(join(tmpdir(), "buildinfo-conformance-")));
  const git: IsolatedGit = await isolatedGit(root);
  const imported = new Map<string, Promise<string>>();
  let count = 0;

  const historyDir = (name: string): Promise<string> => {
    let dir = imported.get(name);
    if (dir === undefined) {
      const recipe = histories[name];
      if (recipe === undefined) return Promise.reject(new Error(`no history named ${name}`));
      const target = join(root, "histories", `${name}.git`);
      dir = mkdir(dirname(target), { recursive: true })
        .then(() => importHistory(git, recipe, target))
        .then(() => target);
      imported.set(name, dir);
    }
    return dir;
  };

  return {
    async prepare(server, conformanceCase) {
      count += 1;
      const caseDir = join(root, "cases", `${count}-${server}-${conformanceCase.id}`);
      const checkout = join(caseDir, "checkout");
      const filesDir = join(caseDir, "files");
      await mkdir(filesDir, { recursive: true });
      const unansweredRequests: string[] = [];
      let api: FakeApi | undefined;
      try {
        // Filled in once the server's URL is known ({api} may appear in an answer, e.g. a next-page link).
        const exchanges: ApiExchange[] = [];
        api = await startFakeApi(recordedExchanges(exchanges, unansweredRequests));
        const places: FixturePlaces = { api: api.url, checkout, files: filesDir };
        exchanges.push(...fillPlaceholders(conformanceCase.api ?? [], places));
        if (conformanceCase.history !== undefined && conformanceCase.checkout !== undefined) {
          await layOutCheckout(
            git,
            await historyDir(conformanceCase.history),
            conformanceCase.checkout,
            checkout,
          );
        } else {
          await mkdir(checkout, { recursive: true });
        }
        for (const file of conformanceCase.files ?? []) await writeFixtureFile(filesDir, file, places);
        const env = fillPlaceholders(conformanceCase.env, places);
        const started = api;
        return {
          env,
          earlierAttempts: (conformanceCase.earlierAttempts ?? []).map((attempt) => ({
            ...env,
            ...fillPlaceholders(attempt.env, places),
          })),
          cwd: checkout,
          ...(conformanceCase.expected === undefined
            ? {}
            : { expected: fillPlaceholders(conformanceCase.expected, places) }),
          unansweredRequests,
          close: () => started.close(),
        };
      } catch (error) {
        await api?.close();
        throw error;
      }
    },
    close: () => rm(root, { recursive: true, force: true, maxRetries: 3 }),
  };
}
