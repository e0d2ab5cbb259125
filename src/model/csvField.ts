// One field of a CSV row as bytes (see csvBytes): how its bytes read, and its text. Apart from the
// splitter, so that reading a stored field does not bring the splitter (and PapaParse) along.

/** How a field's bytes read: as they are, inside quotes, or inside quotes with "" escapes. */
export const PLAIN = 0;
export const QUOTED = 1;
export const ESCAPED = 2;

// Elsewhere than at the file's start, U+FEFF is a character of a field.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

const decode = (bytes: Uint8Array, start: number, end: number) =>
  decoder.decode(bytes.subarray(start, end));

/** Fields up to this many bytes are tried as ASCII first. */
const SHORT = 32;

/**
 * A short field of ASCII bytes as a string, built byte by byte (for an article id, a date or a
 * period, cheaper than a call to the decoder); null if a byte is not ASCII.
 */
function asciiText(bytes: Uint8Array, start: number, end: number): string | null {
  let text = "";
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c >= 0x80) return null;
    text += String.fromCharCode(c);
  }
  return text;
}

/**
 * The text of a field: its bytes decoded (a field is cut at ASCII bytes, which no UTF-8 character
 * holds, so this is the text decoding the whole piece would give), "" read as one quote.
 */
export function fieldText(bytes: Uint8Array, start: number, end: number, kind: number): string {
  if (start === end) return "";
  const text =
    end - start <= SHORT
      ? (asciiText(bytes, start, end) ?? decode(bytes, start, end))
      : decode(bytes, start, end);
  return kind === ESCAPED ? text.replaceAll('""', '"') : text;
}
