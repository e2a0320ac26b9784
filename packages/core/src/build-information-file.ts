import type { BuildInformation } from "./build-information";
import type { BuildInformationDraft, DraftField, RawCommit } from "./draft";
import { BuildInfoError } from "./errors";
import { jsonErrorPosition } from "./json-error-position";

export interface BuildInformationFile {
  draft: BuildInformationDraft;
  warnings: string[];
}

type StringField = Exclude<DraftField, "commits">;

const fieldsByKey = new Map<string, StringField | "commits">([
  ["buildenvironment", "buildEnvironment"],
  ["buildnumber", "buildNumber"],
  ["buildurl", "buildUrl"],
  ["branch", "branch"],
  ["vcstype", "vcsType"],
  ["vcsroot", "vcsRoot"],
  ["vcscommitnumber", "vcsCommitNumber"],
  ["commits", "commits"],
]);

const envelopeKeys = new Set(["octopusbuildinformation", "packageid"]);
const keyNames: Readonly<Record<StringField | "commits", string>> = {
  buildEnvironment: "BuildEnvironment",
  buildNumber: "BuildNumber",
  buildUrl: "BuildUrl",
  branch: "Branch",
  vcsType: "VcsType",
  vcsRoot: "VcsRoot",
  vcsCommitNumber: "VcsCommitNumber",
  commits: "Commits",
};

/**
 * Reads the file `octo build-information --file` and `octopus build-information upload --file` take (the
 * inner `OctopusBuildInformation` object) as tolerantly as they do: UTF-8 with or without a BOM, UTF-16
 * LE/BE, keys in any case, unknown keys ignored. The result is a draft, so the same rules apply to it.
 */
export function readBuildInformationFile(bytes: Uint8Array, source: string): BuildInformationFile {
  const text = decode(bytes, source);
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    throw formatError(source, `is not valid JSON ${describePosition(text)}`);
  }
  if (typeof content !== "object" || content === null || Array.isArray(content)) {
    throw formatError(
      source,
      "must hold one JSON object (the build information), not an array or a single value",
    );
  }
  const entries = Object.entries(content);
  if (entries.some(([key]) => envelopeKeys.has(key.toLowerCase()))) {
    throw formatError(
      source,
      "holds a push request (PackageId, Version, OctopusBuildInformation); the file holds only the inner build-information object",
    );
  }
  const draft: BuildInformationDraft = {
    buildEnvironment: "",
    sources: { buildEnvironment: `BuildEnvironment in ${source}` },
  };
  const unknownKeys: string[] = [];
  for (const [key, value] of entries) {
    const field = fieldsByKey.get(key.toLowerCase());
    if (field === undefined) {
      unknownKeys.push(key);
      continue;
    }
    draft.sources![field] = `${keyNames[field]} in ${source}`;
    if (field === "commits") {
      draft.commits = readCommits(value, source, unknownKeys);
    } else if (field === "buildEnvironment") {
      draft.buildEnvironment = readString(value, source, keyNames[field]) ?? "";
    } else {
      draft[field] = readString(value, source, keyNames[field]);
    }
  }
  draft.commits ??= [];
  const warnings =
    unknownKeys.length === 0
      ? []
      : [
          `Ignored unknown key${unknownKeys.length === 1 ? "" : "s"} in ${source}: ${[...new Set(unknownKeys)].join(", ")}.`,
        ];
  return { draft, warnings };
}

/** The file format, as octo and the Go CLI read it: UTF-8 without a BOM, PascalCase, 2-space indent. */
export function formatBuildInformationFile(info: BuildInformation): string {
  const ordered = {
    BuildEnvironment: info.BuildEnvironment,
    BuildNumber: info.BuildNumber,
    BuildUrl: info.BuildUrl,
    Branch: info.Branch,
    VcsType: info.VcsType,
    VcsRoot: info.VcsRoot,
    VcsCommitNumber: info.VcsCommitNumber,
    Commits: (info.Commits ?? []).map((commit) => ({ Id: commit.Id, Comment: commit.Comment })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function decode(bytes: Uint8Array, source: string): string {
  const [first, second] = [bytes[0], bytes[1]];
  let encoding = "utf-8";
  let start = 0;
  if (first === 0xef && second === 0xbb && bytes[2] === 0xbf) {
    start = 3;
  } else if (first === 0xff && second === 0xfe) {
    encoding = "utf-16le";
    start = 2;
  } else if (first === 0xfe && second === 0xff) {
    encoding = "utf-16be";
    start = 2;
  } else if (bytes.length >= 2 && first !== 0 && second === 0) {
    encoding = "utf-16le";
  } else if (bytes.length >= 2 && first === 0 && second !== 0) {
    encoding = "utf-16be";
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch (cause) {
    throw new BuildInfoError("E_FILE_FORMAT", `${source} is not valid ${encoding.toUpperCase()} text.`, {
      hint: "Write the file as UTF-8 (or UTF-16 with a byte-order mark).",
      source,
      cause,
    });
  }
}

function describePosition(text: string): string {
  const position = jsonErrorPosition(text);
  if (position === undefined) return "(nested too deeply)";
  if (position >= text.length) return "(it ends too early)";
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `(line ${line}, column ${column}, position ${position})`;
}

function readString(value: unknown, source: string, key: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  // `1e999` parses as Infinity: refused rather than stored as the text "Infinity".
  if (typeof value === "number") {
    if (Number.isFinite(value)) return String(value);
    throw formatError(source, `has a ${key} that is a number too large to write exactly`);
  }
  throw formatError(source, `has a ${key} that is not a string`);
}

function readCommits(value: unknown, source: string, unknownKeys: string[]): RawCommit[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw formatError(source, "has Commits that are not an array");
  return value.map((item: unknown, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw formatError(source, `has a Commits[${index}] that is not an object`);
    }
    const commit: RawCommit = { id: "", comment: "" };
    for (const [key, field] of Object.entries(item)) {
      const lower = key.toLowerCase();
      if (lower === "id") commit.id = readString(field, source, `Commits[${index}].Id`) ?? "";
      else if (lower === "comment")
        commit.comment = readString(field, source, `Commits[${index}].Comment`) ?? "";
      else unknownKeys.push(`Commits[].${key}`);
    }
    return commit;
  });
}

function formatError(source: string, problem: string): BuildInfoError {
  return new BuildInfoError("E_FILE_FORMAT", `${source} ${problem}.`, {
    hint: "The file must hold the build-information object that octo build-information --file reads.",
    source,
  });
}
