// mapInOrder: concurrency up to the window, results in job order, never more in flight.
import { describe, expect, it } from "vitest";
import { mapInOrder } from "../../../extract/node/ordered.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapInOrder", () => {
  it("yields results in job order when later jobs finish first", async () => {
    const delays = [30, 1, 15, 1, 5, 0];
    const results: number[] = [];
    for await (const r of mapInOrder(delays.keys(), 3, async (i) => (await sleep(delays[i]!), i)))
      results.push(r);
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("keeps at most `window` jobs in flight and pulls jobs lazily", async () => {
    let inFlight = 0;
    let most = 0;
    let pulled = 0;
    function* jobs() {
      for (let i = 0; i < 20; i++) {
        pulled++;
        yield i;
      }
    }
    const run = async (i: number) => {
      most = Math.max(most, ++inFlight);
      await sleep(i % 3);
      inFlight--;
      return i;
    };
    const iterator = mapInOrder(jobs(), 4, run);
    await iterator.next();
    expect(pulled).toBeLessThanOrEqual(4);
    for await (const _ of iterator) {
      // drain
    }
    expect(most).toBe(4);
    expect(pulled).toBe(20);
  });

  it("rethrows a failed job in its turn, not before", async () => {
    const seen: number[] = [];
    const run = async (i: number) => {
      if (i === 2) throw new Error("job 2 failed");
      await sleep(5);
      return i;
    };
    await expect(
      (async () => {
        for await (const r of mapInOrder([0, 1, 2, 3], 4, run)) seen.push(r);
      })(),
    ).rejects.toThrow("job 2 failed");
    expect(seen).toEqual([0, 1]);
  });

  it("refuses a window that is not a positive integer", async () => {
    await expect(mapInOrder([1], 0, async (x) => x).next()).rejects.toThrow(RangeError);
  });
});
