// The one declarative list of the CLI's options: each flag's spellings, environment fallbacks, type,
// default, help line, docs line and the commands that take it. The parser, the zod schema, `--help`,
// shell completion and docs/cli.md's flag tables are all made from it. Plain data only: `--help`
// loads this module, so it imports nothing at run time (no zod, no registry).
import type { AdapterOptionSpec } from "@buildinfo/core";

export const commandNames = [
  "collect",
  "push",
  "build-information",
  "preview",
  "list",
  "view",
  "delete",
  "serve",
  "completion",
  "conformance",
] as const;
export type CommandName = (typeof commandNames)[number];

export function isCommandName(name: string): name is CommandName {
  return (commandNames as readonly string[]).includes(name);
}

/**
 * What a value is: free text, a switch, a whole number within `bounds`, a duration (seconds like octo,
 * or `500ms`, `30s`, `2m`; milliseconds in the settings), or one of `choices` (any case).
 */
export type OptionKind = "text" | "boolean" | "integer" | "duration" | "choice";

/** Another spelling of a flag; one letter is a short form (`-p`). `commands`: only there. */
export interface OptionAlias {
  readonly flag: string;
  readonly commands?: readonly CommandName[];
  /** Said in a warning when this spelling is used: what to write instead. */
  readonly deprecated?: string;
}

/** Where help and the docs list an option. */
export type OptionSection =
  | "package"
  | "preview"
  | "trackers"
  | "list"
  | "output-file"
  | "collection"
  | "adapter"
  | "overrides"
  | "deployed"
  | "connection"
  | "serve"
  | "conformance"
  | "octo"
  | "logging";

/** The order of the sections in help and the docs. */
export const sectionOrder: readonly OptionSection[] = [
  "package",
  "preview",
  "trackers",
  "list",
  "output-file",
  "collection",
  "adapter",
  "overrides",
  "deployed",
  "connection",
  "octo",
  "serve",
  "conformance",
  "logging",
];

export interface OptionDefinition {
  /** The long flag without dashes, as help and the docs show it. */
  readonly flag: string;
  /** The value's key in the settings (an adapter option's: its manifest key). */
  readonly key: string;
  readonly kind: OptionKind;
  readonly aliases?: readonly (string | OptionAlias)[];
  /** Environment variables read, in this order, when no flag gives the value (blank ones are skipped). */
  readonly env?: readonly string[];
  /** May be given several times; the settings hold every value, in order. */
  readonly repeatable?: boolean;
  readonly choices?: readonly string[];
  readonly bounds?: { readonly min: number; readonly max: number };
  /** The placeholder of the value in help and the docs: `URL`, `ID`. */
  readonly valueName?: string;
  /** The default, as help and the docs say it (the code that applies it says it too). */
  readonly default?: string;
  /** One line of `--help`. */
  readonly help: string;
  /** The line of docs/cli.md's flag table; `help` when absent. */
  readonly docs?: string;
  readonly commands: readonly CommandName[];
  readonly section: OptionSection;
  /** A credential: removed from every output. */
  readonly secret?: true;
  /** Accepted only to be refused with this message and hint (a flag of octo's we will not honour). */
  readonly refused?: { readonly message: string; readonly hint: string };
  /** What completion offers for the value. */
  readonly complete?: "file" | "adapters" | "overwrite-modes";
  /** An adapter's option, from its manifest (its value goes to the adapter, not the settings). */
  readonly adapter?: true;
}

/** The commands that gather build information from the build (preview as push takes it). */
const collectAndPush = ["collect", "push", "build-information", "preview"] as const;
const pushes = ["push", "build-information"] as const;
const packageCommands = ["push", "build-information", "preview"] as const;
const octopusCommands = ["push", "build-information", "preview", "list", "view", "delete"] as const;
/** The commands that take the logging flags: all but `completion` and `conformance`. */
const loggingCommands = commandNames.filter((name) => name !== "completion" && name !== "conformance");
const previews = ["preview"] as const;
/** The commands that reach Octopus: collect only with --since-deployed. */
const octopusReaders = [...octopusCommands, "collect"] as const;
/** The commands that follow a deployment (`--since-deployed`). */
const sinceDeployedCommands = ["collect", "push", "build-information", "preview"] as const;
const octo = ["build-information"] as const;
const conformance = ["conformance"] as const;
const octoLogLevels = ["verbose", "debug", "trace", "information", "warning", "error", "fatal"] as const;

