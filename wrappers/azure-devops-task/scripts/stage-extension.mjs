// Completes the extension's folder (extension/, what `tfx extension create --root extension` packs):
// the manifests next to the task's bundle that `npm run package` built there. Nothing else goes in,
// so the VSIX holds no sources, tests or node_modules.
import { copyFileSync, existsSync } from "node:fs";

if (!existsSync("extension/task/bundle/task.cjs") || !existsSync("extension/task/bundle/cli/cli.js")) {
  console.error("extension/task/bundle is incomplete: run `npm run package` in wrappers/azure-devops-task.");
  process.exit(1);
}
copyFileSync("task.json", "extension/task/task.json");
copyFileSync("vss-extension.json", "extension/vss-extension.json");
