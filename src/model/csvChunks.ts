// Streaming a CSV in pieces: a piece may end inside a row, even inside a quoted field holding
// line breaks. The text is cut after the last line break that is outside quotes, so PapaParse
// always sees whole rows and the rest waits for the next piece.

/**
 * The index just after the last row-ending "\n" outside quotes, or -1 if there is none. `text`
 * starts at a row start, so a line break is outside quotes when an even number of quotes come
 * before it ("" inside a field counts twice, which keeps the parity). Walking back from the end
 * visits each quote once, and a large piece is cut after one step.
 */
export function lastRowEnd(text: string): number {
  let quotes = 0;
  for (let q = text.indexOf('"'); q >= 0; q = text.indexOf('"', q + 1)) quotes++;
  let pos = text.length;
  for (;;) {
    const newline = text.lastIndexOf("\n", pos - 1);
    if (newline < 0) return -1;
    for (let q = text.lastIndexOf('"', pos - 1); q > newline; q = text.lastIndexOf('"', q - 1)) {
      quotes--;
    }
    if (quotes % 2 === 0) return newline + 1;
    pos = newline;
  }
}

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/** lastRowEnd on UTF-8 bytes (a quote or a line feed byte is never part of another character). */
export function lastRowEndInBytes(bytes: Uint8Array): number {
  let quotes = 0;
  for (let q = bytes.indexOf(QUOTE); q >= 0; q = bytes.indexOf(QUOTE, q + 1)) quotes++;
  let pos = bytes.length;
  for (;;) {
    const newline = pos > 0 ? bytes.lastIndexOf(LINE_FEED, pos - 1) : -1;
    if (newline < 0) return -1;
    for (
      let q = bytes.lastIndexOf(QUOTE, pos - 1);
      q > newline;
      q = bytes.lastIndexOf(QUOTE, q - 1)
    ) {
      quotes--;
    }
    if (quotes % 2 === 0) return newline + 1;
    pos = newline;
  }
}

/**
 * A UTF-8 byte stream in pieces of whole rows of at least `pieceBytes` (the last piece holds the
 * rest). Cut before decoding, each piece is decoded by one call into one flat string, wherever
 * that happens: no string is built by appending.
 */
export async function* rowPieces(
  stream: ReadableStream<Uint8Array>,
  pieceBytes = 4 << 20,
  /** The first piece can be smaller: whoever reads the header waits for no more than that. */
  firstPieceBytes = pieceBytes,
): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  // The chunks as they came, copied once, into the piece they end up in.
  let chunks: Uint8Array[] = [];
  let length = 0;
  /** The length to look for a row end at: twice as far after a failed look, so a row of many
   * pieces is joined and scanned a few times, not once per chunk. */
  let lookAt = firstPieceBytes;
  const joined = () => {
    const piece = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      piece.set(chunk, at);
      at += chunk.length;
    }
    return piece;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
      if (length < lookAt) continue;
      const bytes = joined();
      const end = lastRowEndInBytes(bytes);
      // One row longer than a piece: keep reading, from the joined bytes.
      chunks = [end > 0 ? bytes.slice(end) : bytes];
      length = chunks[0]!.length;
      lookAt = end > 0 ? pieceBytes : length * 2;
      if (end > 0) yield bytes.subarray(0, end);
    }
    if (length) yield joined();
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/** The text of a piece of a UTF-8 stream; only the first piece's BOM is dropped. */
export const decodePiece = (piece: Uint8Array, first: boolean): string =>
  // Elsewhere than at the file's start, U+FEFF is a character of a field.
  new TextDecoder("utf-8", { ignoreBOM: !first }).decode(piece);
