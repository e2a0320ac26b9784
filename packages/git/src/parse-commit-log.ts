import { isUtf8 } from "node:buffer";
import { BuildInfoError, type RawCommit } from "@buildinfo/core";

const NUL = 0;
const LF = 10;
const CR = 13;
const COMMIT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * Parses `git log -z --format=%H%x00%B` output: `id NUL message NUL`, repeated. Git cuts a commit
 * message at its first NUL byte when it prints it, so NUL is a safe separator; every other byte
 * (CR, control characters, invalid UTF-8) stays inside the message.
 */
export function parseCommitLog(output: Buffer): RawCommit[] {
  return (isUtf8(output) ? parseUtf8Log(output.toString("utf8")) : undefined) ?? parseLogBytes(output);
}

/**
 * The usual case, a log that is UTF-8 throughout, decoded once and split: NUL never occurs inside a
 * UTF-8 sequence, so each part is what the byte-wise parse decodes. Anything unexpected is left to
 * that parse, which names the byte where the log went wrong.
 */
function parseUtf8Log(text: string): RawCommit[] | undefined {
  const parts = text.split("\0");
  const commits: RawCommit[] = [];
  for (let index = 0; index < parts.length; index += 2) {
    const id = parts[index]!;
    // The NUL after the last message.
    if (id === "" && index === parts.length - 1) break;
    const message = parts[index + 1];
    if (message === undefined || !COMMIT_ID.test(id)) return undefined;
    commits.push({ id, comment: withoutTrailingLineBreaks(message) });
  }
  return commits;
}

function parseLogBytes(output: Buffer): RawCommit[] {
  const commits: RawCommit[] = [];
  let position = 0;
  while (position < output.length) {
    const idEnd = output.indexOf(NUL, position);
    if (idEnd === -1) throw unreadableLog(`ends inside a commit id at byte ${position}`);
    const id = output.toString("latin1", position, idEnd);
    if (!COMMIT_ID.test(id)) throw unreadableLog(`has no commit id at byte ${position}`);
    let messageEnd = output.indexOf(NUL, idEnd + 1);
    if (messageEnd === -1) messageEnd = output.length;
    commits.push({ id, comment: decodeMessage(output.subarray(idEnd + 1, messageEnd)) });
    position = messageEnd + 1;
  }
  return commits;
}

function unreadableLog(problem: string): BuildInfoError {
  return new BuildInfoError(
    "E_GIT_OUTPUT",
    `The output of git log -z ${problem}, so the commits cannot be read.`,
    {
      hint: "Check that `git` on the PATH is git itself, not a wrapper that adds to its output; then report the git version.",
      source: "git log",
    },
  );
}

// Git re-encodes messages that declare an encoding; bytes that are still not UTF-8 come from a
// commit that declared none, which in practice means a Latin-1/Windows editor.
function decodeMessage(bytes: Buffer): string {
  const text = isUtf8(bytes) ? bytes.toString("utf8") : bytes.toString("latin1");
  return withoutTrailingLineBreaks(text);
}

// A regex anchored at the end (/[\r\n]+$/) scans the whole message; 10,000 long messages notice.
function withoutTrailingLineBreaks(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === LF || text.charCodeAt(end - 1) === CR)) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}
