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
    // The task's entry (task.json `execution`), self-contained: the agent has no node_modules.
    // `pnpm run package:task` then copies the CLI bundle next to it (dist/cli).
    entry: { task: "src/task/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    noExternal: [/.*/],
    clean: false,
  },
]);
