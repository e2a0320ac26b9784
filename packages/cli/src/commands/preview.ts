import { BuildInfoError, didYouMean } from "@buildinfo/core";
import { flag, stringValue, stringValues } from "../args";
import { gatherBuildInformation } from "../gather";
import { withClient } from "../open-client";
import { buildPreview, type PreviewInput, parseWithPackage } from "../preview/build-preview";
import {
  type PreviewFormat,
  previewFormats,
  previewHtml,
  previewJson,
  previewMarkdown,
  previewText,
} from "../preview/format-preview";
import { readInputFile } from "../read-input-file";
import { type CommandContext, EXIT_OK, runCommand } from "../run-command";
import { resolveConnection } from "../settings/connection";
import { previewOptions } from "../settings/option-specs";
import { packagesFromArgs } from "../settings/packages";
import { trackerFlagsFrom } from "../settings/tracker-flags";

/** `preview`: what Octopus will make of this build, as push takes it; nothing is written anywhere. */
export function run(name: string, args: string[]): Promise<number> {
  return runCommand(name, args, {
    options: previewOptions,
    // JSON is data; markdown and HTML are documents: either way nothing else may go to stdout.
    stdoutIsData: (values) => formatOf(values) !== "text",
    stdoutIsText: (values) => formatOf(values) !== "json",
    body: preview,
  });
}

function formatOf(values: CommandContext["values"]): PreviewFormat {
  const raw = stringValue(values, "format")?.trim().toLowerCase() ?? "text";
  if ((previewFormats as readonly string[]).includes(raw)) return raw as PreviewFormat;
  throw new BuildInfoError("E_USAGE", `Unknown preview format '${raw}' (from --format).`, {
    hint: `${didYouMean(raw, previewFormats)}Use one of: ${previewFormats.join(", ")}.`,
    source: "--format",
  });
}

async function preview(context: CommandContext): Promise<number> {
  const { values, env, logger } = context;
  // Everything the user gave is checked before anything is read from a server.
  const format = formatOf(values);
  const { packages, duplicates } = packagesFromArgs(values);
  const withPackages = stringValues(values, "with-package").map(parseWithPackage);
  const projectName = stringValue(values, "project");
  const environmentName = stringValue(values, "environment");
  const deploymentChanges = flag(values, "deployment-changes");
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
  const needsServer = projectName !== undefined || withPackages.length > 0;
  const connection = resolveConnection(values, env, { required: needsServer });
  const templatePath = stringValue(values, "template");
  const template = templatePath === undefined ? undefined : await readTemplate(templatePath);
  const buildInformation = await gatherBuildInformation(context);
  if (duplicates.length > 0) logger.warn(`ignored repeated package ids: ${duplicates.join(", ")}`);

  const input: PreviewInput = {
    packages,
    buildInformation,
    trackerFlags: trackerFlagsFrom(values, env),
    template,
    projectName,
    withPackages,
    environmentName,
    space: connection?.space,
  };
  const result =
    connection === undefined
      ? await buildPreview(input, undefined)
      : await withClient(connection, env, logger, (client) => buildPreview(input, client));
  const render = { text: previewText, markdown: previewMarkdown, html: previewHtml, json: previewJson }[
    format
  ];
  context.output(render(result));
  // In text, the notes are already on stdout; elsewhere what to look at goes to the log.
  if (format !== "text" && format !== "json") {
    for (const diagnostic of result.diagnostics) logger.warn(`${diagnostic.source}: ${diagnostic.message}`);
  }
  return EXIT_OK;
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
