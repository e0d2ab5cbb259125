// The bytes of a saved web page to its HTML text. Pure (no IO, no Node APIs): the command and the
// dashboard decode a page alike. Order, as browsers do: a BOM; else what the page declares in
// <meta charset> or <meta http-equiv="Content-Type">, where that is UTF-8 or the GB family; else
// detection (the same as for .txt: UTF-8, else GB18030). A page declaring any other encoding
// (Big5, Shift_JIS, windows-1252 …) is refused with the encoding named rather than read garbled;
// only when its bytes are all ASCII does the declaration not matter.
import { decodeDocument, type Decoded } from "../lib/decode.ts";

/** How far into the page the declaration is looked for (the HTML standard says 1024 bytes; saved
 * Chinese news pages often have long comments or scripts first). */
const PRESCAN_BYTES = 8192;

const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"]);
const GB_LABELS = new Set([
  "gbk",
  "gb2312",
  "gb18030",
  "x-gbk",
  "cp936",
  "euc-cn",
  "csgb2312",
  "chinese",
  "gb_2312-80",
  "iso-ir-58",
  "windows-936",
]);

/** The charset the page declares in its first bytes, lower-cased, or undefined. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, PRESCAN_BYTES));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(tag);
    if (direct) return direct[1]!.toLowerCase();
  }
  return undefined;
}

function allAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

export type DecodedPage = Decoded & { declared?: string };

/** Decodes a page's bytes, or says why not (empty, binary, an encoding not read). */
export function decodePage(bytes: Uint8Array): DecodedPage {
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom) return decodeDocument(bytes);
  const declared = declaredCharset(bytes);
  if (declared && !UTF8_LABELS.has(declared) && !GB_LABELS.has(declared) && !allAscii(bytes)) {
    return {
      ok: false,
      reason: `the page declares the encoding "${declared}", which is not read (UTF-8 and GB18030/GBK/GB2312 are): save it as UTF-8`,
    };
  }
  const decoded = decodeDocument(bytes);
  if (!decoded.ok || !declared) return decoded;
  const isGb = decoded.encoding === "gb18030";
  const saysGb = GB_LABELS.has(declared);
  if (isGb !== saysGb && !allAscii(bytes)) {
    // A page saved by a tool that rewrote its bytes but not its <meta>: the bytes decide.
    return {
      ...decoded,
      declared,
      notes: [
        ...decoded.notes,
        `declares ${declared} but its bytes are ${isGb ? "GB18030" : "UTF-8"}`,
      ],
    };
  }
  return { ...decoded, declared };
}
