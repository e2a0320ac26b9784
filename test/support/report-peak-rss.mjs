// Preloaded with `node --import` into a child process under test: when it exits (process.exit included),
// writes its peak resident set size in bytes to the file named by BUILDINFO_TEST_PEAK_RSS_FILE.
import { writeFileSync } from "node:fs";

const target = process.env.BUILDINFO_TEST_PEAK_RSS_FILE;
if (target) {
  process.on("exit", () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
