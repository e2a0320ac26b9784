// Plain strings only: this module is loaded for `--help` and must not pull in anything heavy. The
// adapter ids come from the registry, which the entry loads only for a command's help.

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
] as const;
export type CommandName = (typeof commandNames)[number];

export function isCommandName(name: string): name is CommandName {
  return (commandNames as readonly string[]).includes(name);
}

const connection = `Octopus connection:
  --server URL              Octopus server URL              (env OCTOPUS_URL, OCTOPUS_CLI_SERVER)
  --api-key KEY             API key, also --apiKey          (env OCTOPUS_API_KEY, OCTOPUS_CLI_API_KEY)
  --access-token TOKEN      bearer access token             (env OCTOPUS_ACCESS_TOKEN)
  --service-account-id ID   sign in with OIDC as this service account (env OCTOPUS_SERVICE_ACCOUNT_ID)
  --id-token JWT            the CI's OIDC token to exchange (env OCTOPUS_ID_TOKEN; requested
                            automatically in GitHub Actions with id-token: write)
  --space NAME|Spaces-N     space name or id; default space (env OCTOPUS_SPACE)
  --timeout SECONDS         Octopus calls' deadline, retries included (default 180 s;
                            also 30s, 2m, 500ms); also each build-server API request`;

const logging = `Output:
  --log-format text|json    stderr log lines for people (default) or one JSON object per line
  --verbose                 debug logging, including the complete payload (secrets redacted); also --debug`;

const overrides = `Overrides (replace what the build server gave):
  --build-environment NAME  --build-number N     --build-url URL     --branch NAME
  --vcs-type Git|TFVC       --vcs-root URL       --commit SHA`;

const adapterListToken = "{{adapters}}";
const optionIndent = " ".repeat(28);

const collection = `Collection:
  --from ADAPTER            ${adapterListToken}
  --file FILE               read an octo build-information file instead of collecting
                            (UTF-8 or UTF-16 with BOM, keys in any case)
  --commit-cap N            keep at most N commits (default 10000)
  --since REV               take commits REV..HEAD from the checkout
  --vcs-root-id ID          TeamCity: the VCS root to describe when the build has several`;

const trackers = `Issue trackers Octopus has (default: the server's settings, where the key may read them):
  --github-base-url URL     its GitHub tracker's base URL, e.g. https://github.com (env BUILDINFO_GITHUB_BASE_URL)
  --jira-base-url URL       its Jira base URL, e.g. https://acme.atlassian.net   (env BUILDINFO_JIRA_BASE_URL)
  --azure-devops-base-url URL  its Azure DevOps connection's URL                 (env BUILDINFO_AZURE_DEVOPS_BASE_URL)`;

const preview = `Show what Octopus will make of this build, before and without pushing: each package's commit
links and work items (linked, unconfirmed, not linked, and why), and the release notes.

Usage: buildinfo preview --package-id ID [--package-id ID ...] --version VERSION [options]

Preview:
  --package-id ID           package id (repeatable)
  --version VERSION         package version, also the release's number in the notes
  --template FILE           render this release notes template
  --project NAME            the project's own release notes template (needs --server)
  --with-package ID:VERSION another package of the release, its build information read from the server
                            (repeatable)
  --deployment-changes      also render the project's deployment changes template (or Octopus's default)
                            over the releases a deployment to --environment would bring (needs --project)
  --environment NAME        the environment of --deployment-changes
  --format FORMAT           text (default), markdown (the notes), html (one self-contained page), json

${trackers}

${collection}

${overrides}

${connection}

${logging}

Nothing is written to any server. Exit codes: 0 shown; 1 the server or network failed; 2 invalid input.
`;

const push = `Push build information to Octopus for one or more packages.

Usage: buildinfo push --package-id ID [--package-id ID ...] --version VERSION [options]

Package:
  --package-id ID           package id (repeatable)
  --version VERSION         package version (SemVer 2 or 4-part numeric)
  --overwrite-mode MODE     FailIfExists|IgnoreIfExists|OverwriteExisting (also fail|ignore|overwrite);
                            default FailIfExists, IgnoreIfExists on a CI re-run
  --concurrency N           packages pushed at once (default 64)
  --dry-run                 validate and print the requests that would be sent; send nothing
  --json                    print the summary as JSON on stdout

After each package's push, its line says which work items Octopus linked and which the preview expected
that it did not (see 'buildinfo preview'). The trackers it expects: --github-base-url, --jira-base-url,
--azure-devops-base-url (default: GitHub and Jira, so every reference is checked).

${collection}

${overrides}

${connection}

${logging}

Exit codes: 0 every package pushed; 1 the server or network failed, or some packages were not pushed;
2 invalid input or usage (nothing was sent).
`;

