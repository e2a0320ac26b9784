// An esbuild plugin for the one-file CLI: a dependency that only a rare path imports (undici behind a
// proxy, fast-xml-parser for TeamCity's XML) is embedded as text and compiled when first imported.
// V8 has to parse all code in a file before running any of it, but skips through a string literal
// almost for free: undici alone is 720 kB, about 10 ms of every start-up (docs/performance.md).
// Almost: reading and scanning 820 kB of text still cost every start-up ~3 ms, so the text is
// embedded Brotli-compressed (160 kB, base64) and decompressed on that first import, in ~2 ms.
// The CLI imports these dependencies with `import()` only, so the module made here is initialised on
// that import and not before.
import { createRequire } from "node:module";
import { brotliCompressSync, constants } from "node:zlib";
import { build } from "esbuild";

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * `dependencies` maps each package name to the directory it is resolved from: the package that
 * imports it, so the version bundled is the one that package was tested with.
 */
export function lazyDependencies(dependencies) {
  const resolveDirs = new Map(Object.entries(dependencies));
  return {
    name: "lazy-dependencies",
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, ({ path }) =>
        resolveDirs.has(path) ? { path, namespace: "lazy-dependency" } : undefined,
      );
      builder.onLoad({ filter: /.*/, namespace: "lazy-dependency" }, async ({ path }) => ({
        contents: await compiledOnImport(path, resolveDirs.get(path)),
        loader: "js",
      }));
    },
  };
}

/** A module that compiles the dependency's own CommonJS bundle and re-exports what it exports. */
async function compiledOnImport(name, resolveDir) {
  const bundled = await build({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir },
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "inline",
    logLevel: "warning",
  });
  const source = `(function (exports, require, module) {${bundled.outputFiles[0].text}\n})`;
  const exported = Object.keys(createRequire(`${resolveDir}/`)(name)).filter(
    (key) => identifier.test(key) && key !== "default",
  );
  const compressed = brotliCompressSync(source, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
  }).toString("base64");
  return [
    `import { runInThisContext } from "node:vm";`,
    `import { brotliDecompressSync } from "node:zlib";`,
    `const source = brotliDecompressSync(Buffer.from(${JSON.stringify(compressed)}, "base64")).toString("utf8");`,
    "const module = { exports: {} };",
    `runInThisContext(source, { filename: ${JSON.stringify(`${name} (bundled)`)} })(module.exports, require, module);`,
    "export default module.exports;",
    exported.length > 0 ? `export const { ${exported.join(", ")} } = module.exports;` : "",
  ].join("\n");
}
