import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importHistory, isolatedGit } from "../src/git-fixture";
import type { HistoryRecipe, ServerVectors } from "../src/vector";
import { histories, serverVectors } from "../src/vector-files";

const root = join(import.meta.dirname, "..", "..", "..");
const kit = join(import.meta.dirname, "..", "vectors");

/** Every JSON file of a folder, by name. */
function jsonFiles(dir: string): [string, unknown][] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => [name, JSON.parse(readFileSync(join(dir, name), "utf8"))]);
}

/** Each folder of the kit and the schema its files follow (the work-item and release-notes vectors live beside the rules they test). */
const folders = [
  ["server-vectors", join(kit, "servers")],
  ["history", join(kit, "histories")],
  ["work-item-vectors", join(root, "packages/core/test/octopus-vectors")],
  ["release-notes", join(root, "packages/templates/test/octopus-docs")],
] as const;

describe("the kit's vector files", () => {
  // strictRequired would refuse the schemas' `oneOf: [{ required: [...] }]` (one of two properties), which is standard JSON Schema.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  const validators = new Map(
    folders.map(([schema]) => [
      schema,
      ajv.compile(JSON.parse(readFileSync(join(kit, "schema", `${schema}.schema.json`), "utf8"))),
    ]),
  );
  for (const [schema, dir] of folders) {
    const validate = validators.get(schema)!;
    it(`${dir.slice(root.length + 1)}/*.json follow schema/${schema}.schema.json`, () => {
      const files = jsonFiles(dir);
      expect(files.length).toBeGreaterThan(0);
      const problems = files.flatMap(([name, data]) =>
        validate(data)
          ? []
          : (validate.errors ?? []).map((error) => `${name}${error.instancePath} ${error.message}`),
      );
      expect(problems).toEqual([]);
    });
  }

  it("rejects a case with neither an expected record nor a rejection, and a sha that is not one", () => {
    const validate = validators.get("server-vectors")!;
    const [jenkins] = jsonFiles(join(kit, "servers")).filter(([name]) => name === "jenkins.json");
    const file = structuredClone(jenkins![1]) as ServerVectors;
    delete file.cases[0]!.expected;
    file.cases[1]!.checkout!.commit = "HEAD";
    expect(validate(file)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toEqual(
      expect.arrayContaining(["/cases/0", "/cases/1/checkout/commit"]),
    );
  });

  it("name their server in their file name, and each case once", () => {
    for (const [name, data] of jsonFiles(join(kit, "servers"))) {
      const file = data as ServerVectors;
      expect(name).toBe(`${file.server}.json`);
      const ids = file.cases.map((entry) => entry.id);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
    expect(serverVectors.map((file) => file.server).sort()).toEqual(
      jsonFiles(join(kit, "servers")).map(([name]) => name.replace(/\.json$/, "")),
    );
  });
});

describe("the kit's histories and the commits the vectors name", () => {
  let dir: string;
  /** Each history's commits as git made them: sha → message. */
  const made = new Map<string, Map<string, string>>();
  /** Each history's trees (a push payload names its commits' trees). */
  const trees = new Map<string, Set<string>>();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "buildinfo-vector-histories-"));
    const git = await isolatedGit(dir);
    for (const [name, recipe] of Object.entries(histories)) {
      // importHistory fails when a commit's id is not the one the recipe records.
      await importHistory(git, recipe as HistoryRecipe, join(dir, `${name}.git`));
      const log = await git(["log", "-z", "--all", "--format=%H%x00%T%x00%B"], {
        cwd: join(dir, `${name}.git`),
      });
      const fields = log.split("\0");
      const commits = new Map<string, string>();
      const treeIds = new Set<string>();
      for (let index = 0; index + 2 < fields.length; index += 3) {
        commits.set(fields[index]!.trim(), fields[index + 2]!.trimEnd());
        treeIds.add(fields[index + 1]!);
      }
      made.set(name, commits);
      trees.set(name, treeIds);
    }
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("are made with the commit ids each recipe records, on any machine", () => {
    expect([...made.keys()].sort()).toEqual(Object.keys(histories).sort());
    expect(made.get("long-branch")?.size).toBe(261);
  });

  it("give every commit a case names (checkout, environment, API answers, expected) with the message the case expects", () => {
    const problems: string[] = [];
    for (const file of serverVectors) {
      for (const entry of file.cases) {
        const where = `${file.server}/${entry.id}`;
        if (entry.history === undefined) continue;
        const commits = made.get(entry.history);
        if (commits === undefined) {
          problems.push(`${where}: no history ${entry.history}`);
          continue;
        }
        const text = JSON.stringify({
          checkout: entry.checkout,
          env: entry.env,
          api: entry.api,
          files: entry.files,
        });
        for (const sha of text.match(/\b[0-9a-f]{40}\b/g) ?? []) {
          const known = commits.has(sha) || trees.get(entry.history)?.has(sha) || sha === "0".repeat(40);
          if (!known) problems.push(`${where}: ${sha} is not in ${entry.history}`);
        }
        for (const commit of entry.expected?.Commits ?? []) {
          if (commits.get(commit.Id) !== commit.Comment)
            problems.push(`${where}: expects ${commit.Id} with a message its history does not give it`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
