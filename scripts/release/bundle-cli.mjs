// The whole CLI in one file, with tsup (the bundler of packages/cli/dist too), without code splitting:
// the commands' dynamic imports are inlined. The code is CommonJS in both files, because there a
// module's `require` of Node's built-ins runs when the command that needs the module first imports
// it; ES module output would hoist every built-in import (http, https and tls, child_process, crypto,
// …) to the start of every run. A Node 22 single executable application runs CommonJS as it is;
// `release/buildinfo.mjs` is an ES module around the same code, with a `require` of its own
// (esm-prelude.mjs).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";
import { lazyDependencies } from "./lazy-dependencies.mjs";

const cli = fileURLToPath(new URL("../../packages/cli/", import.meta.url));
const workspace = fileURLToPath(new URL("../../", import.meta.url));
const esmPrelude = readFileSync(new URL("./esm-prelude.mjs", import.meta.url), "utf8");

/**
 * The conformance kit's vectors (a third of a megabyte, read only by `buildinfo conformance`) as JSON
 * text parsed when that command first imports them: V8 skips through a string literal almost for free,
 * where the same data as object literals is parsed at every start (see lazy-dependencies.mjs).
 */
const vectorsAsText = {
  name: "vectors-as-text",
  setup(builder) {
    builder.onLoad(
      { filter: /[\\/]packages[\\/]conformance[\\/]vectors[\\/].*\.json$/ },
      async ({ path }) => ({
        contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(path, "utf8"))))});`,
        loader: "js",
      }),
    );
  },
};

/**
 * Bundles the CLI once and writes it twice: `esmFile` (release/buildinfo.mjs) after the prelude, and
 * `cjsFile` (a single executable's main script) as it is.
 */
export async function bundleCli(esmFile, cjsFile) {
  const outDir = mkdtempSync(join(tmpdir(), "buildinfo-bundle-"));
  try {
    await build({
      config: false,
      entry: { buildinfo: `${cli}src/cli.ts` },
      outDir,
      format: ["cjs"],
      outExtension: () => ({ js: ".cjs" }),
      splitting: false,
      platform: "node",
      target: "node20",
      noExternal: [/.*/],
      removeNodeProtocol: false,
      // Workspace packages resolve to their sources through the root tsconfig's paths.
      tsconfig: `${cli}tsconfig.build.json`,
      silent: true,
      // V8 scans the whole file even for --version: minifying whitespace and syntax (1.6 MB to 1.1 MB)
      // shortens that start-up (docs/performance.md). Names are kept, so stack traces and messages
      // read as in the sources.
      minifyWhitespace: true,
      minifySyntax: true,
      esbuildOptions(options) {
        options.legalComments = "eof";
      },
      esbuildPlugins: [
        vectorsAsText,
        lazyDependencies({
          undici: `${workspace}packages/http`,
          "fast-xml-parser": `${workspace}adapters/teamcity`,
        }),
      ],
    });
    const code = readFileSync(join(outDir, "buildinfo.cjs"), "utf8");
    // The entry's `#!/usr/bin/env node` stays the first line.
    const shebang = code.startsWith("#!") ? code.slice(0, code.indexOf("\n") + 1) : "";
    writeFileSync(esmFile, `${shebang}${esmPrelude}${code.slice(shebang.length)}`);
    writeFileSync(cjsFile, code);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
