import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, workspacePackages } from "./support/workspace-files";

const run = promisify(execFile);
const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");

interface PackageJson {
  name: string;
  private?: boolean;
  types?: string;
  dependencies?: Record<string, string>;
}

/** Every package a plugin author can install that ships declarations: its folder and package.json. */
async function publicTypedPackages(): Promise<{ folder: string; json: PackageJson }[]> {
  const all = await Promise.all(
    workspacePackages().map(async (folder) => ({
      folder,
      json: JSON.parse(await readFile(join(repoRoot, folder, "package.json"), "utf8")) as PackageJson,
    })),
  );
  return all.filter(({ json }) => json.private !== true && json.types !== undefined);
}

/**
 * A plugin author's project that installed the packages: each one's package.json and its dist
 * declarations copied (not linked, so nothing resolves into this workspace), its own dependencies
 * (zod, undici, …) and @types/node beside them, as npm would lay them out.
 */
async function installInto(dir: string, packages: { folder: string; json: PackageJson }[]) {
  const modules = join(dir, "node_modules");
  const linked = new Set<string>();
  const link = async (name: string, from: string) => {
    if (linked.has(name)) return;
    linked.add(name);
    await mkdir(dirname(join(modules, name)), { recursive: true });
    await symlink(await realpath(from), join(modules, name));
  };
  await link("@types/node", join(repoRoot, "node_modules/@types/node"));
  for (const { folder, json } of packages) {
    const target = join(modules, json.name);
    const dist = join(repoRoot, folder, "dist");
    if (!existsSync(join(repoRoot, folder, json.types ?? ""))) {
      throw new Error(`${folder} has no ${json.types}: build the packages first (pnpm -r build).`);
    }
    await mkdir(join(target, "dist"), { recursive: true });
    await cp(join(repoRoot, folder, "package.json"), join(target, "package.json"));
    for (const file of await readdir(dist)) {
      if (file.endsWith(".d.ts")) await cp(join(dist, file), join(target, "dist", file));
    }
    for (const dependency of Object.keys(json.dependencies ?? {})) {
      if (!dependency.startsWith("@buildinfo/")) {
        await link(dependency, join(repoRoot, folder, "node_modules", dependency));
      }
    }
  }
}

/** Imports every package and uses the types a plugin author writes a collector and a record with. */
function consumerSource(packages: { json: PackageJson }[]): string {
  return [
    'import type { AdapterContext, BuildInformation, BuildInformationDraft } from "@buildinfo/core";',
    ...packages.map(({ json }, index) => `import * as package${index} from "${json.name}";`),
    "",
    `export const packages: object[] = [${packages.map((_, index) => `package${index}`).join(", ")}];`,
    "export const record: BuildInformation = {",
    '  BuildEnvironment: "Acme CI",',
    '  VcsType: "Git",',
    '  Commits: [{ Id: "0123456789abcdef0123456789abcdef01234567", Comment: "ACME-1 Fix the cache" }],',
    "};",
    "export async function collect(context: AdapterContext): Promise<BuildInformationDraft> {",
    '  return { buildEnvironment: "Acme CI", vcsCommitNumber: context.env.ACME_SHA, commits: [] };',
    "}",
    "",
  ].join("\n");
}

async function compile(dir: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [tsc, ...args], { cwd: dir });
    return stdout;
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? String(error);
  }
}

describe("a plugin author's compiler reads every public package's declarations", () => {
  let dir: string;
  let packages: { folder: string; json: PackageJson }[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "buildinfo-consumer-types-"));
    packages = await publicTypedPackages();
    await installInto(dir, packages);
    const source = consumerSource(packages);
    await writeFile(join(dir, "consumer.ts"), source);
    // The same source as an ES module of a `"type": "module"` project, for node16/nodenext resolution.
    await mkdir(join(dir, "esm"));
    await writeFile(join(dir, "esm", "package.json"), '{ "type": "module" }\n');
    await writeFile(join(dir, "esm", "consumer.ts"), source);
    await symlink(join(dir, "node_modules"), join(dir, "esm", "node_modules"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("ships declarations for the library packages, and none of them exposes zod", async () => {
    expect(packages.map(({ json }) => json.name)).toEqual(
      expect.arrayContaining([
        "@buildinfo/core",
        "@buildinfo/collect",
        "@buildinfo/octopus",
        "@buildinfo/http",
      ]),
    );
    for (const { json } of packages) {
      const declarations = await readFile(join(dir, "node_modules", json.name, json.types ?? ""), "utf8");
      expect(declarations, json.name).not.toMatch(/from ['"]zod/);
    }
  });

  // Each compile checks every declaration, @types/node's and undici's included (no skipLibCheck): seconds.
  const compileTimeout = 120_000;

  // TypeScript's own defaults, with no tsconfig: module CommonJS, moduleResolution node10, target ES5,
  // no esModuleInterop and no skipLibCheck — what `tsc --strict` gives a plugin author who set nothing.
  // zod's declarations need esModuleInterop there (63 errors in zod/v4/locales), hence none exposed.
  it(
    "compiles under `tsc --strict` with TypeScript's default module settings (CommonJS, node10)",
    async () => {
      expect(await compile(dir, ["--strict", "--noEmit", "consumer.ts"])).toBe("");
    },
    compileTimeout,
  );

  it(
    "compiles under `tsc --strict --module nodenext` in an ES module project",
    async () => {
      const esm = join(dir, "esm");
      expect(await compile(esm, ["--strict", "--noEmit", "--module", "nodenext", "consumer.ts"])).toBe("");
    },
    compileTimeout,
  );
});
