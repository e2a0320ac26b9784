import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { repoRoot } from "./workspace-files";

/** The TypeScript block of docs/plugin-authors.md's section 1, exactly as the page shows it. */
export async function sampleFromPage(): Promise<string> {
  const page = await readFile(join(repoRoot, "docs/plugin-authors.md"), "utf8");
  const section = page.slice(page.indexOf("## 1."), page.indexOf("## 2."));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error("docs/plugin-authors.md section 1 has no ```ts block");
  return block;
}
