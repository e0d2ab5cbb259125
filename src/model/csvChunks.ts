// Streaming a CSV in pieces: a piece may end inside a row, even inside a quoted field holding
// line breaks. The text is cut after the last line break that is outside quotes, so PapaParse
// always sees whole rows and the rest waits for the next piece.

/** The index just after the last row-ending "\n" outside quotes, or -1 if there is none. */
export function lastRowEnd(text: string): number {
  let last = -1;
  let i = 0;
  for (;;) {
    const quote = text.indexOf('"', i);
    // Outside quotes from i up to the next quote: a line break there ends a row.
    const limit = quote < 0 ? text.length : quote;
    const newline = text.lastIndexOf("\n", limit - 1);
    if (newline >= i) last = newline + 1;
    if (quote < 0) return last;
    // Inside quotes: skip to the closing quote ("" inside a field closes and reopens, which is
    // the same as staying inside).
    const close = text.indexOf('"', quote + 1);
    if (close < 0) return last;
    i = close + 1;
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
