// The API reference of every public library package: api-extractor's report of each package's
// declarations (dist/index.d.ts), written to docs/api/<package>.api.md. With `check: true` nothing is
// written and every package whose surface changed is named, so an export cannot be added or dropped
// by accident. The packages must be built first (npm run setup).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import extractor from "@microsoft/api-extractor";

const { Extractor, ExtractorConfig } = extractor;

/**
 * The public packages with a library entry, by folder: not the CLI (only its command), nor the
 * adapters, which export one `manifest` each (test/registry-completeness.test.ts holds them to it).
 */
export function libraryPackages(root) {
  return ["packages"].flatMap((group) =>
    readdirSync(join(root, group))
      .map((name) => join(group, name))
      .filter((folder) => {
        const manifest = JSON.parse(readFileSync(join(root, folder, "package.json"), "utf8"));
        return !manifest.private && typeof manifest.types === "string";
      }),
  );
}

/** `@buildinfo/adapter-jenkins` → `adapter-jenkins`: the report's file name. */
const reportName = (packageName) => packageName.replace(/^@buildinfo\//, "");

/**
 * Writes (or, with `check`, compares) each package's report. Returns the problems: a changed surface
 * in check mode, a missing build, or an export without its TSDoc line.
 */
export function apiReports(root, { check }) {
  const problems = [];
  const scratch = mkdtempSync(join(tmpdir(), "buildinfo-api-"));
  try {
    for (const folder of libraryPackages(root)) {
      const packageDir = join(root, folder);
      const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
      const entry = join(packageDir, manifest.types);
      if (!existsSync(entry)) {
        problems.push(`${folder} is not built (${manifest.types} is missing): run npm run setup first`);
        continue;
      }
      const config = ExtractorConfig.prepare({
        configObject: {
          projectFolder: packageDir,
          mainEntryPointFilePath: entry,
          bundledPackages: [],
          compiler: {
            overrideTsconfig: {
              compilerOptions: {
                strict: true,
                module: "esnext",
                moduleResolution: "bundler",
                target: "es2022",
                // Node's globals (Buffer) come from the workspace's @types/node.
                types: ["node"],
                typeRoots: [join(root, "node_modules/@types")],
              },
            },
          },
          apiReport: {
            enabled: true,
            reportFileName: reportName(manifest.name),
            reportFolder: join(root, "docs/api"),
            reportTempFolder: scratch,
          },
          docModel: { enabled: false },
          dtsRollup: { enabled: false },
          tsdocMetadata: { enabled: false },
          messages: {
            compilerMessageReporting: { default: { logLevel: "warning" } },
            extractorMessageReporting: {
              default: { logLevel: "warning", addToApiReportFile: true },
              // Release tags (@public, @beta) are not used: every export of a package is its public API.
              "ae-missing-release-tag": { logLevel: "none", addToApiReportFile: false },
            },
            tsdocMessageReporting: { default: { logLevel: "none", addToApiReportFile: false } },
          },
        },
        configObjectFullPath: undefined,
        packageJsonFullPath: join(packageDir, "package.json"),
      });
      const messages = [];
      const result = Extractor.invoke(config, {
        localBuild: !check,
        messageCallback: (message) => {
          // console-* messages report what was written ("Updating …api.md"), not a problem.
          const problem = message.logLevel === "warning" || message.logLevel === "error";
          if (problem && !message.messageId.startsWith("console-"))
            messages.push(`${folder}: ${message.text}`);
          message.handled = true;
        },
      });
      problems.push(...messages);
      if (check && result.apiReportChanged) {
        problems.push(`${folder}'s public API differs from docs/api/${reportName(manifest.name)}.api.md`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return problems;
}

// `node scripts/api-reports.mjs [--check]`: write the reports, or name each package whose API changed.
if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const check = process.argv.includes("--check");
  const root = new URL("..", import.meta.url).pathname;
  const problems = apiReports(root, { check });
  for (const problem of problems) process.stderr.write(`[api-reports] ${problem}\n`);
  if (problems.length > 0) {
    if (check) process.stderr.write("[api-reports] run `npm run generate` and commit docs/api/.\n");
    process.exit(1);
  }
}
