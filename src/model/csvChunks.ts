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
  return lastRowEndInChunk(bytes, countQuotes(bytes));
}

/** How many quote bytes `bytes` holds. */
export function countQuotes(bytes: Uint8Array): number {
  let n = 0;
  for (let q = bytes.indexOf(QUOTE); q >= 0; q = bytes.indexOf(QUOTE, q + 1)) n++;
  return n;
}

/**
 * The index just after the last row-ending line feed of `chunk`, the last chunk of a piece that
 * started at a row start and holds `quotes` quotes up to the chunk's end; -1 if the chunk has
 * none. Only the chunk is walked, from its end.
 */
function lastRowEndInChunk(chunk: Uint8Array, quotes: number): number {
  let pos = chunk.length;
  for (;;) {
    const newline = pos > 0 ? chunk.lastIndexOf(LINE_FEED, pos - 1) : -1;
    if (newline < 0) return -1;
    for (
      let q = chunk.lastIndexOf(QUOTE, pos - 1);
      q > newline;
      q = chunk.lastIndexOf(QUOTE, q - 1)
    ) {
      quotes--;
    }
    if (quotes % 2 === 0) return newline + 1;
    pos = newline;
  }
}

/**
 * A UTF-8 byte stream in pieces of at least `pieceBytes` (the last piece holds the rest), each
 * piece as the chunks the stream gave, not joined: whoever parses a piece joins it. While
 * `exact()` says so, a piece ends at a row end: quotes are counted in every chunk, and the last
 * line feed outside quotes is found in the chunk that fills the piece. After that, a piece ends
 * at that chunk's last line feed, which a quoted field holding line breaks may straddle: the
 * thread reading the download then never looks at the bytes at all, and whoever joins the pieces
 * checks each piece's quote count (PieceJoin). A chunk cut there is split into a view of its head
 * and a copy of its tail, so no two pieces share a buffer and each can be moved.
 */
export async function* rowPieceChunks(
  stream: ReadableStream<Uint8Array>,
  pieceBytes = 4 << 20,
  /** The first piece can be smaller: whoever reads the header waits for no more than that. */
  firstPieceBytes = pieceBytes,
  exact: () => boolean = () => true,
): AsyncGenerator<Uint8Array[]> {
  const reader = stream.getReader();
  let chunks: Uint8Array[] = [];
  let length = 0;
  /** Quotes since the piece's start (a row start): their parity says which line feeds end rows. */
  let quotes = 0;
  let lookAt = firstPieceBytes;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value.length) continue;
      chunks.push(value);
      length += value.length;
      const exactly = exact();
      if (exactly) quotes += countQuotes(value);
      if (length < lookAt) continue;
      const end = exactly
        ? lastRowEndInChunk(value, quotes)
        : value.lastIndexOf(LINE_FEED) + 1 || -1;
      // No row ends in this chunk: a row longer than that is still going on; the next chunk.
      if (end < 0) continue;
      const rest = value.slice(end);
      chunks[chunks.length - 1] = value.subarray(0, end);
      yield chunks;
      chunks = rest.length ? [rest] : [];
      length = rest.length;
      quotes = exact() ? countQuotes(rest) : 0;
      lookAt = pieceBytes;
    }
    if (length) yield chunks;
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/** Chunks joined into one array (one copy each). */
export function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/** The text of a piece of a UTF-8 stream; only the first piece's BOM is dropped. */
export const decodePiece = (piece: Uint8Array, first: boolean): string =>
  // Elsewhere than at the file's start, U+FEFF is a character of a field.
  new TextDecoder("utf-8", { ignoreBOM: !first }).decode(piece);
