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