const texts: Record<CommandName, string> = {
  completion: `Print the completion script of a shell: commands, options, adapter ids and overwrite modes.

Usage: buildinfo completion bash|zsh|fish|powershell

  bash        source <(buildinfo completion bash)          (e.g. in ~/.bashrc)
  zsh         source <(buildinfo completion zsh)           (e.g. in ~/.zshrc)
  fish        buildinfo completion fish > ~/.config/fish/completions/buildinfo.fish
  powershell  buildinfo completion powershell | Out-String | Invoke-Expression   (e.g. in $PROFILE)
`,
  collect: `Collect build information from this build and print it as an octo build-information file.

Usage: buildinfo collect [--from ADAPTER] [--output FILE] [options]

  --output FILE             write the file there instead of stdout (UTF-8, PascalCase)
  --timeout DURATION        deadline of each request to the build server's API (default 60s)

${collection}

${overrides}

${logging}

stdout carries only the JSON document (unless --output is given). Exit codes: 0 collected;
1 a build-server API failed; 2 invalid input (e.g. an unsupported VCS).
`,
  push,
  preview,
  "build-information": `Alias of 'buildinfo push' that accepts the command line of 'octo build-information', as the
official Jenkins, TeamCity and Bamboo plugins run it:

  buildinfo build-information --server URL --apiKey KEY --space SPACE --package-id ID --version V
                              --file octopus.buildinfo --overwrite-mode MODE [--debug]

and the Go CLI's 'octopus build-information upload' (also 'build-info', 'push'):

  buildinfo build-information upload PkgA PkgB [-p ID] --version V [--file F]
                              [--overwrite|--overwritemode MODE] [-s SPACE] [-f json] [--no-prompt]

Every 'buildinfo push' option is accepted too. See 'buildinfo push --help'.
`,
  list: `List build information stored on the server.

Usage: buildinfo list [--package-id ID] [--filter VERSION-SUBSTRING] [--latest] [--skip N] [--take N] [--json]

  --package-id ID           only this package
  --filter TEXT             versions containing TEXT
  --latest                  only the latest version of each package
  --skip N, --take N        paging (server default take 30)
  --json                    print the server's records as JSON on stdout

${connection}

${logging}
`,
  view: `Show one build-information record.

Usage: buildinfo view <BuildInformation-N> [--json]

${connection}

${logging}
`,
  delete: `Delete one build-information record.

Usage: buildinfo delete <BuildInformation-N> [--json]

${connection}

${logging}
`,
  serve: `Run the local Octopus-compatible build-information server (for trying things out and for tests).

Usage: buildinfo serve [--port N] [--host ADDRESS] [--api-key KEY] [--space NAME ...] [--persist FILE]

  --port N                  port to listen on (default: a free port)
  --host ADDRESS            address to listen on and accept as Host (default 127.0.0.1)
  --api-key KEY             accepted API key (default: a random key, new at every start)
  --space NAME              spaces to create (repeatable; the first is the default; default "Default")
  --persist FILE            keep records in this JSON file across restarts

Prints the server URL on stdout and the API key on stderr; runs until interrupted (Ctrl+C, SIGTERM).
`,
};

/** A command's help; `adapterIds` are the registry's `--from` ids, in detection order. */
export function helpFor(name: CommandName, adapterIds: readonly string[]): string {
  return texts[name].replace(
    adapterListToken,
    wrapWords([...adapterIds, "(default: detected from the environment)"]),
  );
}

function wrapWords(words: readonly string[]): string {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && optionIndent.length + line.length + 1 + word.length > 100) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  return [...lines, line].join(`\n${optionIndent}`);
}

export function generalHelp(): string {
  return `buildinfo — send Octopus Deploy build information from any build server.

Usage: buildinfo <command> [options]

Commands:
  collect             gather build information and print it (the octo file format)
  push                push build information to Octopus for one or more packages
  build-information   alias of push with octo's spellings (--apiKey, --debug)
  preview             what Octopus will make of it: links, work items, release notes (sends nothing)
  list                list build information on the server
  view <id>           show one record
  delete <id>         delete one record
  serve               run the local Octopus-compatible build-information server
  completion <shell>  print the shell completion script (bash, zsh, fish, powershell)
  help <command>      help for a command

Options: --help, --version
Environment: OCTOPUS_URL, OCTOPUS_API_KEY, OCTOPUS_ACCESS_TOKEN, OCTOPUS_SPACE
Exit codes: 0 success; 1 server, network or partial failure; 2 invalid input or usage (nothing sent).
`;
}
