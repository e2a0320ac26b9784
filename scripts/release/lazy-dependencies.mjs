// An esbuild plugin (tsup passes it on) for the one-file CLI: a dependency that only a rare path
// imports (undici behind a proxy, fast-xml-parser for TeamCity's XML) is embedded as text and
// compiled when first imported. V8 has to parse all code in a file before running any of it, but
// skips through a string literal almost for free: measured, the text saves 12-40 ms of every start
// of release/buildinfo.mjs over the same code inlined (docs/performance.md). Compressing the text as
// well saved about 1 ms more, so it is not. The CLI imports these dependencies with `import()` only,
// so the module made here is initialised on that import and not before.
import { createRequire } from "node:module";
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
  return [
    `import { runInThisContext } from "node:vm";`,
    `const source = ${JSON.stringify(source)};`,
    "const module = { exports: {} };",
    `runInThisContext(source, { filename: ${JSON.stringify(`${name} (bundled)`)} })(module.exports, require, module);`,
    "export default module.exports;",
    exported.length > 0 ? `export const { ${exported.join(", ")} } = module.exports;` : "",
  ].join("\n");
}
