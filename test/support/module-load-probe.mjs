// Preloaded with `node --import`: appends the URL of every module the process loads through the ES
// module loader to the file named by MODULE_LOAD_PROBE_FILE, so a test can see what a command loaded.
import { register } from "node:module";

register("./module-load-probe-hooks.mjs", {
  parentURL: import.meta.url,
  data: { file: process.env.MODULE_LOAD_PROBE_FILE },
});
