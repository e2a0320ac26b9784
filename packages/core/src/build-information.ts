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

/**
 * The `OctopusBuildInformation` wire object, exactly as Octopus takes it (PascalCase), after
 * normalisation. It is also the content of the `octo build-information --file` format.
 */
export const buildInformationSchema = z.object({
  BuildEnvironment: z.string().check(z.minLength(1)),
  BuildNumber: z.optional(z.string()),
  BuildUrl: z.optional(z.string()),
  Branch: z.optional(z.string()),
  VcsType: vcsTypeSchema,
  VcsRoot: z.optional(z.string()),
  VcsCommitNumber: z.optional(z.string()),
  Commits: z.array(commitSchema),
});

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
