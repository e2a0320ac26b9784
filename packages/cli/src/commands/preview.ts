import { BuildInfoError, type HttpClient } from "@buildinfo/core";
import { type Gathered, gatherBuildInformation, registryOptions } from "../gather";
import { lazyHttpClient } from "../lazy-http-client";
import { withClient } from "../open-client";
import { buildPreview, type PreviewInput, parseWithPackage } from "../preview/build-preview";
import {
  type PreviewFormat,
  previewHtml,
  previewJson,
  previewMarkdown,
  previewText,
} from "../preview/format-preview";
import { readInputFile } from "../read-input-file";
import { type CommandContext, EXIT_OK, runCommand } from "../run-command";
import { resolveConnection } from "../settings/connection";
import type { CommandName } from "../settings/option-table";
import { packagesFromSettings } from "../settings/packages";
import type { Settings } from "../settings/settings";
import { collectSinceDeployed, sinceDeployedOf } from "../since-deployed";

/** `preview`: what Octopus will make of this build, as push takes it; nothing is written anywhere. */
export function run(name: CommandName, args: string[]): Promise<number> {
  return runCommand(name, args, {
    adapterOptions: registryOptions(),
    // JSON is data; Markdown and HTML are documents: either way nothing else may go to stdout.
    stdoutIsData: (settings) => formatOf(settings) !== "text",
    stdoutIsText: (settings) => formatOf(settings) !== "json",
    body: preview,
  });
}

function formatOf(settings: Settings): PreviewFormat {
  return (settings.values.format ?? "text") as PreviewFormat;
}

const renderers = { text: previewText, markdown: previewMarkdown, html: previewHtml, json: previewJson };

async function preview(context: CommandContext): Promise<number> {
  const { settings, env, logger } = context;
  const { values } = settings;
  // Everything the user gave is checked before anything is read from a server.
  const format = formatOf(settings);
  const { packages, duplicates } = packagesFromSettings(settings);
  const withPackages = values.withPackages.map(parseWithPackage);
  const { project: projectName, environment: environmentName, deploymentChanges } = values;
  if (
    deploymentChanges !== (environmentName !== undefined) ||
    (deploymentChanges && projectName === undefined)
  ) {
    throw new BuildInfoError(
      "E_USAGE",
      "--deployment-changes needs --environment and --project, and --environment is only for --deployment-changes.",
      {
        hint: "Pass --deployment-changes --environment NAME --project NAME (with --server) together.",
        source: deploymentChanges ? "--deployment-changes" : "--environment",
      },
    );
  }
  const sinceDeployed = sinceDeployedOf(settings);
  const needsServer = projectName !== undefined || withPackages.length > 0 || sinceDeployed !== undefined;
  const connection = resolveConnection(settings, env, { required: needsServer });
  const template = values.template === undefined ? undefined : await readTemplate(values.template);
  const gathered = await gatherBuildInformation(context, { sinceDeployed: sinceDeployed !== undefined });
  // Azure DevOps's API, read only for an Azure DevOps build with --azure-devops-pat.
  const http = lazyHttpClient(logger, values.buildServerTimeoutMs);
  try {
    if (duplicates.length > 0) logger.warn(`ignored repeated package ids: ${duplicates.join(", ")}`);
    return await show(gathered, http);
  } finally {
    await http.close();
    await gathered.close();
  }

  async function show({ buildInformation, collected }: Gathered, http: HttpClient): Promise<number> {
    const { githubBaseUrl, jiraBaseUrl, azureDevOpsBaseUrl } = values;
    const { azureDevOpsPat, azureDevOpsReleaseNotePrefix } = values;
    const input: PreviewInput = {
      packages,
      buildInformation,
      trackerFlags: {
        githubBaseUrl,
        jiraBaseUrl,
        azureDevOpsBaseUrl,
        azureDevOpsPat,
        azureDevOpsReleaseNotePrefix,
      },
      http,
      template,
      projectName,
      withPackages,
      environmentName,
      space: connection?.space,
    };
    const result =
      connection === undefined
        ? await buildPreview(input, undefined)
        : await withClient(connection, env, logger, async (client) => {
            if (sinceDeployed === undefined || collected === undefined) return buildPreview(input, client);
            // Each package's own commits: those since its deployed one (see since-deployed.ts).
            const ids = packages.map((target) => target.packageId);
            const request = { ...sinceDeployed, space: connection.space };
            const perPackage = await collectSinceDeployed(context, client, collected, ids, request);
            const own = packages.map((target, index) => ({
              ...target,
              buildInformation: perPackage[index]!.collected.buildInformation,
            }));
            return buildPreview({ ...input, packages: own }, client);
          });
    context.output(renderers[format](result));
    // Text shows them on stdout, JSON carries them; beside Markdown and HTML they go to the log.
    if (format === "markdown" || format === "html") {
      for (const diagnostic of result.diagnostics) logger.warn(`${diagnostic.source}: ${diagnostic.message}`);
    }
    return EXIT_OK;
  }
}

async function readTemplate(path: string): Promise<{ text: string; source: string }> {
  const bytes = await readInputFile(path, {
    what: "Template file",
    flag: "--template",
    hint: "Name a release notes template file (UTF-8 text) with --template.",
  });
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), source: path };
  } catch {
    throw new BuildInfoError("E_FILE_FORMAT", `Template file '${path}' is not UTF-8 text.`, {
      hint: "Save the release notes template as UTF-8.",
      source: "--template",
    });
  }
}
