/**
 * `map` with at most `limit` calls of `fn` in flight at once; results keep the order of `items`.
 * The first rejection rejects the whole call: no further calls start, and calls already started still
 * run to completion.
 */
export async function mapWithConcurrency<Item, Result>(
  items: readonly Item[],
  limit: number,
  fn: (item: Item, index: number) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await fn(items[index] as Item, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // A limit that is not a positive number (0, NaN) still runs one call at a time.
  const width = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
  await Promise.all(Array.from({ length: width }, () => worker()));
  return results;
}
