// A file read as the parse worker reads it — the header piece cut at a row end and parsed as
// text, every later piece cut at any line feed and parsed on its bytes, the pieces joined by their
// quotes — gives what the text loader gives on the whole file: the same facts on the same lines,
// the same problems, the same row count, however the download's chunks and the pieces fall, and
// however many quoted fields with line breaks straddle a cut.
import { expect, test } from "vitest";
import fc from "fast-check";
import Papa from "papaparse";
import { FACT_COLUMNS } from "../../../src/model/contract.ts";
import {
  countQuotes,
  decodePiece,
  joinChunks,
  rowPieceChunks,
} from "../../../src/model/csvChunks.ts";
import { FactLoader } from "../../../src/model/factLoader.ts";
import { FactStore } from "../../../src/model/factStore.ts";
import { PieceLoader } from "../../../src/model/pieceLoader.ts";
import { PieceJoin, type CutPiece } from "../../../src/model/pieceJoin.ts";
import type { Column, RowProblem } from "../../../src/model/contract.ts";
import type { Newline } from "../../../src/model/csvRows.ts";
import { GOOD_ROW, REGIONS } from "./fixtures.ts";

const streamOf = (chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

interface Part extends CutPiece {
  loader: PieceLoader;
}

/** Reads `text` as the parse worker does, with pieces of `pieceBytes` from chunks of `sizes`. */
async function readAsWorker(text: string, sizes: number[], pieceBytes: number) {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    chunks.push(bytes.slice(at, at + size));
    at += size;
  }
  const first = new FactLoader(REGIONS, 1000);
  const store = new FactStore();
  const problems: RowProblem[] = [];
  let lines = 0;
  let rows = 0;
  let reparsed = 0;
  const parse = (piece: Uint8Array, header: Record<Column, number>, newline: Newline): Part => {
    const loader = new PieceLoader(REGIONS, 1000, header, newline);
    loader.feed(piece);
    return { loader, bytes: piece, quotes: countQuotes(piece) };
  };
  let join: PieceJoin<Part> | null = null;
  let firstPiece = true;
  for await (const piece of rowPieceChunks(
    streamOf(chunks),
    pieceBytes,
    pieceBytes,
    () => !first.header,
  )) {
    const { header, newline } = first;
    if (!header || !newline) {
      first.feed(decodePiece(joinChunks(piece), firstPiece));
      firstPiece = false;
      lines = first.lines;
      for (let i = 0; i < first.store.count; i++) store.add(first.store.row(i));
      continue;
    }
    join ??= new PieceJoin(
      async (b) => {
        reparsed++;
        return parse(b, header, newline);
      },
      ({ loader }) => {
        store.append(structuredClone(loader.block()), lines);
        problems.push(...loader.problems.map((p) => ({ ...p, line: p.line + lines })));
        rows += loader.rowCount;
        lines += loader.lines;
      },
    );
    await join.add(parse(joinChunks(piece), header, newline));
  }
  await join?.finish();
  first.finish();
  return {
    facts: Array.from({ length: store.count }, (_, i) => store.row(i)),
    problems: [...first.problems, ...problems],
    rows: first.rowCount + rows,
    lines: Math.max(lines, first.lines),
    reparsed,
  };
}

const row = fc.record({
  region: fc.constantFrom("jiangmen", "xinhui", "nowhere"),
  quote: fc.constantFrom(
    "句子",
    "两行\n的句子",
    "三\n行\n句",
    'a "quoted"\none',
    "x\r\ny",
    "1,2",
    "",
  ),
  value: fc.constantFrom("1", "2.5", "-3e2", "bad"),
});

test("pieces cut at any line feed and joined by their quotes give the whole file's facts and problems", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(row, { minLength: 1, maxLength: 30 }),
      fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 400 }),
      async (rows, sizes, pieceBytes) => {
        const text =
          Papa.unparse(
            [
              FACT_COLUMNS as readonly string[],
              ...rows.map((r) => {
                const cells: Record<string, string> = { ...GOOD_ROW, ...r };
                return FACT_COLUMNS.map((c) => cells[c] ?? "");
              }),
            ],
            { newline: "\n" },
          ) + "\n";
        const whole = new FactLoader(REGIONS, 1000);
        whole.feed(text);
        whole.finish();
        const read = await readAsWorker(text, sizes, pieceBytes);
        expect(read.facts).toEqual(
          Array.from({ length: whole.store.count }, (_, i) => whole.store.row(i)),
        );
        expect(read.problems).toEqual(whole.problems);
        expect(read.rows).toBe(whole.rowCount);
        expect(read.lines).toBe(whole.lines);
      },
    ),
    { numRuns: 300 },
  );
}, 30_000);

test("a piece cut inside a quoted field is parsed again with the next, and only then", async () => {
  const lines = ["a1", "a2", "a3"].map((id) =>
    FACT_COLUMNS.map((c) =>
      c === "id" ? id : c === "quote" ? '"一\n二"' : (GOOD_ROW[c] ?? ""),
    ).join(","),
  );
  const text = `${FACT_COLUMNS.join(",")}\n${lines.join("\n")}\n`;
  // Pieces of one byte end at the first line feed they can: inside the first quoted field.
  const read = await readAsWorker(text, [7], 1);
  expect(read.facts.map((f) => [f.id, f.quote, f.line])).toEqual([
    ["a1", "一\n二", 2],
    ["a2", "一\n二", 4],
    ["a3", "一\n二", 6],
  ]);
  expect(read.reparsed).toBeGreaterThan(0);
  const plain = await readAsWorker(text.replaceAll("一\n二", "一二"), [7], 1);
  expect(plain.reparsed).toBe(0);
});
