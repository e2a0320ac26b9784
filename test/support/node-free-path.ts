import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The tools a build agent without Node has; `node` lives in /usr/bin here, so PATH=/usr/bin would not do.
const tools = [
  "sh",
  "git",
  "cat",
  "cp",
  "dirname",
  "basename",
  "env",
  "head",
  "ls",
  "mkdir",
  "mktemp",
  "mv",
  "rm",
  "sha256sum",
  "tail",
  "tr",
  "uname",
  "chmod",
];

/** A directory of symlinks to sh, git and coreutils only: a PATH on which no `node` can be found. */
export function nodeFreePath(): string {
  const dir = mkdtempSync(join(tmpdir(), "buildinfo-node-free-path-"));
  for (const tool of tools) {
    const target = execFileSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).trim();
    symlinkSync(target, join(dir, tool));
  }
  return dir;
}
