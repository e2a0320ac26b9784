import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

// zod's mini build with only the English messages: the full build and its 60 locales took a third
// of a push's start-up (docs/performance.md).
z.config(en());

/** One commit as Octopus takes it: only `Id` and `Comment` are input fields (the server computes `LinkUrl`). */
const commitSchema = z.object({
  Id: z.string().check(z.minLength(1)),
  Comment: z.string(),
});

/** The two VCS types Octopus gives commit and work-item links to; everything else is rejected. */
const vcsTypeSchema = z.enum(["Git", "TFVC"]);

/** Every field but `Commits`: the envelope, checked by zod on every parse. */
const envelopeShape = {
  BuildEnvironment: z.string().check(z.minLength(1)),
  BuildNumber: z.optional(z.string()),
  BuildUrl: z.optional(z.string()),
  Branch: z.optional(z.string()),
  VcsType: vcsTypeSchema,
  VcsRoot: z.optional(z.string()),
  VcsCommitNumber: z.optional(z.string()),
};

/**
 * The `OctopusBuildInformation` wire object, exactly as Octopus takes it (PascalCase), after
 * normalisation. It is also the content of the `octo build-information --file` format.
 */
export const buildInformationSchema = z.object({ ...envelopeShape, Commits: z.array(commitSchema) });

const envelopeSchema = z.object(envelopeShape);

/**
 * `commitSchema`'s check, written out: zod's per-element pass over 10,000 commits was a measurable
 * part of a large collect (docs/performance.md). A test proves both agree on fuzzed values.
 */
function isSchemaCommit(value: unknown): value is Commit {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { Id, Comment } = value as Record<string, unknown>;
  return typeof Id === "string" && Id.length > 0 && typeof Comment === "string";
}

/**
 * `buildInformationSchema.safeParse`, with the same result: the envelope through zod, the commits by
 * `isSchemaCommit`; whenever that finds a bad commit, the whole value goes through zod for its message.
 */
export function parseBuildInformation(value: unknown): ReturnType<typeof buildInformationSchema.safeParse> {
  const raw = (value as { Commits?: unknown } | null | undefined)?.Commits;
  if (!Array.isArray(raw)) return buildInformationSchema.safeParse(value);
  const commits: Commit[] = new Array(raw.length);
  // Indexed, not every()/map(): those skip the holes of a sparse array, which zod rejects.
  for (let index = 0; index < raw.length; index++) {
    const commit: unknown = raw[index];
    if (!isSchemaCommit(commit)) return buildInformationSchema.safeParse(value);
    commits[index] = { Id: commit.Id, Comment: commit.Comment };
  }
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) return buildInformationSchema.safeParse(value);
  return { success: true, data: { ...envelope.data, Commits: commits } };
}

export type Commit = z.infer<typeof commitSchema>;
export type VcsType = z.infer<typeof vcsTypeSchema>;
export type BuildInformation = z.infer<typeof buildInformationSchema>;

export const overwriteModes = ["FailIfExists", "IgnoreIfExists", "OverwriteExisting"] as const;
export type OverwriteMode = (typeof overwriteModes)[number];

/** The POST body of `/api/{spaceId}/build-information` (`CreateBuildInformationCommand`). */
export interface CreateBuildInformationCommand {
  SpaceId: string;
  PackageId: string;
  Version: string;
  OverwriteMode: OverwriteMode;
  OctopusBuildInformation: BuildInformation;
}