/** Every option of the CLI's own (adapters add theirs from their manifests: `adapterOptionDefinitions`). */
export const cliOptions = [
  {
    flag: "package-id",
    key: "packageIds",
    kind: "text",
    repeatable: true,
    aliases: [{ flag: "p", commands: octo }],
    valueName: "ID",
    help: "package id (repeatable; collect: the package whose deployed commit --since-deployed starts from)",
    docs: "A package id (repeatable). Ids are validated as Octopus does (`Acme.Web`, `com.acme:web`, `acme/web`) and de-duplicated case-insensitively, like `octo`. `collect` takes one, with `--since-deployed`: the package whose deployed commit the range starts from.",
    commands: ["collect", ...packageCommands],
    section: "package",
  },
  {
    flag: "version",
    key: "version",
    kind: "text",
    valueName: "VERSION",
    help: "package version (SemVer 2 or 4-part numeric)",
    docs: "The packages' version: SemVer 2 or a 4-part numeric version (`1.2.3.4`).",
    commands: packageCommands,
    section: "package",
  },
  {
    flag: "overwrite-mode",
    key: "overwriteMode",
    kind: "text",
    aliases: [
      { flag: "overwrite", commands: octo },
      { flag: "overwritemode", commands: octo },
    ],
    valueName: "MODE",
    default: "FailIfExists; IgnoreIfExists on a CI re-run",
    help: "FailIfExists|IgnoreIfExists|OverwriteExisting (also fail|ignore|overwrite)",
    docs: "`FailIfExists`, `IgnoreIfExists`, `OverwriteExisting`; also `fail`, `ignore`, `overwrite` (and `replace`), in any case.",
    commands: pushes,
    section: "package",
    complete: "overwrite-modes",
  },
  {
    flag: "concurrency",
    key: "concurrency",
    kind: "integer",
    bounds: { min: 1, max: 1000 },
    valueName: "N",
    default: "64",
    help: "packages pushed at once",
    docs: "Packages pushed at once (sized from what an Octopus server takes: 60 packages go in one wave, 2,000 never open 2,000 sockets; see [reference](reference/octopus-server-capacity.md)).",
    commands: pushes,
    section: "package",
  },
  {
    flag: "dry-run",
    key: "dryRun",
    kind: "boolean",
    help: "validate and print the requests that would be sent; send nothing",
    docs: "Validate everything and print, as JSON on stdout, each request that would be sent. Nothing is sent; the server and credentials may be absent.",
    commands: pushes,
    section: "package",
  },
  {
    flag: "template",
    key: "template",
    kind: "text",
    valueName: "FILE",
    help: "render this release notes template (UTF-8)",
    docs: "Render this release notes template (an Octostache template, UTF-8) over the release's packages; wins over `--project`'s own.",
    commands: previews,
    section: "preview",
    complete: "file",
  },
  {
    flag: "with-package",
    key: "withPackages",
    kind: "text",
    repeatable: true,
    valueName: "ID:VERSION",
    help: "another package of the release, its build information read from the server (repeatable)",
    docs: "Another package of the release (repeatable); its build information is read from the server, as Octopus reads it when it creates the release.",
    commands: previews,
    section: "preview",
  },
  {
    flag: "deployment-changes",
    key: "deploymentChanges",
    kind: "boolean",
    help: "also render the deployment changes to --environment (needs --project)",
    docs: "Also render the project's deployment changes template (or Octopus's default) over the releases a deployment of this one to `--environment` would bring: those after the last successful deployment there.",
    commands: previews,
    section: "preview",
  },
  {
    flag: "environment",
    key: "environment",
    kind: "text",
    valueName: "NAME",
    help: "the environment of --deployment-changes",
    commands: previews,
    section: "preview",
  },
  {
    flag: "format",
    key: "format",
    kind: "choice",
    choices: ["text", "markdown", "html", "json"],
    valueName: "FORMAT",
    default: "text",
    help: "text, markdown (the notes), html (one self-contained page) or json",
    docs: "`text` for a terminal or build log; `markdown`, the rendered notes alone; `html`, one self-contained page (the record view and the notes as Octopus shows them; no script, nothing loaded from the network); `json` (the schema below).",
    commands: previews,
    section: "preview",
  },
  {
    flag: "github-base-url",
    key: "githubBaseUrl",
    kind: "text",
    env: ["BUILDINFO_GITHUB_BASE_URL"],
    valueName: "URL",
    help: "Octopus has a GitHub issue tracker with this base URL (e.g. https://github.com)",
    docs: "Octopus has a GitHub issue tracker with this base URL (e.g. `https://github.com`). Any tracker flag replaces what the server's settings say. On `serve`, the local server's GitHub tracker: records, releases and deployments list the GitHub work items Octopus would, each described by its number (it does not read GitHub).",
    commands: [...packageCommands, "serve"],
    section: "trackers",
  },
  {
    flag: "jira-base-url",
    key: "jiraBaseUrl",
    kind: "text",
    env: ["BUILDINFO_JIRA_BASE_URL"],
    valueName: "URL",
    help: "Octopus has a Jira integration with this base URL (e.g. https://acme.atlassian.net)",
    commands: [...packageCommands],
    section: "trackers",
  },
  {
    flag: "azure-devops-base-url",
    key: "azureDevOpsBaseUrl",
    kind: "text",
    env: ["BUILDINFO_AZURE_DEVOPS_BASE_URL"],
    valueName: "URL",
    help: "Octopus has an Azure DevOps issue tracker connection for this organisation URL",
    commands: [...packageCommands],
    section: "trackers",
  },
  {
    flag: "azure-devops-pat",
    key: "azureDevOpsPat",
    kind: "text",
    // SYSTEM_ACCESSTOKEN: the pipeline's job token, which the Azure DevOps adapter reads too.
    env: ["BUILDINFO_AZURE_DEVOPS_PAT", "SYSTEM_ACCESSTOKEN"],
    valueName: "TOKEN",
    help: "read the build's Azure DevOps work items with this personal access token, as Octopus's connection does",
    docs: "A personal access token (or the pipeline's `$(System.AccessToken)`) with which the preview reads an Azure DevOps build's work items as Octopus's connection does: sent as Octopus sends it (`Authorization: Basic` with an empty user name), and only when the build's project URL is under `--azure-devops-base-url`. Without it the preview lists none of them.",
    commands: ["preview"],
    section: "trackers",
    secret: true,
  },
  {
    flag: "azure-devops-release-note-prefix",
    key: "azureDevOpsReleaseNotePrefix",
    kind: "text",
    env: ["BUILDINFO_AZURE_DEVOPS_RELEASE_NOTE_PREFIX"],
    valueName: "TEXT",
    help: "the Release Note Prefix of Octopus's Azure DevOps connection",
    docs: "The Release Note Prefix of Octopus's Azure DevOps connection: a work item's last comment that starts with it (any case) describes it. Read only with `--azure-devops-pat`.",
    commands: ["preview"],
    section: "trackers",
  },
  {
    flag: "package-id",
    key: "packageId",
    kind: "text",
    valueName: "ID",
    help: "only this package",
    commands: ["list"],
    section: "list",
  },
  {
    flag: "filter",
    key: "filter",
    kind: "text",
    valueName: "TEXT",
    help: "versions containing TEXT",
    docs: "Versions containing TEXT (some servers refuse it together with `--package-id`).",
    commands: ["list"],
    section: "list",
  },
  {
    flag: "latest",
    key: "latest",
    kind: "boolean",
    help: "only the latest version of each package",
    commands: ["list"],
    section: "list",
  },
  {
    flag: "skip",
    key: "skip",
    kind: "integer",
    bounds: { min: 0, max: 1_000_000_000 },
    valueName: "N",
    help: "records to skip (paging)",
    commands: ["list"],
    section: "list",
  },
  {
    flag: "take",
    key: "take",
    kind: "integer",
    bounds: { min: 1, max: 1_000_000 },
    valueName: "N",
    default: "the server's, 30",
    help: "records to show (paging)",
    commands: ["list"],
    section: "list",
  },
  {
    flag: "json",
    key: "json",
    kind: "boolean",
    help: "print the result as JSON on stdout (the push summary, the page, the record)",
    docs: "Print the result as JSON on stdout: push's summary (see _Output_), or the server's page or record unchanged.",
    commands: ["push", "build-information", "list", "view", "delete"],
    section: "logging",
  },
  {
    flag: "output",
    key: "output",
    kind: "text",
    valueName: "FILE",
    help: "write the file there instead of stdout (UTF-8, PascalCase)",
    docs: "Write the file there, atomically (a new file in the same directory renamed over it; a symlink is replaced, not followed); stdout stays empty.",
    commands: ["collect"],
    section: "output-file",
    complete: "file",
  },
  {
    flag: "from",
    key: "from",
    kind: "text",
    valueName: "ADAPTER",
    default: "detected from the environment",
    help: "collect with this build server's adapter",
    docs: "Collect with this server's adapter instead of detecting it: an id of the [detection table](#build-server-detection). Not with `--file`.",
    commands: collectAndPush,
    section: "collection",
    complete: "adapters",
  },
  {
    flag: "file",
    key: "file",
    kind: "text",
    valueName: "FILE",
    help: "read an octo build-information file instead of collecting (UTF-8 or UTF-16 with BOM)",
    docs: "Read the build information from an `octo build-information` file instead of collecting it (UTF-8, or UTF-16 with a BOM; keys in any case). A regular file of at most 64 MiB (a pipe, device or directory is refused, exit 2).",
    commands: collectAndPush,
    section: "collection",
    complete: "file",
  },
  {
    flag: "commit-cap",
    key: "commitCap",
    kind: "integer",
    bounds: { min: 1, max: 10_000_000 },
    valueName: "N",
    default: "10000",
    help: "keep at most N commits, newest first",
    docs: "Keep at most N commits, newest first; a warning says how many were dropped.",
    commands: collectAndPush,
    section: "collection",
  },
  {
    flag: "since",
    key: "since",
    kind: "text",
    valueName: "REV",
    help: "take the commits REV..HEAD from the checkout",
    docs: "Take the commits `REV..HEAD` (the build's commit) from the local checkout instead of what the server's API gave.",
    commands: collectAndPush,
    section: "collection",
  },
  {
    flag: "strict",
    key: "strict",
    kind: "boolean",
    help: "fail where the default degrades (a build server's API failed, history missing, a push guard)",
    docs: "Fail (exit 1, or 2 for missing history) where the default degrades: by default a build server's API that failed, or a commit range whose start the checkout lacks, is a warning and the head commit alone is sent, marked incomplete. Also fails (exit 2) where `--since-deployed` would fall back to the build server's own range, and on what the `--project` checks of a push find.",
    commands: collectAndPush,
    section: "collection",
  },
  {
    flag: "build-server-timeout",
    key: "buildServerTimeoutMs",
    kind: "duration",
    aliases: [
      {
        flag: "timeout",
        commands: ["collect"],
        deprecated: "--build-server-timeout (collect reads no Octopus API, so --timeout meant this here)",
      },
    ],
    valueName: "DURATION",
    default: "60s",
    help: "deadline of each request to the build server's API, retries included",
    docs: "Deadline of each request to the build server's API, retries included: seconds, or `500ms`, `30s`, `2m`, from 1 ms to 24 h. The API is optional (the checkout is the fallback), so a request that gets no answer, or a 5xx/429, is tried twice, not five times. `collect --timeout` still means this (with a warning).",
    commands: collectAndPush,
    section: "collection",
  },
  {
    flag: "build-environment",
    key: "buildEnvironment",
    kind: "text",
    valueName: "NAME",
    help: "the BuildEnvironment (the build server's name)",
    commands: collectAndPush,
    section: "overrides",
  },
  {
    flag: "build-number",
    key: "buildNumber",
    kind: "text",
    valueName: "N",
    help: "the BuildNumber",
    commands: collectAndPush,
    section: "overrides",
  },
  {
    flag: "build-url",
    key: "buildUrl",
    kind: "text",
    valueName: "URL",
    help: "the BuildUrl: the link to this build",
    commands: collectAndPush,
    section: "overrides",
  },
  {
    flag: "branch",
    key: "branch",
    kind: "text",
    valueName: "NAME",
    help: "the Branch",
    commands: collectAndPush,
    section: "overrides",
  },
  {
    flag: "vcs-type",
    key: "vcsType",
    kind: "text",
    valueName: "Git|TFVC",
    help: "the VcsType (any server's spelling; svn and others are rejected)",
    commands: collectAndPush,
    section: "overrides",
  },
  {
    flag: "vcs-root",
    key: "vcsRoot",
    kind: "text",
    valueName: "URL",
    help: "the VcsRoot (credentials and .git are removed)",
    commands: collectAndPush,
    section: "overrides",
  },
  {
    flag: "commit",
    key: "vcsCommitNumber",
    kind: "text",
    valueName: "SHA",
    help: "the VcsCommitNumber: the build's commit",
    commands: collectAndPush,
    section: "overrides",
  },
  {
    flag: "since-deployed",
    key: "sinceDeployed",
    kind: "text",
    valueName: "ENVIRONMENT",
    help: "the commits since the release --project last deployed to ENVIRONMENT, per package",
    docs: "Send, for each package, the commits since the commit of the release last deployed successfully to this environment (by name or `Environments-N`), read from Octopus. Needs `--project`; not with `--since` or `--file`. See [since-deployed.md](since-deployed.md).",
    commands: sinceDeployedCommands,
    section: "deployed",
  },
  {
    flag: "project",
    key: "project",
    kind: "text",
    valueName: "NAME",
    help: "the Octopus project (by name or Projects-N): --since-deployed's; push checks its releases; preview renders its templates",
    docs: "The Octopus project deploying the packages, by name or `Projects-N`. With `--since-deployed`, whose deployment to follow; on `push`, also the project the push is checked against (a release that already uses the package version, an id the feed or the steps spell otherwise, the same version in two feeds): warnings, or failures with `--strict`. On `preview`, the project whose release notes template is rendered (read through the API; needs `--server`), and whose deployment changes `--deployment-changes` renders.",
    commands: sinceDeployedCommands,
    section: "deployed",
  },
  {
    flag: "channel",
    key: "channel",
    kind: "text",
    valueName: "NAME",
    default: "every channel",
    help: "only --since-deployed deployments of this channel",
    docs: "With `--since-deployed`, only deployments of this channel of the project (by name or `Channels-N`).",
    commands: sinceDeployedCommands,
    section: "deployed",
  },
  {
    flag: "tenant",
    key: "tenant",
    kind: "text",
    valueName: "NAME",
    default: "untenanted deployments",
    help: "only --since-deployed deployments for this tenant (needed for a tenants-only project)",
    docs: "With `--since-deployed`, only this tenant's deployments (by name or `Tenants-N`); without it, the untenanted ones. A project that deploys only to tenants needs it.",
    commands: sinceDeployedCommands,
    section: "deployed",
  },
  {
    flag: "server",
    key: "server",
    kind: "text",
    env: ["OCTOPUS_URL", "OCTOPUS_CLI_SERVER"],
    valueName: "URL",
    help: "Octopus server URL",
    docs: "Octopus server, e.g. `https://octopus.example.com` (a virtual directory such as `/octopus` is kept; a trailing `/app` or `/api` is dropped; a query or fragment is refused).",
    commands: octopusReaders,
    section: "connection",
  },
  {
    flag: "api-key",
    key: "apiKey",
    kind: "text",
    // octo's spelling, and the one the official TeamCity plugin passes (OctopusBuildInformationBuildProcess.java).
    aliases: ["apiKey", "apikey"],
    env: ["OCTOPUS_API_KEY", "OCTOPUS_CLI_API_KEY"],
    valueName: "KEY",
    help: "API key",
    docs: "API key, sent as `X-Octopus-ApiKey`.",
    commands: octopusReaders,
    section: "connection",
    secret: true,
  },
  {
    flag: "access-token",
    key: "accessToken",
    kind: "text",
    env: ["OCTOPUS_ACCESS_TOKEN"],
    valueName: "TOKEN",
    help: "bearer access token",
    docs: "Access token (e.g. from an OIDC exchange), sent as `Authorization: Bearer`.",
    commands: octopusReaders,
    section: "connection",
    secret: true,
  },
  {
    flag: "service-account-id",
    key: "serviceAccountId",
    kind: "text",
    env: ["OCTOPUS_SERVICE_ACCOUNT_ID"],
    valueName: "ID",
    help: "sign in with OIDC as this service account",
    docs: "Sign in with OpenID Connect as this service account: the CI's identity token is exchanged at the server for an access token (as `OctopusDeploy/login` does).",
    commands: octopusReaders,
    section: "connection",
  },
  {
    flag: "id-token",
    key: "idToken",
    kind: "text",
    env: ["OCTOPUS_ID_TOKEN"],
    valueName: "JWT",
    help: "the CI's OIDC token to exchange (requested automatically in GitHub Actions with id-token: write)",
    docs: "The identity token to exchange. In GitHub Actions it is requested automatically (audience = the service account id) when the workflow grants `permissions: id-token: write`.",
    commands: octopusReaders,
    section: "connection",
    secret: true,
  },
  {
    flag: "space",
    key: "space",
    kind: "text",
    aliases: [{ flag: "s", commands: octo }],
    env: ["OCTOPUS_SPACE"],
    valueName: "NAME|Spaces-N",
    default: "the server's default space",
    help: "space name or id",
    docs: "Space by name or id.",
    commands: octopusReaders,
    section: "connection",
  },
  {
    flag: "timeout",
    key: "timeoutMs",
    kind: "duration",
    valueName: "DURATION",
    default: "180s",
    help: "deadline of each Octopus call, retries included (seconds like octo, or 500ms, 30s, 2m)",
    docs: "Deadline of each Octopus call (a whole push fan-out included), retries included: seconds like `octo` (`600`), or `500ms`, `30s`, `2m`, from 1 ms to 24 h. Octopus only: the build server's API has `--build-server-timeout`.",
    commands: octopusCommands,
    section: "connection",
  },
  {
    flag: "output-format",
    key: "outputFormat",
    kind: "choice",
    choices: ["json", "table", "basic"],
    aliases: ["outputFormat", "f"],
    valueName: "FORMAT",
    help: "the Go CLI's output format: json = --json; table and basic = the text summary",
    commands: octo,
    section: "octo",
  },
  {
    flag: "logLevel",
    key: "logLevel",
    kind: "choice",
    choices: octoLogLevels,
    valueName: "LEVEL",
    help: "octo's log level: verbose, debug and trace = --verbose; the others change nothing",
    commands: octo,
    section: "octo",
  },
  {
    flag: "no-prompt",
    key: "noPrompt",
    kind: "boolean",
    help: "accepted (this CLI never prompts)",
    commands: octo,
    section: "octo",
  },
  {
    flag: "enable-service-messages",
    key: "enableServiceMessages",
    kind: "boolean",
    aliases: ["enableServiceMessages"],
    help: "accepted (service messages are written whenever TEAMCITY_VERSION is set)",
    commands: octo,
    section: "octo",
  },
  {
    flag: "ignoreSslErrors",
    key: "ignoreSslErrors",
    kind: "boolean",
    help: "refused: TLS certificates are always verified (use NODE_EXTRA_CA_CERTS)",
    commands: octo,
    section: "octo",
    refused: {
      message: "--ignoreSslErrors is not supported: TLS certificates are always verified.",
      hint: "Trust your server's certificate authority with NODE_EXTRA_CA_CERTS=/path/to/ca.pem instead.",
    },
  },
  {
    flag: "port",
    key: "port",
    kind: "integer",
    bounds: { min: 0, max: 65_535 },
    valueName: "N",
    default: "a free port",
    help: "port to listen on",
    commands: ["serve"],
    section: "serve",
  },
  {
    flag: "host",
    key: "host",
    kind: "text",
    valueName: "ADDRESS",
    default: "127.0.0.1",
    help: "address to listen on and accept as Host",
    commands: ["serve"],
    section: "serve",
  },
  {
    flag: "api-key",
    key: "acceptedApiKey",
    kind: "text",
    valueName: "KEY",
    default: "a random key, new at every start",
    help: "the API key the server accepts",
    commands: ["serve"],
    section: "serve",
    secret: true,
  },
  {
    flag: "space",
    key: "spaces",
    kind: "text",
    repeatable: true,
    valueName: "NAME",
    default: "Default",
    help: "spaces to create (repeatable; the first is the default)",
    commands: ["serve"],
    section: "serve",
  },
  {
    flag: "persist",
    key: "persist",
    kind: "text",
    valueName: "FILE",
    help: "keep the server's state (records, projects, releases, deployments, …) in this JSON file across restarts",
    commands: ["serve"],
    section: "serve",
    complete: "file",
  },
  {
    flag: "plugin",
    key: "plugin",
    kind: "text",
    valueName: "COMMAND",
    help: "the plugin's command line, run by a shell in each case's checkout ({packageId} and {version} replaced)",
    docs: "The command that pushes build information with the plugin under test, run once per case (twice for a re-run) in the case's checkout by `/bin/sh -c` (`bash -c` for a case whose variable names sh cannot hold; `cmd.exe /d /s /c` on Windows) with the build's environment and `OCTOPUS_URL`, `OCTOPUS_API_KEY`, `OCTOPUS_SPACE`, `CONFORMANCE_PACKAGE_ID`, `CONFORMANCE_VERSION`; `{packageId}` and `{version}` in it are replaced by the package to push. See [conformance.md](conformance.md).",
    commands: conformance,
    section: "conformance",
  },
  {
    flag: "server",
    key: "conformanceServers",
    kind: "text",
    repeatable: true,
    valueName: "ID",
    default: "every server",
    help: "only this build server's vectors (repeatable)",
    commands: conformance,
    section: "conformance",
    complete: "adapters",
  },
  {
    flag: "case",
    key: "conformanceCases",
    kind: "text",
    repeatable: true,
    valueName: "SERVER/CASE",
    default: "every case of the servers chosen",
    help: "only this case, e.g. jenkins/multibranch-pipeline (repeatable)",
    commands: conformance,
    section: "conformance",
  },
  {
    flag: "format",
    key: "reportFormat",
    kind: "choice",
    choices: ["text", "junit", "json"],
    valueName: "text|junit|json",
    default: "text",
    help: "a matrix for people, JUnit XML for CI, or JSON",
    docs: "`text`: a matrix of cases × rows, then each failure; `junit`: JUnit XML, a suite per server and a test case per row; `json`: every case with its rows, the plugin's output and the requests no exchange answered.",
    commands: conformance,
    section: "conformance",
  },
  {
    flag: "concurrency",
    key: "caseConcurrency",
    kind: "integer",
    bounds: { min: 1, max: 64 },
    valueName: "N",
    default: "4",
    help: "cases run at once",
    commands: conformance,
    section: "conformance",
  },
  {
    flag: "timeout",
    key: "pluginTimeoutMs",
    kind: "duration",
    valueName: "DURATION",
    default: "120s",
    help: "deadline of each run of the plugin (seconds, or 500ms, 30s, 2m)",
    commands: conformance,
    section: "conformance",
  },
  {
    flag: "pass-env",
    key: "passEnv",
    kind: "text",
    repeatable: true,
    valueName: "NAME",
    help: "also give the plugin this variable of the runner's environment, e.g. JAVA_HOME (repeatable)",
    docs: "Also give the plugin this variable of the runner's environment (repeatable). Otherwise only `PATH`, `HOME`, the temp and locale variables (and Windows' system ones) reach it: a CI marker of the machine running the kit would make the plugin believe it runs on another server.",
    commands: conformance,
    section: "conformance",
  },
  {
    flag: "log-format",
    key: "logFormat",
    kind: "choice",
    choices: ["text", "json"],
    valueName: "text|json",
    default: "text",
    help: "stderr log lines for people, or one JSON object per line",
    commands: loggingCommands,
    section: "logging",
  },
  {
    flag: "verbose",
    key: "verbose",
    kind: "boolean",
    aliases: ["debug"],
    help: "debug logging, including the complete payload (secrets redacted)",
    docs: "Debug logging, including the complete request body sent to Octopus (secrets redacted).",
    commands: loggingCommands,
    section: "logging",
  },
] as const satisfies readonly OptionDefinition[];

