import { isBuildInfoError } from "../errors";

export interface Page<Item, Cursor> {
  items: Item[];
  /** Where the next page is; absent on the last page. */
  next: Cursor | undefined;
}

export interface CollectPagesOptions {
  /**
   * Ask for no further page once this many items are held, and keep no more: the collection's
   * `limits.commits` (`AdapterContext.limits`), so a server that never stops paging cannot fill memory.
   */
  maxItems: number;
}

export interface CollectedPages<Item> {
  items: Item[];
  pages: number;
  /** Reading stopped before the last page: at `maxItems`, or at the collection's limit after the first page. */
  truncated: boolean;
}

/**
 * Every item of a paged API, one request per page: `fetchPage` is called with `first`, then with
 * each page's `next`, until a page has no `next`, returns no items, or repeats a cursor, or `maxItems`
 * are held. When the collection's budget refuses a request (`E_COLLECTION_LIMIT`) after the first page,
 * the items read so far are kept: the pipeline warns about the cut. On the first page that error is
 * thrown, so the collector falls back as for any failed read.
 */
export async function collectPages<Item, Cursor>(
  first: Cursor,
  fetchPage: (cursor: Cursor) => Promise<Page<Item, Cursor>>,
  options: CollectPagesOptions,
): Promise<CollectedPages<Item>> {
  const items: Item[] = [];
  const seen = new Set<string>();
  let cursor: Cursor | undefined = first;
  let pages = 0;
  while (cursor !== undefined) {
    if (items.length >= options.maxItems) {
      items.length = options.maxItems;
      return { items, pages, truncated: true };
    }
    seen.add(JSON.stringify(cursor));
    let page: Page<Item, Cursor>;
    try {
      page = await fetchPage(cursor);
    } catch (error) {
      if (pages > 0 && isBuildInfoError(error) && error.code === "E_COLLECTION_LIMIT") {
        return { items, pages, truncated: true };
      }
      throw error;
    }
    pages += 1;
    for (const item of page.items) items.push(item);
    const next = page.next;
    cursor =
      page.items.length === 0 || next === undefined || seen.has(JSON.stringify(next)) ? undefined : next;
  }
  const truncated = items.length > options.maxItems;
  if (truncated) items.length = options.maxItems;
  return { items, pages, truncated };
}
