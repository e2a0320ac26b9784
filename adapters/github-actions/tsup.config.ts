import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm"],
    dts: true,
    clean: true,
    target: "node20",
  },
  {
    // The action's entry (action.yml `runs.main`), self-contained: the runner has no node_modules.
    // `pnpm run package:action` then copies the CLI bundle next to it (dist/cli).
    entry: { action: "src/action/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    noExternal: [/.*/],
    clean: false,
  },
]);
