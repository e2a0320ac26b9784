import { isUtf8 } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommitLog } from "../src/parse-commit-log";

const seed = Number(process.env.BUILDINFO_FUZZ_SEED ?? 20261127);
const id = fc.stringMatching(/^[0-9a-f]{40}$/);
/** Message bytes as git prints them: no NUL; UTF-8 text, line breaks, or bytes that are not UTF-8. */
const message = fc.oneof(
  fc
    .string({ unit: "grapheme", maxLength: 20 })
    .map((text) => Buffer.from(text.replaceAll("\0", ""), "utf8")),
  fc.constantFrom("\r\n", "\n\n", "x\r").map((text) => Buffer.from(text)),
  fc
    .uint8Array({ minLength: 1, maxLength: 12 })
    .map((bytes) => Buffer.from(bytes.filter((byte) => byte !== 0))),
);

/** `git log -z --format=%H%x00%B`: id NUL message, commits separated by NUL, sometimes one at the end. */
function logOf(commits: { id: string; message: Buffer }[], trailingNul: boolean): Buffer {
  const parts = commits.flatMap((commit, index) => [
    ...(index > 0 ? [Buffer.from([0])] : []),
    Buffer.from(`${commit.id}\0`),
    commit.message,
  ]);
  return Buffer.concat([...parts, ...(trailingNul && commits.length > 0 ? [Buffer.from([0])] : [])]);
}

describe("parseCommitLog", () => {
  it("reads every commit of a log, whether the whole log is UTF-8 or only some messages are", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id, message }), { maxLength: 6 }),
        fc.boolean(),
        (commits, trailingNul) => {
          const expected = commits.map((commit) => ({
            id: commit.id,
            comment: (isUtf8(commit.message)
              ? commit.message.toString("utf8")
              : commit.message.toString("latin1")
            ).replace(/[\r\n]+$/, ""),
          }));
          expect(parseCommitLog(logOf(commits, trailingNul))).toEqual(expected);
        },
      ),
      { seed, numRuns: 500 },
    );
  });

  it("names the byte where a log goes wrong, in UTF-8 or not", () => {
    const sha = "a".repeat(40);
    for (const tail of ["", "\u00e9"]) {
      expect(() => parseCommitLog(Buffer.from(`${sha}\0one${tail}\0${sha}`, "latin1"))).toThrow(
        expect.objectContaining({
          code: "E_GIT_OUTPUT",
          message: expect.stringContaining(`at byte ${45 + tail.length}`),
        }),
      );
      expect(() => parseCommitLog(Buffer.from(`${sha}\0one${tail}\0\0`, "latin1"))).toThrow(
        expect.objectContaining({
          code: "E_GIT_OUTPUT",
          message: expect.stringContaining("has no commit id"),
        }),
      );
    }
  });
});
