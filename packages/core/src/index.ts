export type { Adapter, AdapterContext, Environment, FileSystem, GitResult, GitRunner, HttpClient, HttpRequestOptions, HttpResponse, Logger } from "./adapter";
export { buildInformationSchema, commitSchema, overwriteModes, vcsTypeSchema } from "./build-information";
export type { BuildInformation, Commit, CreateBuildInformationCommand, OverwriteMode, VcsType } from "./build-information";
export type { BuildInformationDraft, CommitRange, DraftField, RawCommit } from "./draft";
export { BuildInfoError, isBuildInfoError } from "./errors";
export type { BuildInfoErrorOptions, ErrorKind } from "./errors";
