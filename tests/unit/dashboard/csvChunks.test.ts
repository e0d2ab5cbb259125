import { expect, test } from "vitest";
import fc from "fast-check";
import Papa from "papaparse";
import {
  lastRowEnd,
  lastRowEndInBytes,
  rowPieceChunks,
  joinChunks,
  decodePiece,
} from "../../../src/model/csvChunks.ts";

test.each([
  ["a,b\nc,d\n", 8],
  ["a,b\nc,d", 4],
  ['a,"x\ny"\nc', 8],
  ['a,"x\ny', -1],
  ['a,"say ""hi""\nthere"\nb', 21],
  ["no newline", -1],
  ["a\r\nb\r\n", 6],
])("lastRowEnd(%j) = %i", (text, end) => expect(lastRowEnd(text)).toBe(end));

test("cutting a CSV at lastRowEnd anywhere gives the same rows as parsing it whole", () => {
  const field = fc.oneof(
    fc.constantFrom("", "江门", "a\nb", 'say "hi"', "1,2", "x\r\ny"),
    fc.string({ maxLength: 5 }),
  );
  fc.assert(
    fc.property(
      fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
      fc.nat(),
      (rows, cutSeed) => {
        const csv = Papa.unparse(rows, { newline: "\n" }) + "\n";
        // The delimiter is given: guessed on a small part, it could come out as ";".
        const whole = Papa.parse<string[]>(csv, { delimiter: "," }).data.slice(0, -1);
        const cut = cutSeed % (csv.length + 1);
        const end = lastRowEnd(csv.slice(0, cut));
        const head = end > 0 ? csv.slice(0, end) : "";
        const tail = end > 0 ? csv.slice(end) : csv;
        const parts = [head, tail]
          .filter((p) => p)
          .flatMap((p) => {
            const data = Papa.parse<string[]>(p, { delimiter: "," }).data;
            return p.endsWith("\n") ? data.slice(0, -1) : data;
          });
        expect(parts).toEqual(whole);
      },
    ),
  );
});

const streamOf = (parts: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });

/** A byte stream in pieces of whole rows, each joined into one array as the workers join them. */
async function* rowPieces(
  stream: ReadableStream<Uint8Array>,
  pieceBytes?: number,
  firstPieceBytes?: number,
): AsyncGenerator<Uint8Array> {
  for await (const chunks of rowPieceChunks(stream, pieceBytes, firstPieceBytes))
    yield joinChunks(chunks);
}

/** The text of a stream in pieces, decoded as the workers decode them. */
async function* rowTexts(stream: ReadableStream<Uint8Array>, pieceBytes?: number) {
  let first = true;
  for await (const piece of rowPieces(stream, pieceBytes)) {
    yield decodePiece(piece, first);
    first = false;
  }
}

test("rowTexts decodes a byte stream split inside a character and drops the BOM", async () => {
  const bytes = new TextEncoder().encode("\uFEFFid,江门\n");
  let text = "";
  // the cut falls inside 江
  for await (const piece of rowTexts(streamOf([bytes.slice(0, 7), bytes.slice(7)]))) text += piece;
  expect(text).toBe("id,江门\n");
});

test("rowTexts gives pieces of whole rows that make up the text, whatever the byte chunks", async () => {
  const field = fc.constantFrom("", "江门", "a\nb", 'say "hi"', "1,2", "x\r\ny", "台山市");
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 20 }),
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }),
      fc.integer({ min: 1, max: 64 }),
      async (rows, sizes, pieceBytes) => {
        const csv = Papa.unparse(rows, { newline: "\n" }) + "\n";
        const bytes = new TextEncoder().encode(csv);
        const chunks: Uint8Array[] = [];
        for (let at = 0, k = 0; at < bytes.length; k++) {
          const size = sizes[k % sizes.length]!;
          chunks.push(bytes.slice(at, at + size));
          at += size;
        }
        const pieces: string[] = [];
        for await (const piece of rowTexts(streamOf(chunks), pieceBytes)) pieces.push(piece);
        const firstSmall: string[] = [];
        const decoder = new TextDecoder();
        for await (const piece of rowPieces(streamOf(chunks), pieceBytes, 1))
          firstSmall.push(decoder.decode(piece, { stream: true }));
        expect(firstSmall.join("")).toBe(csv);
        expect(pieces.join("")).toBe(csv);
        const parsed = pieces.flatMap((p) =>
          Papa.parse<string[]>(p, { delimiter: "," }).data.slice(
            0,
            p.endsWith("\n") ? -1 : undefined,
          ),
        );
        expect(parsed).toEqual(Papa.parse<string[]>(csv, { delimiter: "," }).data.slice(0, -1));
      },
    ),
  );
});

test.each([
  ["a,b\nc,d\n", 8],
  ['a,"x\ny"\nc', 8],
  ['a,"x\ny', -1],
  ["江,门\n台", 8],
])("lastRowEndInBytes(%j) = %i", (text, end) =>
  expect(lastRowEndInBytes(new TextEncoder().encode(text))).toBe(end),
);
