import { defineConfig } from "tsup";

// The action as released: one self-contained file (the runner has no node_modules), in bundle/ —
// not dist/, which workspace builds clean. `npm run package` then copies the CLI bundle to bundle/cli.
export default defineConfig({
  entry: { index: "src/index.ts" },
  outDir: "bundle",
  format: ["esm"],
  platform: "node",
  target: "node20",
  noExternal: [/.*/],
  clean: true,
  // @actions/core is CommonJS: its require() calls of Node built-ins need a real require in ESM.
  banner: {
    js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
  },
});
