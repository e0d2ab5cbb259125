// Turns the bytes of a document into text, or says why it cannot be used. Pure (no IO): the same
// bytes always give the same answer, so workers and the main thread agree.

/** Encodings we report for a decoded document. */
export type DocumentEncoding = "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be";

export type Decoded =
  | {
      ok: true;
      /** The text, BOM removed, line endings untouched: fact offsets point into it. */
      text: string;
      encoding: DocumentEncoding;
      /** Things a user may want to know, e.g. invalid bytes that were replaced. */
      notes: string[];
    }
  | { ok: false; reason: string };

/** Share of control bytes above which a file is taken for binary rather than text. */
const MAX_CONTROL_SHARE = 0.05;
/** How much of a file the control-byte census looks at: enough to tell, cheap on 100 MB pages. */
const CENSUS_BYTES = 1 << 20;
/**
 * A UTF-8 file with a few broken sequences (a truncated download, one bad byte) is still UTF-8:
 * GB18030 would decode it "successfully" into mojibake. A GBK/GB18030 file read as UTF-8 breaks at
 * almost every non-ASCII character, so a small share of broken sequences among the non-ASCII bytes
 * tells the two apart.
 */
const MAX_BROKEN_UTF8_SHARE = 1 / 50;

const utf8Strict = new TextDecoder("utf-8", { fatal: true });
const utf8Lossy = new TextDecoder("utf-8");
const gb18030Strict = new TextDecoder("gb18030", { fatal: true });

function isControlByte(b: number): boolean {
  // Tab, LF, VT, FF, CR and ESC occur in real text files; the rest of C0 and DEL do not.
  return (
    (b < 0x20 &&
      b !== 0x09 &&
      b !== 0x0a &&
      b !== 0x0b &&
      b !== 0x0c &&
      b !== 0x0d &&
      b !== 0x1b) ||
    b === 0x7f
  );
}

function looksBinary(bytes: Uint8Array): string | undefined {
  if (bytes.indexOf(0) >= 0) return "binary file (contains NUL bytes)";
  const sample = bytes.subarray(0, CENSUS_BYTES);
  let control = 0;
  for (const b of sample) if (isControlByte(b)) control++;
  if (control > sample.length * MAX_CONTROL_SHARE) {
    return `binary file (${Math.round((100 * control) / sample.length)}% control bytes)`;
  }
  return undefined;
}

function countNonAscii(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b >= 0x80) n++;
  return n;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\uFFFD"); i >= 0; i = text.indexOf("\uFFFD", i + 1)) n++;
  return n;
}

function isEmptyText(text: string): boolean {
  return text.trim().length === 0;
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): Decoded {
  // TextDecoder drops the BOM by default, so offsets start after it.
  const text = new TextDecoder(encoding).decode(bytes);
  if (isEmptyText(text)) return { ok: false, reason: "empty document (no text)" };
  const broken = countReplacements(text);
  const notes = broken ? [`${broken} invalid UTF-16 sequence(s) replaced with U+FFFD`] : [];
  return { ok: true, text, encoding, notes };
}

/**
 * Decodes a document: UTF-8 (BOM or not), else GB18030 (a superset of GBK and GB2312), detected
 * from the bytes; UTF-16 only with a BOM. Empty and binary files are refused with a reason.
 */
export function decodeDocument(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: "empty file" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, "utf-16be");
  const binary = looksBinary(bytes);
  if (binary) return { ok: false, reason: binary };

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let decoded: Decoded;
  try {
    // The default `ignoreBOM: false` consumes a leading BOM, so offsets exclude it.
    decoded = {
      ok: true,
      text: utf8Strict.decode(bytes),
      encoding: hasBom ? "utf-8-bom" : "utf-8",
      notes: [],
    };
  } catch {
    decoded = decodeNotUtf8(bytes, hasBom);
  }
  if (decoded.ok && isEmptyText(decoded.text))
    return { ok: false, reason: "empty document (no text)" };
  return decoded;
}

function decodeNotUtf8(bytes: Uint8Array, hasBom: boolean): Decoded {
  const lossy = utf8Lossy.decode(bytes);
  const broken = countReplacements(lossy);
  if (hasBom || broken <= countNonAscii(bytes) * MAX_BROKEN_UTF8_SHARE) {
    const note = `${broken} invalid UTF-8 sequence(s) replaced with U+FFFD`;
    return { ok: true, text: lossy, encoding: hasBom ? "utf-8-bom" : "utf-8", notes: [note] };
  }
  try {
    return { ok: true, text: gb18030Strict.decode(bytes), encoding: "gb18030", notes: [] };
  } catch {
    return { ok: false, reason: "not text in UTF-8 or GB18030 (invalid byte sequences)" };
  }
}
