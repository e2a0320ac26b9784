import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

// zod's mini build with only the English messages: the full build and its 60 locales took a third
// of a push's start-up (docs/performance.md).
z.config(en());

/** One commit as Octopus takes it: only `Id` and `Comment` are input fields (the server computes `LinkUrl`). */
export interface Commit {
  /** The commit SHA (the changeset number for TFVC); never empty. */
  Id: string;
  /** The whole message. */
  Comment: string;
}

/** The two VCS types Octopus gives commit and work-item links to. */
export type VcsType = "Git" | "TFVC";

/**
 * The `OctopusBuildInformation` wire object, exactly as Octopus takes it (PascalCase), after
 * normalisation. It is also the content of the `octo build-information --file` format. Written out as
 * plain types (not zod's), so a plugin author's compiler needs no zod settings; the schema below checks
 * values and is held to these types at compile time.
 */
export interface BuildInformation {
  BuildEnvironment: string;
  BuildNumber?: string | undefined;
  BuildUrl?: string | undefined;
  Branch?: string | undefined;
  VcsType: VcsType;
  VcsRoot?: string | undefined;
  VcsCommitNumber?: string | undefined;
  Commits: Commit[];
}

const commitSchema = z.object({
  Id: z.string().check(z.minLength(1)),
  Comment: z.string(),
});

/** Everything but `Git` and `TFVC` is rejected. */
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

/** `BuildInformation`'s checks: the one source of truth of what a valid value is. */
export const buildInformationSchema = z.object({ ...envelopeShape, Commits: z.array(commitSchema) });

/** True only when `A` and `B` are each assignable to the other and have the same keys. */
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;
// These do not compile when the schema and the plain types above disagree.
const _commitIsTheSchemas: Same<Commit, z.infer<typeof commitSchema>> = true;
const _vcsTypeIsTheSchemas: Same<VcsType, z.infer<typeof vcsTypeSchema>> = true;
const _buildInformationIsTheSchemas: Same<BuildInformation, z.infer<typeof buildInformationSchema>> = true;

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
