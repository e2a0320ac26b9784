// The whole CLI in one file with esbuild (no code splitting: the commands' dynamic imports are
// inlined). ESM for `release/buildinfo.mjs`; CommonJS for the standalone executables, because a Node 22
// single executable application runs its main script as CommonJS.

import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const cli = fileURLToPath(new URL("../../packages/cli/", import.meta.url));

export async function bundleCli(outfile, format) {
  await build({
    entryPoints: [`${cli}src/cli.ts`],
    outfile,
    format,
    bundle: true,
    splitting: false,
    platform: "node",
    target: "node20",
    // Workspace packages resolve to their sources through the root tsconfig's paths.
    tsconfig: `${cli}tsconfig.build.json`,
    logLevel: "warning",
    legalComments: "eof",
    // V8 scans the whole file even for --version: minifying whitespace and syntax (1.6 MB to 1.1 MB)
    // shortens that start-up (docs/performance.md). Names are kept, so stack traces and messages read
    // as in the sources.
    minifyWhitespace: true,
    minifySyntax: true,
    banner:
      format === "esm"
        ? {
            // undici and pino use require() internally; an ES module has no require of its own.
            js: "import { createRequire as __buildinfoCreateRequire } from 'node:module'; const require = __buildinfoCreateRequire(import.meta.url);",
          }
        : {},
  });
}
