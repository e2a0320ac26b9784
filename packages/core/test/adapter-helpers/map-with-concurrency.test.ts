import { describe, expect, it } from "vitest";
import { mapWithConcurrency } from "../../src/index";

/**
 * `fn` for mapWithConcurrency whose calls wait until the test settles them, recording which calls
 * are in flight, so the bound and the order are checked without timers.
 */
function gatedCalls<Item>() {
  const pending = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void }>();
  const started: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fn = (item: Item, index: number): Promise<string> => {
    started.push(index);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<string>((resolve, reject) => {
      pending.set(index, { resolve, reject });
    })
      .finally(() => {
        inFlight -= 1;
      })
      .then((value) => `${String(item)}:${value}`);
  };
  return {
    fn,
    started,
    get maxInFlight() {
      return maxInFlight;
    },
    inFlightIndexes: () => [...pending.keys()].sort((a, b) => a - b),
    async settle(index: number, outcome: string | Error): Promise<void> {
      const call = pending.get(index);
      if (call === undefined) throw new Error(`call ${index} is not in flight`);
      pending.delete(index);
      if (outcome instanceof Error) call.reject(outcome);
      else call.resolve(outcome);
      await flush();
    },
  };
}

/** Lets every promise reaction that is ready run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

describe("mapWithConcurrency", () => {
  it("maps every item, keeping the order of the items when calls finish out of order", async () => {
    const calls = gatedCalls<string>();
    const result = mapWithConcurrency(["a", "b", "c", "d", "e"], 2, calls.fn);
    await flush();
    expect(calls.inFlightIndexes()).toEqual([0, 1]);
    await calls.settle(1, "1");
    expect(calls.inFlightIndexes()).toEqual([0, 2]);
    await calls.settle(2, "2");
    await calls.settle(3, "3");
    expect(calls.inFlightIndexes()).toEqual([0, 4]);
    await calls.settle(4, "4");
    await calls.settle(0, "0");
    expect(await result).toEqual(["a:0", "b:1", "c:2", "d:3", "e:4"]);
    expect(calls.started).toEqual([0, 1, 2, 3, 4]);
    expect(calls.maxInFlight).toBe(2);
  });

  it.each([1, 3, 4])("never has more than %i calls in flight", async (limit) => {
    const calls = gatedCalls<number>();
    const items = Array.from({ length: 9 }, (_, i) => i);
    const result = mapWithConcurrency(items, limit, calls.fn);
    await flush();
    expect(calls.inFlightIndexes()).toHaveLength(limit);
    // Settle the newest call first, so the workers interleave.
    while (calls.inFlightIndexes().length > 0) {
      const newest = calls.inFlightIndexes().at(-1) as number;
      await calls.settle(newest, "ok");
      expect(calls.inFlightIndexes().length).toBeLessThanOrEqual(limit);
    }
    expect(await result).toEqual(items.map((item) => `${item}:ok`));
    expect(calls.maxInFlight).toBe(limit);
  });

  it("starts every call at once when the limit is above the number of items", async () => {
    const calls = gatedCalls<string>();
    const result = mapWithConcurrency(["a", "b", "c"], 100, calls.fn);
    await flush();
    expect(calls.inFlightIndexes()).toEqual([0, 1, 2]);
    for (const index of [2, 0, 1]) await calls.settle(index, String(index));
    expect(await result).toEqual(["a:0", "b:1", "c:2"]);
  });

  it.each([0, -2, Number.NaN, 0.5])(
    "still maps every item one at a time with a limit of %s",
    async (limit) => {
      const calls = gatedCalls<string>();
      const result = mapWithConcurrency(["a", "b", "c"], limit, calls.fn);
      await flush();
      expect(calls.inFlightIndexes()).toEqual([0]);
      await calls.settle(0, "0");
      expect(calls.inFlightIndexes()).toEqual([1]);
      await calls.settle(1, "1");
      await calls.settle(2, "2");
      expect(await result).toEqual(["a:0", "b:1", "c:2"]);
      expect(calls.maxInFlight).toBe(1);
    },
  );

  it("rounds a fractional limit down", async () => {
    const calls = gatedCalls<string>();
    const result = mapWithConcurrency(["a", "b", "c", "d"], 2.9, calls.fn);
    await flush();
    expect(calls.inFlightIndexes()).toEqual([0, 1]);
    for (const index of [0, 1, 2, 3]) await calls.settle(index, "x");
    await result;
    expect(calls.maxInFlight).toBe(2);
  });

  it("passes each item with its index", async () => {
    const seen: [string, number][] = [];
    await mapWithConcurrency(["x", "y", "z"], 2, async (item, index) => {
      seen.push([item, index]);
    });
    expect(seen.sort((a, b) => a[1] - b[1])).toEqual([
      ["x", 0],
      ["y", 1],
      ["z", 2],
    ]);
  });

  it("returns an empty list for no items without calling fn", async () => {
    let calls = 0;
    const result = await mapWithConcurrency([], 4, async () => {
      calls += 1;
    });
    expect(result).toEqual([]);
    expect(calls).toBe(0);
  });

  it("rejects with the first failure, starts no further calls, and lets started ones finish", async () => {
    const calls = gatedCalls<string>();
    const result = mapWithConcurrency(["a", "b", "c", "d", "e"], 2, calls.fn);
    const outcome = result.then(
      () => "resolved",
      (error: Error) => error.message,
    );
    await flush();
    await calls.settle(0, new Error("call 0 failed"));
    expect(await outcome).toBe("call 0 failed");
    // Call 1 was already running; nothing after it starts, even once it finishes.
    expect(calls.inFlightIndexes()).toEqual([1]);
    await calls.settle(1, "1");
    expect(calls.started).toEqual([0, 1]);
  });

  it("turns a synchronous throw of fn into a rejection", async () => {
    const fn = (item: string): Promise<string> => {
      if (item === "b") throw new Error("bad item");
      return Promise.resolve(item);
    };
    await expect(mapWithConcurrency(["a", "b", "c"], 1, fn)).rejects.toThrow("bad item");
  });
});
