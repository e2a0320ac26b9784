// BuiltInFunctions.cs: every filter Octostache has, by lower-case name.

import { addDays, addHours, nowDate, nowDateUtc } from "./date-functions";
import type { BuiltInFunction } from "./filter-context";
import { format } from "./format";
import { md5, sha1, sha256, sha384, sha512 } from "./hash";
import { markdownToHtml } from "./markdown-to-html";
import { nullFunction } from "./null-function";
import { toLower, toUpper } from "./text-case";
import { contains, endsWith, match, replace, startsWith } from "./text-comparison";
import {
  htmlEscape,
  jsonEscape,
  propertiesKeyEscape,
  propertiesValueEscape,
  uriDataEscape,
  uriEscape,
  xmlEscape,
  yamlDoubleQuoteEscape,
  yamlSingleQuoteEscape,
} from "./text-escape";
import { append, fromBase64, indent, prepend, toBase64, trim, truncate } from "./text-manipulation";
import { substring } from "./text-substring";
import { uriPart } from "./uri-part";
import {
  versionMajor,
  versionMetadata,
  versionMinor,
  versionPatch,
  versionPreRelease,
  versionPreReleaseCounter,
  versionPreReleasePrefix,
  versionRevision,
} from "./version-parse";

const functions = new Map<string, BuiltInFunction>([
  ["tolower", toLower],
  ["toupper", toUpper],
  ["tobase64", toBase64],
  ["frombase64", fromBase64],
  ["htmlescape", htmlEscape],
  ["uriescape", uriEscape],
  ["uridataescape", uriDataEscape],
  ["xmlescape", xmlEscape],
  ["jsonescape", jsonEscape],
  ["yamlsinglequoteescape", yamlSingleQuoteEscape],
  ["yamldoublequoteescape", yamlDoubleQuoteEscape],
  ["propertieskeyescape", propertiesKeyEscape],
  ["propertiesvalueescape", propertiesValueEscape],
  ["markdown", markdownToHtml],
  ["markdowntohtml", markdownToHtml],
  ["nowdate", nowDate],
  ["nowdateutc", nowDateUtc],
  ["addhours", addHours],
  ["adddays", addDays],
  ["format", format],
  ["match", match],
  ["replace", replace],
  ["startswith", startsWith],
  ["endswith", endsWith],
  ["contains", contains],
  ["substring", substring],
  ["truncate", truncate],
  ["trim", trim],
  ["indent", indent],
  ["uripart", uriPart],
  ["versionmajor", versionMajor],
  ["versionminor", versionMinor],
  ["versionpatch", versionPatch],
  ["versionprerelease", versionPreRelease],
  ["versionprereleaseprefix", versionPreReleasePrefix],
  ["versionprereleasecounter", versionPreReleaseCounter],
  ["versionrevision", versionRevision],
  ["versionmetadata", versionMetadata],
  ["append", append],
  ["prepend", prepend],
  ["md5", md5],
  ["sha1", sha1],
  ["sha256", sha256],
  ["sha384", sha384],
  ["sha512", sha512],
  ["null", nullFunction],
]);

/** The built-in filter with this lower-case name, if Octostache has one. */
export function builtInFunction(lowerCaseName: string): BuiltInFunction | undefined {
  return functions.get(lowerCaseName);
}

/** The names of every built-in filter (lower case). */
export function builtInFunctionNames(): string[] {
  return [...functions.keys()];
}