/** An adapter's options (its manifest's `options`), as the CLI takes them on collect and push. */
export function adapterOptionDefinitions(specs: readonly AdapterOptionSpec[]): OptionDefinition[] {
  const seen = new Set<string>();
  return specs.flatMap((spec): OptionDefinition[] => {
    if (seen.has(spec.flag)) return [];
    seen.add(spec.flag);
    return [
      {
        flag: spec.flag,
        key: spec.key,
        kind: spec.choices !== undefined ? "choice" : spec.integer !== undefined ? "integer" : "text",
        ...(spec.choices === undefined ? {} : { choices: spec.choices }),
        ...(spec.integer === undefined ? {} : { bounds: spec.integer }),
        valueName: spec.valueName,
        help: spec.help,
        commands: collectAndPush,
        section: "adapter",
        adapter: true,
      },
    ];
  });
}

/** The options `command` takes, the CLI's own and the adapters', in the order of their sections. */
export function optionsOf(
  command: CommandName,
  adapterOptions: readonly OptionDefinition[] = [],
): OptionDefinition[] {
  return [...cliOptions, ...adapterOptions]
    .filter((option) => (option.commands as readonly CommandName[]).includes(command))
    .sort((a, b) => sectionOrder.indexOf(a.section) - sectionOrder.indexOf(b.section));
}

