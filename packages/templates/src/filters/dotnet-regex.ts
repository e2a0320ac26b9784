// .NET's Regex.IsMatch and Regex.Replace for the Match and Replace filters, run on RE2 (re2js) so that no
// pattern can backtrack for ever over an untrusted value: matching is linear in the input. Patterns RE2 does
// not have (lookaround, backreferences, atomic groups) are reported as unsupported
// (docs/reference/octostache.md#regular-expressions).

import { RE2JS } from "re2js";
import { TemplateEvaluationError } from "../binding";
import type { FilterContext } from "./filter-context";

type Compiled = { readonly pattern: RE2JS } | undefined;

const compiled = new Map<string, Compiled>();

/** The pattern on RE2, or undefined (reported) where RE2 cannot run it; throws where .NET would not parse it either. */
function compile(pattern: string, context: FilterContext): RE2JS | undefined {
  let entry = compiled.get(pattern);
  if (entry === undefined && !compiled.has(pattern)) {
    try {
      entry = { pattern: RE2JS.compile(pattern) };
    } catch (error) {
      try {
        new RegExp(pattern);
      } catch {
        throw new TemplateEvaluationError(`Invalid pattern '${pattern}': ${(error as Error).message}`);
      }
      entry = undefined;
    }
    if (compiled.size > 1000) compiled.clear();
    compiled.set(pattern, entry);
  }
  if (entry === undefined) {
    context.report(
      "unsupported",
      `The regular expression '${pattern}' needs a feature RE2 does not have (lookaround, a backreference or an atomic group)`,
    );
  }
  return entry?.pattern;
}

export function regexIsMatch(input: string, pattern: string, context: FilterContext): boolean | undefined {
  return compile(pattern, context)?.matcher(input).find();
}

/** .NET's replacement syntax: $1, ${name}, $$, $&, $`, $', $+ and $_. A $ that names no group stays as it is. */
function expand(
  replacement: string,
  group: (index: number | string) => string | null,
  groupNumbers: ReadonlyMap<string, number>,
  groupCount: number,
  before: string,
  after: string,
  input: string,
): string {
  let out = "";
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c !== "$" || i + 1 >= replacement.length) {
      out += c;
      continue;
    }
    const next = replacement[i + 1] as string;
    const braced = /^\{([^}]*)\}/.exec(replacement.slice(i + 1));
    const digits = /^\d+/.exec(replacement.slice(i + 1));
    if (next === "$") {
      out += "$";
      i++;
    } else if (next === "&") {
      out += group(0) ?? "";
      i++;
    } else if (next === "`") {
      out += before;
      i++;
    } else if (next === "'") {
      out += after;
      i++;
    } else if (next === "+") {
      out += groupCount > 0 ? (group(groupCount) ?? "") : (group(0) ?? "");
      i++;
    } else if (next === "_") {
      out += input;
      i++;
    } else if (
      braced !== null &&
      (groupNumbers.has(braced[1] as string) || /^\d+$/.test(braced[1] as string))
    ) {
      const name = braced[1] as string;
      const index = groupNumbers.get(name) ?? Number(name);
      if (index > groupCount) {
        out += c;
        continue;
      }
      out += group(index) ?? "";
      i += (braced[0] as string).length;
    } else if (digits !== null && Number(digits[0]) <= groupCount) {
      out += group(Number(digits[0])) ?? "";
      i += digits[0].length;
    } else {
      out += c;
    }
  }
  return out;
}

export function regexReplace(
  input: string,
  pattern: string,
  replacement: string,
  context: FilterContext,
): string | undefined {
  const regex = compile(pattern, context);
  if (regex === undefined) return undefined;
  const matcher = regex.matcher(input);
  const groupCount = regex.groupCount();
  const groupNumbers = new Map(Object.entries(regex.namedGroups()));
  let out = "";
  let last = 0;
  while (matcher.find()) {
    const start = matcher.start();
    const end = matcher.end();
    out += input.slice(last, start);
    out += expand(
      replacement,
      (g) => matcher.group(g),
      groupNumbers,
      groupCount,
      input.slice(0, start),
      input.slice(end),
      input,
    );
    last = end;
  }
  return out + input.slice(last);
}
