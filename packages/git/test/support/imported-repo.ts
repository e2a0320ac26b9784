import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isolatedGitEnv } from "./isolated-git-env";

interface ImportedCommit {
  /** Exact message bytes: fast-import stores them untouched (no clean-up, CRs and NULs kept). */
  message: string | Buffer;
  /** The commit's `encoding` header, e.g. ISO-8859-1. */
  encoding?: string;
  /** Default `main`. */
  branch?: string;
  /** Index of the first parent, for a branch's first commit. */
  from?: number;
  /** Indexes of further parents. */
  merge?: number[];
}

export interface ImportedRepo {
  dir: string;
  /** One per imported commit, in input order. */
  shas: string[];
  git(args: string[]): string;
  cleanup(): Promise<void>;
}

/**
 * A bare-minimum repository written with `git fast-import`: exact message bytes, any shape of
 * history, and thousands of commits in well under a second.
 */
export async function createImportedRepo(commits: readonly ImportedCommit[]): Promise<ImportedRepo> {
  const dir = await mkdtemp(join(tmpdir(), "buildinfo-git-import-"));
  const env = isolatedGitEnv();
  const git = (args: string[], input?: Buffer): string =>
    execFileSync("git", args, { cwd: dir, env, input, maxBuffer: 512 * 1024 * 1024 }).toString("utf8");
  git(["init", "--quiet", "-b", "main"]);

  const chunks: Buffer[] = [];
  commits.forEach((commit, index) => {
    const message = Buffer.isBuffer(commit.message) ? commit.message : Buffer.from(commit.message, "utf8");
    const header = [
      `commit refs/heads/${commit.branch ?? "main"}`,
      `mark :${index + 1}`,
      `committer Ada Builder <ada@example.com> ${1_736_150_400 + index * 60} +0000`,
      ...(commit.encoding === undefined ? [] : [`encoding ${commit.encoding}`]),
      `data ${message.length}`,
    ];
    const parents = [
      ...(commit.from === undefined ? [] : [`from :${commit.from + 1}`]),
      ...(commit.merge ?? []).map((parent) => `merge :${parent + 1}`),
    ];
    chunks.push(
      Buffer.from(`${header.join("\n")}\n`),
      message,
      Buffer.from(`\n${parents.map((p) => `${p}\n`).join("")}\n`),
    );
  });
  const marks = join(dir, ".git", "import-marks");
  git(["fast-import", "--quiet", `--export-marks=${marks}`], Buffer.concat(chunks));

  const shaByMark = new Map(
    (await readFile(marks, "utf8"))
      .trim()
      .split("\n")
      .map((line) => line.split(" ") as [string, string]),
  );
  return {
    dir,
    shas: commits.map((_, index) => shaByMark.get(`:${index + 1}`) ?? ""),
    git: (args) => git(args).replace(/\n$/, ""),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
