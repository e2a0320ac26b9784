import { afterEach, describe, expect, it } from "vitest";
import { describeUnexpected } from "../src/describe-unexpected";

describe("describeUnexpected", () => {
  const saved = process.env.BUILDINFO_DEBUG;
  afterEach(() => {
    if (saved === undefined) delete process.env.BUILDINFO_DEBUG;
    else process.env.BUILDINFO_DEBUG = saved;
  });

  it("gives one line with the error's name and message, no stack", () => {
    delete process.env.BUILDINFO_DEBUG;
    const text = describeUnexpected(new TypeError("x is not\na function"));
    expect(text).toMatch(/^TypeError: x is not a function \(set BUILDINFO_DEBUG=1/);
    expect(text).not.toContain("\n");
  });

  it("adds the stack only with BUILDINFO_DEBUG=1", () => {
    process.env.BUILDINFO_DEBUG = "1";
    expect(describeUnexpected(new Error("boom"))).toMatch(/^Error: boom\n.*\n\s+at /s);
  });

  it("describes a thrown non-error", () => {
    delete process.env.BUILDINFO_DEBUG;
    expect(describeUnexpected("plain")).toMatch(/^plain \(set BUILDINFO_DEBUG=1/);
  });
});
