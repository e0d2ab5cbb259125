// An exported SVG must draw its Chinese text on a machine without Noto Sans SC. The bundled font
// is split by @fontsource into unicode-range pieces (woff2, ~100 of them); the SVG gets, as
// @font-face data, only the pieces holding a character it draws (Excalidraw subsets fonts for
// its SVG export the same way, by glyph use). Pure helpers first, then the one that reads the
// page's style sheets and fetches the pieces.

/** The family name in the SVG: single quotes, so it sits inside a double-quoted attribute. */
export const SVG_FONT_FAMILY = "'Noto Sans SC', sans-serif";

/** Parses a CSS unicode-range ("U+4e00-4e20,U+3000") into [first, last] code point pairs. */
export function parseUnicodeRange(range: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of range.split(",")) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    const first = m[1]!;
    if (first.includes("?")) {
      out.push([parseInt(first.replace(/\?/g, "0"), 16), parseInt(first.replace(/\?/g, "f"), 16)]);
    } else {
      const a = parseInt(first, 16);
      out.push([a, m[2] ? parseInt(m[2], 16) : a]);
    }
  }
  return out;
}

export const rangeCovers = (ranges: readonly [number, number][], code: number) =>
  ranges.some(([a, b]) => code >= a && code <= b);

/** The characters an SVG string draws: its text nodes, entities decoded. */
export function svgText(svg: string): string {
  const text: string[] = [];
  for (const m of svg.matchAll(/>([^<]+)</g)) text.push(m[1]!);
  return text
    .join("")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Puts font-face rules into an SVG as its first child. */
export function withFontFaces(svg: string, faces: readonly string[]): string {
  if (!faces.length) return svg;
  const open = svg.indexOf(">", svg.indexOf("<svg"));
  if (open < 0) return svg;
  return `${svg.slice(0, open + 1)}<defs><style>${faces.join("")}</style></defs>${svg.slice(open + 1)}`;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The page's Noto Sans SC pieces: unicode range and woff2 address. */
function fontPieces(): { ranges: [number, number][]; url: string; range: string }[] {
  const pieces: { ranges: [number, number][]; url: string; range: string }[] = [];
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSFontFaceRule)) continue;
      const family = rule.style.getPropertyValue("font-family").replace(/["']/g, "").trim();
      if (family !== "Noto Sans SC") continue;
      const url = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(rule.style.getPropertyValue("src"))?.[1];
      const range = rule.style.getPropertyValue("unicode-range");
      if (url) pieces.push({ ranges: parseUnicodeRange(range), url, range });
    }
  }
  return pieces;
}

/** @font-face rules carrying the font pieces that cover `text`, as data URLs. */
export async function embeddedFontFaces(text: string): Promise<string[]> {
  const codes = [...new Set([...text].map((c) => c.codePointAt(0)!))].filter((c) => c > 0x7f);
  // Latin digits and letters come from the Latin piece: always include what ASCII text needs.
  codes.push(0x30, 0x41);
  const wanted = fontPieces().filter((p) => codes.some((c) => rangeCovers(p.ranges, c)));
  return Promise.all(
    wanted.map(async (p) => {
      const response = await fetch(new URL(p.url, document.baseURI));
      if (!response.ok) throw new Error(`font piece ${p.url}: HTTP ${response.status}`);
      const data = base64(new Uint8Array(await response.arrayBuffer()));
      return `@font-face{font-family:'Noto Sans SC';font-style:normal;font-weight:400;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${p.range};}`;
    }),
  );
}

/** A copy of an option with every fontFamily set to `family`; data arrays are shared, not walked. */
export function withFontFamily(value: unknown, family: string, depth = 0): unknown {
  if (depth > 12 || !value || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => withFontFamily(v, family, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === "fontFamily") out[key] = family;
    else if (key === "data") out[key] = v;
    else out[key] = withFontFamily(v, family, depth + 1);
  }
  return out;
}
