import { defineConfig } from "tsup";

// The build of every library package (packages/* and adapters/* but the bundled CLI), each running
// `tsup --config ../../tsup.library.ts` from its own folder: paths here are relative to that folder.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
});
