// The loader hooks of module-load-probe.mjs. They run on the loader's own thread, so each URL is
// written synchronously there: nothing is left in a message queue when the process exits.
import { appendFileSync } from "node:fs";

let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
