// Turns the bytes of a document into text, or says why it cannot be used. Pure (no IO, no Node
// APIs): the same bytes always give the same answer, so workers and the main thread agree, and the
// dashboard reads a CSV a user opens with the same detection as the extractor reads articles.

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
  // Indexed loops: a typed array's iterator costs an object per byte until the optimiser catches
  // up, which each worker thread pays again (600 ms of one worker's 2 s in a profile).
  for (let i = 0; i < sample.length; i++) if (isControlByte(sample[i]!)) control++;
  if (control > sample.length * MAX_CONTROL_SHARE) {
    return `binary file (${Math.round((100 * control) / sample.length)}% control bytes)`;
  }
  return undefined;
}

function countNonAscii(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) n++;
  return n;
}

/** Bytes decoded at a time when only a verdict is wanted, never the whole text. */
const VERDICT_CHUNK = 1 << 20;

/**
 * Decodes `bytes` piece by piece with a fresh decoder, handing each piece's text to `see` and then
 * dropping it: a verdict on a 200 MB file without a 200 MB string. Returns false when a fatal
 * decoder meets an invalid sequence.
 */
function decodeInPieces(
  label: string,
  fatal: boolean,
  bytes: Uint8Array,
  see: (text: string) => void = () => undefined,
): boolean {
  const decoder = new TextDecoder(label, { fatal });
  try {
    for (let at = 0; at < bytes.length; at += VERDICT_CHUNK) {
      see(decoder.decode(bytes.subarray(at, at + VERDICT_CHUNK), { stream: true }));
    }
    see(decoder.decode());
    return true;
  } catch {
    return false;
  }
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

/** What bytes that are not valid UTF-8 are: UTF-8 with a few broken sequences, or GB18030. */
type NotUtf8Verdict =
  | { ok: true; encoding: "utf-8" | "utf-8-bom"; broken: number }
  | { ok: true; encoding: "gb18030" }
  | { ok: false; reason: string };

function judgeNotUtf8(bytes: Uint8Array, hasBom: boolean): NotUtf8Verdict {
  let broken = 0;
  decodeInPieces("utf-8", false, bytes, (text) => (broken += countReplacements(text)));
  if (hasBom || broken <= countNonAscii(bytes) * MAX_BROKEN_UTF8_SHARE) {
    return { ok: true, encoding: hasBom ? "utf-8-bom" : "utf-8", broken };
  }
  if (decodeInPieces("gb18030", true, bytes)) return { ok: true, encoding: "gb18030" };
  return { ok: false, reason: "not text in UTF-8 or GB18030 (invalid byte sequences)" };
}

function decodeNotUtf8(bytes: Uint8Array, hasBom: boolean): Decoded {
  const verdict = judgeNotUtf8(bytes, hasBom);
  if (!verdict.ok) return verdict;
  if (verdict.encoding === "gb18030") {
    return { ok: true, text: gb18030Strict.decode(bytes), encoding: "gb18030", notes: [] };
  }
  const note = `${verdict.broken} invalid UTF-8 sequence(s) replaced with U+FFFD`;
  return { ok: true, text: utf8Lossy.decode(bytes), encoding: verdict.encoding, notes: [note] };
}

export type Detected = { ok: true; encoding: DocumentEncoding } | { ok: false; reason: string };

/**
 * The encoding `decodeDocument` reads `bytes` in, or why it refuses them, found by the same rules
 * (a BOM; valid UTF-8, or UTF-8 with a few broken sequences; else GB18030) but without building
 * the text: for a reader that decodes the file as a stream afterwards. Unlike `decodeDocument`
 * it does not refuse an empty or blank file: a CSV reader has its own word for that.
 */
export function detectEncoding(bytes: Uint8Array): Detected {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, encoding: "utf-16be" };
  const binary = looksBinary(bytes);
  if (binary) return { ok: false, reason: binary };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (decodeInPieces("utf-8", true, bytes)) {
    return { ok: true, encoding: hasBom ? "utf-8-bom" : "utf-8" };
  }
  const verdict = judgeNotUtf8(bytes, hasBom);
  return verdict.ok ? { ok: true, encoding: verdict.encoding } : verdict;
}
