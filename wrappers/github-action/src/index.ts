// The action's entry (action.yml runs.main is its bundle, bundle/index.js).
import { run } from "./main";

await run();
