// Canvas text is drawn with whatever font is loaded at that moment, and a missing Chinese font
// draws boxes. So before drawing (and before exporting) the bundled Noto Sans SC subsets that
// cover the text are loaded explicitly; @fontsource splits the font by unicode-range.

export const FONT_PROBE = '14px "Noto Sans SC"';

/** Characters numbers and qualifier marks are drawn with, always loaded. */
const NUMERALS = "0123456789.,-+%≈<>·—/QH ";

/**
 * The distinct characters of the strings in an option (names, titles, labels). Long arrays are
 * sampled: past their first entries they hold data labels, which are NUMERALS anyway.
 */
export function collectText(
  value: unknown,
  into = new Set<string>(NUMERALS),
  depth = 0,
): Set<string> {
  if (depth > 12) return into;
  if (typeof value === "string") {
    for (const c of value) into.add(c);
  } else if (ArrayBuffer.isView(value)) {
    // Numbers only (batched markers' flat items): Object.values would copy 600,000 of them.
    return into;
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length && i < 200; i++) collectText(value[i], into, depth + 1);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) collectText(v, into, depth + 1);
  }
  return into;
}

/** Loads the font faces the text needs; resolves when they are ready (or fonts are unsupported). */
export async function ensureFonts(text: string): Promise<void> {
  if (typeof document === "undefined" || !document.fonts) return;
  // Already loaded (the common case on a filter change): no need to wait a turn for it.
  if (document.fonts.status === "loaded" && document.fonts.check(FONT_PROBE, text || "江门")) {
    document.documentElement.dataset.fontsReady = "true";
    return;
  }
  try {
    await document.fonts.load(FONT_PROBE, text || "江门");
    await document.fonts.ready;
  } finally {
    document.documentElement.dataset.fontsReady = "true";
  }
}
