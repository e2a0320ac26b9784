import { defineConfig } from "tsup";

// The CLI is bundled whole so it runs from any checkout (and inside the GitHub Action and Azure
// DevOps task) without node_modules. Splitting keeps `--help`/`--version` from loading undici or zod:
// commands are loaded with dynamic import().
export default defineConfig([
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    clean: true,
    splitting: true,
    noExternal: [/.*/],
    // Workspace packages resolve to their sources (the root tsconfig's paths), so this package builds
    // without waiting for their dist folders.
    tsconfig: "tsconfig.build.json",
    banner: {
      // undici uses require() internally; ESM bundles have no require of their own.
      js: "import { createRequire as __buildinfoCreateRequire } from 'node:module'; const require = __buildinfoCreateRequire(import.meta.url);",
    },
  },
]);
