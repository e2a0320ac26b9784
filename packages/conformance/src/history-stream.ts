import type { HistoryCommit, HistoryRecipe } from "./vector";

/** A recipe as `git fast-import` reads it, and the mark of each named commit. */
export interface HistoryStream {
  text: string;
  /** Commit name → its fast-import mark (`:N`), for every commit, the repeated ones included. */
  marks: Map<string, number>;
  /** The commits that carry a `sha` in the recipe: name → sha (a `repeat` block's last commit). */
  expectedShas: Map<string, string>;
}

/** `data <bytes>` and the bytes, as fast-import counts them. */
function data(text: string): string {
  return `data ${Buffer.byteLength(text, "utf8")}\n${text}\n`;
}

function expand(commit: HistoryCommit): HistoryCommit[] {
  if (commit.repeat === undefined) return [commit];
  return Array.from({ length: commit.repeat }, (_, index) => {
    const n = String(index + 1);
    return {
      ...commit,
      name: commit.name.replaceAll("{n}", n),
      message: commit.message.replaceAll("{n}", n),
      // Only the first of the run takes the given parents; the others follow their branch.
      ...(index === 0 || commit.parents === undefined ? {} : { parents: undefined }),
    } as HistoryCommit;
  });
}

/**
 * The recipe as a `git fast-import` stream: fixed author, committer and dates (one minute apart), so the
 * commit ids are the same on every machine and every git version.
 */
export function historyStream(recipe: HistoryRecipe): HistoryStream {
  const marks = new Map<string, number>();
  const expectedShas = new Map<string, string>();
  const tips = new Map<string, number>();
  const who = `${recipe.author.name} <${recipe.author.email}>`;
  let text = "";
  let mark = 0;
  for (const block of recipe.commits) {
    const run = expand(block);
    for (const commit of run) {
      mark += 1;
      const ref = commit.ref ?? `refs/heads/${commit.branch ?? "main"}`;
      const parents = (commit.parents ?? []).map((name) => {
        const parent = marks.get(name);
        if (parent === undefined)
          throw new Error(`history ${recipe.name}: ${commit.name}'s parent ${name} comes later`);
        return parent;
      });
      const tip = commit.branch === undefined ? undefined : tips.get(commit.branch);
      const [first, ...merged] = commit.parents === undefined && tip !== undefined ? [tip] : parents;
      const time = `${recipe.start + (mark - 1) * 60} +0000`;
      text += `commit ${ref}\nmark :${mark}\nauthor ${who} ${time}\ncommitter ${who} ${time}\n`;
      text += data(commit.message.endsWith("\n") ? commit.message : `${commit.message}\n`);
      text += first === undefined ? "" : `from :${first}\n`;
      for (const parent of merged) text += `merge :${parent}\n`;
      for (const [path, content] of Object.entries(commit.files ?? {})) {
        text += `M 100644 inline ${path}\n${data(content)}`;
      }
      text += "\n";
      marks.set(commit.name, mark);
      if (commit.branch !== undefined) tips.set(commit.branch, mark);
    }
    expectedShas.set(run.at(-1)!.name, block.sha);
  }
  for (const [tag, name] of Object.entries(recipe.tags ?? {})) {
    const target = marks.get(name);
    if (target === undefined) throw new Error(`history ${recipe.name}: tag ${tag} names no commit ${name}`);
    text += `reset refs/tags/${tag}\nfrom :${target}\n\n`;
  }
  return { text, marks, expectedShas };
}
