// A git repository with a long history, made with `git fast-import` (10,000 `git commit` calls
// would take minutes). Messages are multi-line and carry issue keys, like a real project's.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";

export function makeHistoryRepo(dir, count) {
  mkdirSync(dir, { recursive: true });
  const git = (args, input) =>
    execFileSync("git", ["-C", dir, ...args], { input, encoding: "utf8", maxBuffer: 1 << 30 });
  git(["init", "-q", "-b", "main"]);
  const lines = [];
  for (let i = 0; i <= count; i++) {
    const message = `SHOP-${i} change number ${i}\n\nA body line explaining change ${i}.\nFixes #${i}\n`;
    lines.push(
      "commit refs/heads/main",
      `committer Bench <bench@example.com> ${1_700_000_000 + i} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      `M 644 inline file.txt`,
      `data ${String(i).length}`,
      String(i),
      "",
    );
  }
  git(["fast-import", "--quiet"], `${lines.join("\n")}\n`);
  git(["reset", "-q", "--hard", "main"]);
  const first = git(["rev-list", "--max-parents=0", "HEAD"]).trim();
  return { dir, first };
}