/** The other spellings of `option` that `command` accepts. */
export function aliasesOf(option: OptionDefinition, command: CommandName): OptionAlias[] {
  return (option.aliases ?? [])
    .map((alias) => (typeof alias === "string" ? { flag: alias } : alias))
    .filter((alias) => alias.commands === undefined || alias.commands.includes(command));
}

/** `--flag` or `-f`. */
export function dashed(flag: string): string {
  return flag.length === 1 ? `-${flag}` : `--${flag}`;
}

type Definitions = (typeof cliOptions)[number];
type AlwaysSet = Extract<Definitions, { kind: "boolean" } | { repeatable: true }>;
type ValueOf<D> = D extends { kind: "boolean" }
  ? boolean
  : D extends { repeatable: true }
    ? string[]
    : D extends { kind: "integer" | "duration" }
      ? number
      : string;

/**
 * The value of each option, typed by the table: switches are `true`/`false`, repeatable options a list
 * (empty when absent), the rest `undefined` when neither a flag nor a variable gave them. Durations in ms.
 */
export type OptionValues = { [D in AlwaysSet as D["key"]]: ValueOf<D> } & {
  [D in Exclude<Definitions, AlwaysSet> as D["key"]]?: ValueOf<D>;
};

/** A settings key of the table. */
export type OptionKey = Definitions["key"];
