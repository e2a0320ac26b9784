/**
 * Octopus's version rules as the build-information API applies them: SemVer 2 with pre-release and
 * metadata, plus NuGet's 1-, 2- and 4-part numeric forms (`1`, `1.0`, `1.2.3.4`); each number fits
 * in an Int32, as in .NET's `Version`.
 */
const identifiers = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
const versionPattern = new RegExp(`^(\\d+(?:\\.\\d+){0,3})(?:-(${identifiers}))?(?:\\+${identifiers})?$`);
const largestNumber = 2_147_483_647;

interface OctopusVersion {
  numbers: [number, number, number, number];
  preRelease: string[];
}

function parseOctopusVersion(text: string): OctopusVersion | undefined {
  const match = versionPattern.exec(text);
  if (!match) return undefined;
  const numbers = match[1]!.split(".").map(Number);
  if (numbers.some((number) => number > largestNumber)) return undefined;
  return {
    numbers: [0, 1, 2, 3].map((index) => numbers[index] ?? 0) as OctopusVersion["numbers"],
    preRelease: match[2] ? match[2].split(".") : [],
  };
}

export function isValidOctopusVersion(text: string): boolean {
  return parseOctopusVersion(text) !== undefined;
}

function comparePreReleaseIdentifier(left: string, right: string): number {
  const leftNumeric = /^\d+$/.test(left);
  const rightNumeric = /^\d+$/.test(right);
  if (leftNumeric && rightNumeric) return Math.sign(Number(left) - Number(right));
  if (leftNumeric !== rightNumeric) return leftNumeric ? -1 : 1;
  const order = left.localeCompare(right, "en", { sensitivity: "base" });
  return Math.sign(order);
}

/** SemVer precedence (metadata ignored, pre-release labels case-insensitive as NuGet compares them). */
export function compareOctopusVersions(left: string, right: string): number {
  const a = parseOctopusVersion(left);
  const b = parseOctopusVersion(right);
  if (!a || !b) return left.localeCompare(right);
  for (let index = 0; index < 4; index += 1) {
    const difference = a.numbers[index]! - b.numbers[index]!;
    if (difference !== 0) return Math.sign(difference);
  }
  if (a.preRelease.length === 0 || b.preRelease.length === 0) {
    return Math.sign(b.preRelease.length - a.preRelease.length);
  }
  const length = Math.min(a.preRelease.length, b.preRelease.length);
  for (let index = 0; index < length; index += 1) {
    const order = comparePreReleaseIdentifier(a.preRelease[index]!, b.preRelease[index]!);
    if (order !== 0) return order;
  }
  return Math.sign(a.preRelease.length - b.preRelease.length);
}

/** A server version such as `2019.8.7` or `2025.1.10342`, compared part by part. */
export function isServerVersionAtLeast(version: string, minimum: string): boolean {
  const parts = version.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const wanted = minimum.split(".").map((part) => Number.parseInt(part, 10));
  for (let index = 0; index < wanted.length; index += 1) {
    const difference = (parts[index] ?? 0) - wanted[index]!;
    if (difference !== 0) return difference > 0;
  }
  return true;
}
