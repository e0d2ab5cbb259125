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

/** The decoded text of a byte stream, piece by piece (UTF-8, BOM dropped by the decoder). */
export async function* textPieces(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  // (The DOM typings want a stream of BufferSource; a Uint8Array stream is one.)
  const decoder = new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>;
  const reader = stream.pipeThrough(decoder).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}
