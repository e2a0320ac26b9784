// What the generator reads from the sources, bundled by esbuild for each run of scripts/generate.mjs.
export { flagLabel } from "../../packages/cli/src/help";
export {
  adapterOptionDefinitions,
  aliasesOf,
  cliOptions,
  dashed,
  optionsOf,
} from "../../packages/cli/src/settings/option-table";
export { manifests } from "../../packages/collect/src/registry";
