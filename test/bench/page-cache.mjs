// A file that was just written (the single executable `npm run release` made a minute ago) can sit
// in the page cache in large folios, and a process that maps it then counts whole folios in its
// resident memory: the fresh executable showed 60-70 MB of peak RSS where the same file paged in
// from disk shows 43 MB, as much as `node -e 0`. Dropping each measured binary's cached pages first
// makes every one of them paged in by readahead, as on a machine that did not just write it.
import { spawnSync } from "node:child_process";

/** Drops `files` from the page cache with GNU dd; a note (not a failure) where that is not possible. */
export function dropFromPageCache(files) {
  for (const file of files) {
    const result = spawnSync("dd", [`if=${file}`, "iflag=nocache", "count=0", "status=none"], {
      encoding: "utf8",
    });
    if (result.status !== 0) {
      process.stdout.write(
        `note: could not drop ${file} from the page cache (${(result.stderr || String(result.error)).trim()}): its peak RSS may count pages a fresh write left mapped\n`,
      );
    }
  }
}
