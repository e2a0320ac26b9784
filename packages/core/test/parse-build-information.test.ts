import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildInformationSchema, parseBuildInformation } from "../src/build-information";

const seed = Number(process.env.BUILDINFO_FUZZ_SEED ?? 20261127);

/** A field's value: usually a string (sometimes empty), sometimes anything else. */
const fieldValue = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);

/** A commit as zod may meet it: valid, a field missing or of another type, extra keys, not an object. */
const commit = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ Id: fc.string({ minLength: 1, maxLength: 4 }), Comment: fc.string() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ Id: fieldValue, Comment: fieldValue, Extra: fieldValue }, { requiredKeys: [] }),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);

const commits = fc.oneof(
  { weight: 8, arbitrary: fc.array(commit, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.sparseArray(commit, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);

const envelope = fc.record(
  {
    BuildEnvironment: fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1 }) }, fieldValue),
    BuildNumber: fieldValue,
    BuildUrl: fieldValue,
    Branch: fieldValue,
    VcsType: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom("Git", "TFVC") },
      fc.constantFrom("git", "Subversion"),
      fieldValue,
    ),
    VcsRoot: fieldValue,
    VcsCommitNumber: fieldValue,
    Commits: commits,
    Unknown: fieldValue,
  },
  { requiredKeys: ["BuildEnvironment", "VcsType", "Commits"] },
);

describe("parseBuildInformation", () => {
  it("agrees with buildInformationSchema.safeParse on fuzzed values: same verdict, same data, same message", () => {
    let valid = 0;
    fc.assert(
      fc.property(
        fc.oneof({ weight: 9, arbitrary: envelope }, { weight: 1, arbitrary: fc.anything() }),
        (value) => {
          const ours = parseBuildInformation(value);
          const zod = buildInformationSchema.safeParse(value);
          expect(ours.success).toBe(zod.success);
          if (ours.success && zod.success) {
            valid++;
            expect(ours.data).toStrictEqual(zod.data);
            expect(Object.keys(ours.data)).toEqual(Object.keys(zod.data));
          } else {
            expect(ours.error?.message).toBe(zod.error?.message);
          }
        },
      ),
      { seed, numRuns: 3000 },
    );
    // Both verdicts must be well represented, or the agreement proves little.
    expect(valid).toBeGreaterThan(100);
  });

  it("rejects a commit with an empty Id or a missing Comment, as the schema does", () => {
    const base = { BuildEnvironment: "Jenkins", VcsType: "Git" };
    expect(parseBuildInformation({ ...base, Commits: [{ Id: "", Comment: "x" }] }).success).toBe(false);
    expect(parseBuildInformation({ ...base, Commits: [{ Id: "a" }] }).success).toBe(false);
    expect(parseBuildInformation({ ...base, Commits: [{ Id: "a", Comment: "" }] }).success).toBe(true);
  });
});
