export interface Page<Item, Cursor> {
  items: Item[];
  /** Where the next page is; absent on the last page. */
  next: Cursor | undefined;
}

export interface CollectPagesOptions {
  /** Stop (and report `truncated`) after this many pages. Default 1000. */
  maxPages?: number;
}

export interface CollectedPages<Item> {
  items: Item[];
  pages: number;
  truncated: boolean;
}

/**
 * Every item of a paged API, one request per page: `fetchPage` is called with `first`, then with
 * each page's `next`, until a page has no `next`, returns no items, or repeats a cursor.
 */
export async function collectPages<Item, Cursor>(
  first: Cursor,
  fetchPage: (cursor: Cursor) => Promise<Page<Item, Cursor>>,
  options: CollectPagesOptions = {},
): Promise<CollectedPages<Item>> {
  const maxPages = options.maxPages ?? 1000;
  const items: Item[] = [];
  const seen = new Set<string>();
  let cursor: Cursor | undefined = first;
  let pages = 0;
  while (cursor !== undefined) {
    if (pages === maxPages) return { items, pages, truncated: true };
    seen.add(JSON.stringify(cursor));
    const page = await fetchPage(cursor);
    pages += 1;
    for (const item of page.items) items.push(item);
    const next = page.next;
    cursor =
      page.items.length === 0 || next === undefined || seen.has(JSON.stringify(next)) ? undefined : next;
  }
  return { items, pages, truncated: false };
}
