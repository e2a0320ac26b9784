import { describe, expect, it } from "vitest";
import { type AdapterManifest, isDetected, rerunOf } from "../src/index";

const manifest = (fields: Partial<AdapterManifest>): AdapterManifest => ({
  id: "acme",
  displayName: "Acme CI",
  detectWhen: [],
  historyFix: "fetch more",
  loadCollector: () => Promise.reject(new Error("not loaded in this test")),
  ...fields,
});

describe("isDetected", () => {
  const acme = manifest({
    detectWhen: [
      [{ variable: "ACME_CI", equals: "true" }],
      [{ variable: "ACME_URL" }, { variable: "ACME_JOB" }],
    ],
  });

  it("needs every marker of one group", () => {
    expect(isDetected(acme, { ACME_CI: "true" })).toBe(true);
    expect(isDetected(acme, { ACME_URL: "https://ci", ACME_JOB: "shop" })).toBe(true);
    expect(isDetected(acme, { ACME_URL: "https://ci" })).toBe(false);
  });

  it("compares a value trimmed and in any case, and takes a blank variable as unset", () => {
    expect(isDetected(acme, { ACME_CI: " True " })).toBe(true);
    expect(isDetected(acme, { ACME_CI: "false" })).toBe(false);
    expect(isDetected(acme, { ACME_URL: " ", ACME_JOB: "shop" })).toBe(false);
  });

  it("never detects a manifest without groups (the fallback)", () => {
    expect(isDetected(manifest({}), { ACME_CI: "true" })).toBe(false);
  });
});

describe("rerunOf", () => {
  it("names an attempt counter above 1", () => {
    const acme = manifest({ rerun: { variable: "ACME_ATTEMPT", kind: "attempt" } });
    expect(rerunOf(acme, { ACME_ATTEMPT: "2" })).toBe("ACME_ATTEMPT=2");
    expect(rerunOf(acme, { ACME_ATTEMPT: "1" })).toBeUndefined();
    expect(rerunOf(acme, { ACME_ATTEMPT: "x" })).toBeUndefined();
    expect(rerunOf(acme, {})).toBeUndefined();
  });

  it("names a variable set to true, in any case", () => {
    const acme = manifest({ rerun: { variable: "ACME_REBUILD", kind: "true" } });
    expect(rerunOf(acme, { ACME_REBUILD: "True" })).toBe("ACME_REBUILD=True");
    expect(rerunOf(acme, { ACME_REBUILD: "false" })).toBeUndefined();
  });

  it("says nothing for a server without a re-run marker", () => {
    expect(rerunOf(manifest({}), { ACME_ATTEMPT: "3" })).toBeUndefined();
  });
});
