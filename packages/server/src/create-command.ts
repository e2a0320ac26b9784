import { type OverwriteMode, overwriteModes } from "@buildinfo/core";
import type { BuildInformationInput } from "./build-information-store";
import { field, isObject, type JsonObject } from "./model-binding";
import { isValidPackageId } from "./octopus-package-ids";
import { isValidOctopusVersion } from "./octopus-versions";

export const invalidPackageIdMessage =
  "The package ID contains invalid characters. Examples of valid package IDs include 'MyPackage' and 'MyPackage.Sample'.";
export const invalidVersionMessage = "The version is invalid. Please supply a valid semver version number.";

/** `CreateBuildInformationCommand` after model binding. */
interface CreateCommand {
  spaceId: string | null;
  packageId: string;
  version: string;
  overwriteMode: OverwriteMode;
  buildInformation: BuildInformationInput;
}

type BindResult = { command: CreateCommand; errors?: undefined } | { command?: undefined; errors: string[] };

function bindString(object: JsonObject, name: string, errors: string[]): string | null {
  const value = field(object, name);
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  errors.push(`The value of ${name} could not be converted to a string.`);
  return null;
}

/** Enum binding: names case-insensitively, or the enum's numbers (FailIfExists 0, OverwriteExisting 1, IgnoreIfExists 2). */
function parseMode(raw: unknown, where: string, errors: string[]): OverwriteMode | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  // Only a string or a number binds to an enum; an object is never turned into text (its `toString`
  // may be anything a client sent).
  if (typeof raw !== "string" && typeof raw !== "number") {
    errors.push(`The value of OverwriteMode (${where}) could not be converted to an overwrite mode.`);
    return undefined;
  }
  const numbered: Record<string, OverwriteMode> = {
    0: "FailIfExists",
    1: "OverwriteExisting",
    2: "IgnoreIfExists",
  };
  const text = String(raw);
  const mode =
    overwriteModes.find((name) => name.toLowerCase() === text.toLowerCase()) ??
    (Object.hasOwn(numbered, text) ? numbered[text] : undefined);
  if (!mode) errors.push(`The value '${text}' is not valid for OverwriteMode (${where}).`);
  return mode;
}

function queryValue(query: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of query) {
    if (key.toLowerCase() === name.toLowerCase()) return value;
  }
  return undefined;
}

function bindBuildInformation(value: unknown, errors: string[]): BuildInformationInput {
  const inner = isObject(value) ? value : {};
  const rawCommits = field(inner, "Commits");
  const commits: BuildInformationInput["Commits"] = [];
  if (Array.isArray(rawCommits)) {
    for (const entry of rawCommits) {
      if (!isObject(entry)) {
        errors.push("Each of Commits must be an object with Id and Comment.");
        continue;
      }
      commits.push({
        Id: bindString(entry, "Id", errors) ?? "",
        Comment: bindString(entry, "Comment", errors) ?? "",
      });
    }
  } else if (rawCommits !== undefined && rawCommits !== null) {
    errors.push("Commits must be an array.");
  }
  return {
    BuildEnvironment: bindString(inner, "BuildEnvironment", errors),
    BuildNumber: bindString(inner, "BuildNumber", errors),
    BuildUrl: bindString(inner, "BuildUrl", errors),
    Branch: bindString(inner, "Branch", errors),
    VcsType: bindString(inner, "VcsType", errors),
    VcsRoot: bindString(inner, "VcsRoot", errors),
    VcsCommitNumber: bindString(inner, "VcsCommitNumber", errors),
    Commits: commits,
  };
}

/**
 * Binds and validates a POST body the way the server does: PascalCase fields matched
 * case-insensitively, unknown fields ignored, the overwrite mode from the body or the
 * `overwriteMode` query (identical when both are given), the legacy `Replace: true` meaning
 * OverwriteExisting.
 */
export function bindCreateCommand(bodyText: string, query: URLSearchParams): BindResult {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch (error) {
    return { errors: [`The request body is not valid JSON: ${(error as Error).message}`] };
  }
  if (!isObject(body)) return { errors: ["The request body must be a JSON object."] };

  const errors: string[] = [];
  const packageId = bindString(body, "PackageId", errors);
  if (!packageId) errors.push("The PackageId field is required.");
  else if (!isValidPackageId(packageId)) errors.push(invalidPackageIdMessage);
  const version = bindString(body, "Version", errors);
  if (!version) errors.push("The Version field is required.");
  else if (!isValidOctopusVersion(version)) errors.push(invalidVersionMessage);
  const inner = field(body, "OctopusBuildInformation");
  if (!isObject(inner)) errors.push("The OctopusBuildInformation field is required.");
  const buildInformation = bindBuildInformation(inner, errors);
  const spaceId = bindString(body, "SpaceId", errors);

  const fromBody = parseMode(field(body, "OverwriteMode"), "body", errors);
  const fromQuery = parseMode(queryValue(query, "overwriteMode"), "query string", errors);
  if (fromBody && fromQuery && fromBody !== fromQuery) {
    errors.push(
      `The overwrite mode in the query string (${fromQuery}) and in the body (${fromBody}) differ; send the same value in both.`,
    );
  }
  const replace = field(body, "Replace") === true;
  const overwriteMode = fromBody ?? fromQuery ?? (replace ? "OverwriteExisting" : "FailIfExists");

  if (errors.length > 0 || !packageId || !version) return { errors };
  return { command: { spaceId, packageId, version, overwriteMode, buildInformation } };
}
