import { dotnetDigit, dotnetWhitespace } from "./dotnet-text";
import { parseGitHubReferences } from "./github-comment-parser";
import { quote } from "./quote";
import type { WorkItemResult } from "./work-item-result";

// What looks like a GitHub issue reference to a person but not to Octopus's pattern, and why.
// docs/reference/octopus-work-items.md#near-misses
const lookalike = new RegExp(
  String.raw`(?<![\p{L}\p{N}_/#.\-])(?:(?:[\p{L}\p{N}_.\-]+(?:/[\p{L}\p{N}_.\-]+)?)?#|GH-)(${dotnetDigit}+)(?![\p{L}\p{N}_])|https?://[^\s]*?/issues/(${dotnetDigit}+)`,
  "giu",
);
const keyword = `(?:close[d|s]*|fix[ed|es]*|resolve[d|s]*)`;
const keywordOnly = new RegExp(`^${keyword}:?$`, "iu");
const keywordThenNothing = new RegExp(`${keyword}:?$`, "iu");
const keywordThenSpaces = new RegExp(`${keyword}:?${dotnetWhitespace}{2,}$`, "iu");
const keywordThenSpace = new RegExp(`${keyword}:?${dotnetWhitespace}$`, "iu");

/**
 * References Octopus's GitHub tracker does not read, with why and what to write instead: no closing
 * keyword right before them (`See #13`), more than one space after it, none at all, or an issue URL its
 * pattern cannot read. Numbers Octopus already lists, and Azure Boards `AB#` mentions, are left out.
 */
export function gitHubNearMisses(
  commits: readonly { Comment: string }[],
  listed: ReadonlySet<string>,
): WorkItemResult[] {
  const results = new Map<string, WorkItemResult>();
  for (const { Comment: comment } of commits) {
    const read = parseGitHubReferences(comment).map((reference) => [
      reference.linkDataIndex,
      reference.linkDataIndex + reference.linkData.length,
    ]);
    for (const match of comment.matchAll(lookalike)) {
      const text = match[0];
      const number = (match[1] ?? match[2])!;
      const end = match.index + text.length;
      const owner = text.split("#")[0]!;
      if (listed.has(number.toUpperCase()) || /^AB$/i.test(owner)) continue;
      if (read.some(([start, stop]) => start! < end && match.index < stop!)) continue;
      const before = comment.slice(comment.lastIndexOf("\n", match.index - 1) + 1, match.index);
      const why = explain(text, owner, number, before);
      results.set(`${text}\u0000${why.reason}`, {
        id: number,
        linkUrl: "",
        description: number,
        source: "GitHub",
        status: "ignored",
        ...why,
      });
    }
  }
  return [...results.values()];
}

function explain(
  text: string,
  owner: string,
  number: string,
  before: string,
): Required<Pick<WorkItemResult, "reason" | "suggestion">> {
  const reference = `#${number}`;
  const glued = keywordOnly.test(owner) ? owner : keywordThenNothing.exec(before)?.[0];
  if (glued !== undefined) {
    return {
      reason: `${quote(owner === glued ? text : glued + text)} has no space after "${glued}", and Octopus's GitHub tracker needs exactly one.`,
      suggestion: `Write "${glued.replace(/:$/, "")} ${reference}".`,
    };
  }
  const spaced = keywordThenSpaces.exec(before);
  if (spaced) {
    return {
      reason: `${quote(spaced[0] + text)} has more than one space after the keyword, and Octopus's GitHub tracker reads only one.`,
      suggestion: `Write "${spaced[0].replace(new RegExp(`${dotnetWhitespace}+$`, "u"), " ")}${text}".`,
    };
  }
  if (text.includes("/issues/") && keywordThenSpace.test(before)) {
    const repository = /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\//i.exec(text)?.[1];
    return {
      reason: `Octopus reads an issue URL only when everything before "/issues/" is letters, "/", ":" or ".", so it skips ${quote(text)}.`,
      suggestion: `Write "Fixes ${repository === undefined ? "owner/repo" : repository}#${number}".`,
    };
  }
  const written = /^GH-/i.test(text)
    ? reference
    : owner !== "" && !owner.includes("/") && !text.includes("/issues/")
      ? `owner/repo#${number}`
      : text;
  return {
    reason: `${quote(before.slice(-20) + text)} has no closing keyword right before it; Octopus's GitHub tracker reads only "Fixes", "Closes" or "Resolves" (or their -ed forms) and one space before a reference.`,
    suggestion: `If this commit closes it, write "Fixes ${written}"; a mere mention is not listed.`,
  };
}
