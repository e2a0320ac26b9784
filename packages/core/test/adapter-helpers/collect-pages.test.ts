import { describe, expect, it } from "vitest";
import { BuildInfoError, collectPages, type Page } from "../../src/index";

const all = { maxItems: 10_000 };

/** A paged source over fixed pages, numbered from 1, recording the cursors it is asked for. */
function pagedSource<Item>(pages: Record<number, Page<Item, number>>) {
  const asked: number[] = [];
  const fetchPage = async (cursor: number): Promise<Page<Item, number>> => {
    asked.push(cursor);
    const page = pages[cursor];
    if (page === undefined) throw new Error(`page ${cursor} was never meant to be read`);
    return page;
  };
  return { asked, fetchPage };
}

describe("collectPages", () => {
  it("follows `next` until a page has none, keeping the items in page order", async () => {
    const source = pagedSource({
      1: { items: ["a", "b"], next: 2 },
      2: { items: ["c"], next: 3 },
      3: { items: ["d", "e"], next: undefined },
    });
    expect(await collectPages(1, source.fetchPage, all)).toEqual({
      items: ["a", "b", "c", "d", "e"],
      pages: 3,
      truncated: false,
    });
    expect(source.asked).toEqual([1, 2, 3]);
  });

  it("reads a single page when the first has no `next`", async () => {
    const source = pagedSource({ 1: { items: ["only"], next: undefined } });
    expect(await collectPages(1, source.fetchPage, all)).toEqual({
      items: ["only"],
      pages: 1,
      truncated: false,
    });
    expect(source.asked).toEqual([1]);
  });

  it("stops at an empty page even when it names a next one", async () => {
    const source = pagedSource({
      1: { items: ["a"], next: 2 },
      2: { items: [], next: 3 },
    });
    expect(await collectPages(1, source.fetchPage, all)).toEqual({
      items: ["a"],
      pages: 2,
      truncated: false,
    });
    expect(source.asked).toEqual([1, 2]);
  });

  it("stops when a page points back to a cursor already read", async () => {
    const source = pagedSource({
      1: { items: ["a"], next: 2 },
      2: { items: ["b"], next: 1 },
    });
    expect(await collectPages(1, source.fetchPage, all)).toEqual({
      items: ["a", "b"],
      pages: 2,
      truncated: false,
    });
    expect(source.asked).toEqual([1, 2]);
  });

  it("stops when a page points to itself", async () => {
    const source = pagedSource({ 1: { items: ["a"], next: 1 } });
    expect(await collectPages(1, source.fetchPage, all)).toEqual({
      items: ["a"],
      pages: 1,
      truncated: false,
    });
  });

  it("compares object cursors by value", async () => {
    const asked: { start: number }[] = [];
    const collected = await collectPages(
      { start: 0 },
      async (cursor) => {
        asked.push(cursor);
        // A server that keeps sending a fresh object for the same place.
        return { items: [cursor.start], next: { start: 10 } };
      },
      all,
    );
    expect(collected).toEqual({ items: [0, 10], pages: 2, truncated: false });
    expect(asked).toEqual([{ start: 0 }, { start: 10 }]);
  });

  it("follows string cursors, the empty first one included", async () => {
    const tokens: Record<string, Page<string, string>> = {
      "": { items: ["a"], next: "t1" },
      t1: { items: ["b"], next: undefined },
    };
    const collected = await collectPages(
      "",
      async (token) => tokens[token] ?? { items: [], next: undefined },
      all,
    );
    expect(collected).toEqual({ items: ["a", "b"], pages: 2, truncated: false });
  });

  describe("with an item limit (the collection's commits)", () => {
    const endless = (perPage = 1) => {
      const asked: number[] = [];
      return {
        asked,
        fetchPage: async (cursor: number): Promise<Page<string, number>> => {
          asked.push(cursor);
          return {
            items: Array.from({ length: perPage }, (_, index) => `item ${cursor}.${index}`),
            next: cursor + 1,
          };
        },
      };
    };

    it("asks for no page once maxItems are held, and reports truncated", async () => {
      const source = endless();
      expect(await collectPages(1, source.fetchPage, { maxItems: 3 })).toEqual({
        items: ["item 1.0", "item 2.0", "item 3.0"],
        pages: 3,
        truncated: true,
      });
      expect(source.asked).toEqual([1, 2, 3]);
    });

    it("keeps no more than maxItems of a page that passes it", async () => {
      const source = endless(4);
      const collected = await collectPages(1, source.fetchPage, { maxItems: 6 });
      expect(collected.items).toEqual([
        "item 1.0",
        "item 1.1",
        "item 1.2",
        "item 1.3",
        "item 2.0",
        "item 2.1",
      ]);
      expect(collected.truncated).toBe(true);
      expect(source.asked).toEqual([1, 2]);
    });

    it("is not truncated when the last page fills maxItems exactly", async () => {
      const source = pagedSource({
        1: { items: ["a"], next: 2 },
        2: { items: ["b"], next: undefined },
      });
      expect(await collectPages(1, source.fetchPage, { maxItems: 2 })).toEqual({
        items: ["a", "b"],
        pages: 2,
        truncated: false,
      });
    });

    it("keeps what was read when the collection's limit refuses a later page, and throws it on the first", async () => {
      const limit = new BuildInfoError("E_COLLECTION_LIMIT", "Stopped reading: limit of 2 requests.");
      const refusing = async (cursor: number): Promise<Page<string, number>> => {
        if (cursor > 2) throw limit;
        return { items: [`item ${cursor}`], next: cursor + 1 };
      };
      expect(await collectPages(1, refusing, all)).toEqual({
        items: ["item 1", "item 2"],
        pages: 2,
        truncated: true,
      });
      await expect(collectPages(3, refusing, all)).rejects.toBe(limit);
    });
  });

  it("passes a failing page's error on", async () => {
    const source = pagedSource({ 1: { items: ["a"], next: 2 } });
    await expect(collectPages(1, source.fetchPage, all)).rejects.toThrow("page 2 was never meant to be read");
  });
});
