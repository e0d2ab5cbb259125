// JSON Lines input: lines split across chunks, CRLF, and every kind of malformed line.
import { describe, expect, it } from "vitest";
import { parseJsonLine, splitLines, type InputLine } from "../../../extract/node/jsonLines.ts";

async function collect(chunks: (Uint8Array | string)[]): Promise<InputLine[]> {
  const lines: InputLine[] = [];
  for await (const line of splitLines(
    (async function* () {
      yield* chunks;
    })(),
  ))
    lines.push(line);
  return lines;
}

describe("splitLines", () => {
  it("joins lines split across chunks, even inside a multi-byte character", async () => {
    const bytes = new TextEncoder().encode('{"id":"a","text":"江门"}\r\n{"id":"b"}\n\nlast');
    const cut = 19; // inside 门 (bytes 18-20)
    const lines = await collect([
      bytes.subarray(0, cut),
      bytes.subarray(cut, 30),
      bytes.subarray(30),
    ]);
    expect(lines).toEqual([
      { line: 1, text: '{"id":"a","text":"江门"}\r' },
      { line: 2, text: '{"id":"b"}' },
      { line: 3, text: "" },
      { line: 4, text: "last" },
    ]);
  });

  it("reports a line that is not UTF-8 and goes on", async () => {
    const lines = await collect([Uint8Array.from([0x7b, 0xff, 0x7d, 0x0a]), "ok\n"]);
    expect(lines).toEqual([
      { line: 1, error: "not valid UTF-8" },
      { line: 2, text: "ok" },
    ]);
  });
});

describe("parseJsonLine", () => {
  it("makes a job of a good line, with or without a date", () => {
    const seen = new Map<string, number>();
    expect(parseJsonLine('{"id":"a","text":"江门GDP","published":"2024-03"}\r', 1, seen)).toEqual({
      job: {
        kind: "text",
        label: "stdin line 1 (a)",
        id: "a",
        text: "江门GDP",
        published: "2024-03",
      },
    });
    expect(parseJsonLine('{"id":"b","text":"x","published":null}', 2, seen)).toEqual({
      job: { kind: "text", label: "stdin line 2 (b)", id: "b", text: "x" },
    });
  });

  it("skips blank lines quietly", () => {
    expect(parseJsonLine("  \r", 3, new Map())).toEqual({ blank: true });
  });

  it.each([
    ["not JSON", "{id: 1}", /not JSON/],
    ["an array", "[1,2]", /not a JSON object/],
    ["a string", '"text"', /not a JSON object/],
    ["no id", '{"text":"x"}', /"id" must be/],
    ["an empty id", '{"id":" ","text":"x"}', /"id" must be/],
    ["a numeric id", '{"id":7,"text":"x"}', /"id" must be/],
    ["a multi-line id", '{"id":"a\\nb","text":"x"}', /one line/],
    ["no text", '{"id":"a"}', /"text" must be/],
    ["a bad date", '{"id":"a","text":"x","published":"2024-13"}', /"published" must be/],
    ["a numeric date", '{"id":"a","text":"x","published":2024}', /"published" must be/],
  ])("refuses %s", (_, line, message) => {
    const parsed = parseJsonLine(line, 1, new Map());
    expect(parsed).toEqual({ error: expect.stringMatching(message) });
  });

  it("refuses an id used before, naming the earlier line", () => {
    const seen = new Map<string, number>();
    parseJsonLine('{"id":"a","text":"x"}', 4, seen);
    expect(parseJsonLine('{"id":"a","text":"y"}', 9, seen)).toEqual({
      error: 'id "a" already used on line 4',
    });
  });
});
