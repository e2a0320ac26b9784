import { describe, expect, it } from "vitest";
import { isBuildInfoError } from "../src/errors";
import { parseOctopusServerUrl } from "../src/octopus-server-url";

describe("parseOctopusServerUrl", () => {
  it("keeps the base address and a virtual directory, dropping a trailing slash, /app, /api and credentials", () => {
    expect(parseOctopusServerUrl(" https://octopus.example.com/ ", "--server")).toBe(
      "https://octopus.example.com",
    );
    expect(parseOctopusServerUrl("https://example.com/octopus/", "OCTOPUS_URL")).toBe(
      "https://example.com/octopus",
    );
    expect(parseOctopusServerUrl("https://octopus.example.com/app", "x")).toBe("https://octopus.example.com");
    expect(parseOctopusServerUrl("https://octopus.example.com/api/", "x")).toBe(
      "https://octopus.example.com",
    );
    expect(parseOctopusServerUrl("https://example.com/octopus/app", "x")).toBe("https://example.com/octopus");
    expect(parseOctopusServerUrl("http://u:p@127.0.0.1:8065", "x")).toBe("http://127.0.0.1:8065");
    // Only a last segment that is exactly app or api: a directory named like them stays.
    expect(parseOctopusServerUrl("https://example.com/apps", "x")).toBe("https://example.com/apps");
  });

  it("refuses what is not an http(s) base address, naming where it came from and never the password", () => {
    const refused = (raw: string) => {
      try {
        parseOctopusServerUrl(raw, "OCTOPUS_URL");
      } catch (error) {
        if (isBuildInfoError(error)) return [error.code, error.exitCode, error.source, error.message];
      }
      return undefined;
    };
    expect(refused("octopus.example.com")).toEqual([
      "E_USAGE",
      2,
      "OCTOPUS_URL",
      "The Octopus server URL 'octopus.example.com' (from OCTOPUS_URL) is not a URL.",
    ]);
    expect(refused("ftp://u:pw-secret@o.example.com")?.[3]).toMatch(
      /^(?!.*pw-secret).*must use http or https\.$/,
    );
    expect(refused("https://o.example.com/app#/Spaces-1")?.[3]).toMatch(/has a query or fragment\.$/);
    expect(refused("https://o.example.com/?x=1")?.[3]).toMatch(/has a query or fragment\.$/);
  });
});
