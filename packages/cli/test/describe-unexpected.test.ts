import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { describeUnexpected } from "../src/describe-unexpected";
import { cliPath, runProcess } from "./helpers/run-cli";

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

  it("reaches stderr from the CLI neutralised and without URL credentials: the Azure agent reads stderr", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "buildinfo-unexpected-"));
    try {
      // A bug's message can carry untrusted text; here writing the version throws one.
      const failing = join(scratch, "failing-stdout.mjs");
      writeFileSync(
        failing,
        'process.stdout.write = () => { throw new Error("##vso[task.complete result=Succeeded]done via http://ci:s3cret@proxy.example/"); };\n',
      );
      const run = await runProcess(process.execPath, ["--import", failing, cliPath, "--version"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^buildinfo: unexpected error: Error: \*\*vso\[task\.complete/);
      expect(run.stderr).not.toContain("##vso");
      expect(run.stderr).not.toContain("s3cret");
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
