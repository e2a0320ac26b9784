// What the generator reads from the sources, bundled by esbuild for each run of scripts/generate.mjs.
export { manifests } from "../../packages/collect/src/registry";
