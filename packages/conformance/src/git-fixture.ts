import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { historyStream } from "./history-stream";
import type { CheckoutSpec, HistoryRecipe } from "./vector";

/** Runs git with no user or system configuration, so a developer's settings change nothing. */
export type IsolatedGit = (args: string[], options?: { cwd?: string; input?: string }) => Promise<string>;

export async function isolatedGit(root: string): Promise<IsolatedGit> {
  const emptyConfig = join(root, "empty.gitconfig");
  await writeFile(emptyConfig, "");
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("GIT_")) env[name] = value;
  Object.assign(env, {
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: emptyConfig,
    GIT_TERMINAL_PROMPT: "0",
  });
  return (args, options = {}) =>
    new Promise((resolve, reject) => {
      const child = execFile(
        "git",
        ["-c", "protocol.file.allow=always", "-c", "init.defaultBranch=main", ...args],
        { cwd: options.cwd ?? root, env, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`git ${args.join(" ")} failed: ${stderr.trim() || error.message}`));
          else resolve(stdout);
        },
      );
      // A git that does not read its input (or has exited) closes the pipe: its exit code tells what happened.
      child.stdin?.on("error", () => {});
      child.stdin?.end(options.input);
    });
}

/**
 * The recipe imported into a bare repository (the build server's remote) with `git fast-import`; each
 * commit id the recipe records is checked, so a vector never runs against a different history.
 */
export async function importHistory(git: IsolatedGit, recipe: HistoryRecipe, dir: string): Promise<void> {
  const stream = historyStream(recipe);
  await git(["init", "--quiet", "--bare", dir]);
  const marksFile = `${dir}.marks`;
  await git(["fast-import", "--quiet", `--export-marks=${marksFile}`], { cwd: dir, input: stream.text });
  const shaOfMark = new Map(
    (await readFile(marksFile, "utf8"))
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [mark, sha] = line.split(" ");
        return [Number(mark!.slice(1)), sha!] as const;
      }),
  );
  for (const [name, expected] of stream.expectedShas) {
    const actual = shaOfMark.get(stream.marks.get(name)!);
    if (actual !== expected) {
      throw new Error(
        `history ${recipe.name}: commit ${name} is ${actual}, but the recipe records ${expected}`,
      );
    }
  }
}

const defaultFetch = ["+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*"];

/** The checkout as the build server leaves it: fetched from the history's repository, then `origin` renamed. */
export async function layOutCheckout(
  git: IsolatedGit,
  historyDir: string,
  spec: CheckoutSpec,
  dir: string,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await git(["init", "--quiet", dir]);
  await git(["remote", "add", "origin", pathToFileURL(historyDir).href], { cwd: dir });
  const depth = spec.depth === undefined ? [] : [`--depth=${spec.depth}`];
  await git(["fetch", "--quiet", "--no-tags", ...depth, "origin", ...(spec.fetch ?? defaultFetch)], {
    cwd: dir,
  });
  const switchTo = spec.branch === undefined ? ["--detach"] : ["-B", spec.branch];
  await git(["checkout", "--quiet", ...switchTo, spec.commit], { cwd: dir });
  if (spec.remote === undefined) await git(["remote", "remove", "origin"], { cwd: dir });
  else await git(["remote", "set-url", "origin", spec.remote], { cwd: dir });
}
