import { expect, test } from "vitest";
import fc from "fast-check";
import { TextColumn, joinTexts } from "../../../src/model/textColumn.ts";

test("values pushed one by one and appended joined read back in order", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.record({ push: fc.string({ maxLength: 6 }) }),
          fc.record({ joined: fc.array(fc.string({ maxLength: 6 }), { maxLength: 5 }) }),
        ),
        { maxLength: 20 },
      ),
      (steps) => {
        const column = new TextColumn();
        const expected: string[] = [];
        for (const step of steps) {
          if ("push" in step) {
            column.push(step.push);
            expected.push(step.push);
          } else {
            column.appendJoined(joinTexts(step.joined));
            expected.push(...step.joined);
          }
        }
        expect(column.length).toBe(expected.length);
        expect(Array.from({ length: column.length }, (_, i) => column.get(i))).toEqual(expected);
        const all = column.joined();
        expect(all.text).toBe(expected.join(""));
        expect([...all.ends]).toEqual(
          expected.map((_, i) => expected.slice(0, i + 1).join("").length),
        );
      },
    ),
  );
});

test("thousands of values pushed (joined a few hundred at a time) read back in order", () => {
  const values = Array.from({ length: 2345 }, (_, i) =>
    i % 7 === 0 ? "" : `${i % 3 === 0 ? "江门" : "x"}${i}`,
  );
  const column = new TextColumn();
  values.slice(0, 1000).forEach((v) => column.push(v));
  column.appendJoined(joinTexts(["a", "", "bc"]));
  values.slice(1000).forEach((v) => column.push(v));
  const expected = [...values.slice(0, 1000), "a", "", "bc", ...values.slice(1000)];
  expect(column.length).toBe(expected.length);
  expect(column.get(999)).toBe(values[999]);
  expect(Array.from({ length: column.length }, (_, i) => column.get(i))).toEqual(expected);
  const all = column.joined();
  expect(all.text).toBe(expected.join(""));
  expect(all.ends[all.ends.length - 1]).toBe(expected.join("").length);
  expect(all.ends[1003]! - all.ends[1002]!).toBe(values[1000]!.length);
});
