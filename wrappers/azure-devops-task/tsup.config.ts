import { defineConfig } from "tsup";

// The task as released: one CommonJS file with azure-pipelines-task-lib inside (agents have no
// node_modules, and Node 20.13, which Node20_1 handlers have shipped, cannot require() ES modules),
// staged in extension/task/bundle — not dist/, which workspace builds clean.
export default defineConfig({
  entry: { task: "src/main.ts" },
  outDir: "extension/task/bundle",
  format: ["cjs"],
  outExtension: () => ({ js: ".cjs" }),
  platform: "node",
  target: "node20",
  noExternal: [/.*/],
  clean: true,
});
