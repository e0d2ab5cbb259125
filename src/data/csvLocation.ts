// Where the indicators CSV comes from: /data/indicators.csv, or a same-origin path given as
// ?csv=. Another origin is refused: the page's data must be what its address says it is.

export const DEFAULT_CSV = "/data/indicators.csv";

export type CsvLocation = { ok: true; url: string } | { ok: false; given: string };

export function resolveCsvParam(given: string | null, origin: string): CsvLocation {
  if (given === null || given === "") return { ok: true, url: DEFAULT_CSV };
  // Only a path on this site: "/x.csv", not "//host/x", "http://…", "javascript:…" or "\\host".
  if (!given.startsWith("/") || given.startsWith("//") || given.includes("\\")) return { ok: false, given };
  let url: URL;
  try {
    url = new URL(given, origin);
  } catch {
    return { ok: false, given };
  }
  if (url.origin !== origin) return { ok: false, given };
  return { ok: true, url: url.pathname + url.search };
}
