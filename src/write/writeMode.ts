// Whether this page can write to data/: read once from the <meta> tags that `npm start` puts into
// the index.html it serves (scripts/write/meta.ts; the names must agree). Pure over the meta
// values, so it is tested without a DOM.

export const META_TOKEN = "jm-write-token";
export const META_ORIGIN = "jm-write-origin";
export const META_OFF = "jm-writes-off";

export type WriteMode =
  /** Under `npm start`, opened at the address it printed: writes go to the server. */
  | { kind: "server"; token: string; origin: string }
  /** Under `npm start`, but writes are off or this address is not the printed one. */
  | { kind: "server-off"; reason: string }
  /** Static files (dist/ behind any web server, or the dev server): keep in the browser. */
  | { kind: "static" };

export function writeModeFrom(
  meta: (name: string) => string | null,
  pageOrigin: string,
): WriteMode {
  const off = meta(META_OFF);
  if (off !== null) return { kind: "server-off", reason: off };
  const token = meta(META_TOKEN);
  const origin = meta(META_ORIGIN);
  if (!token || !origin) return { kind: "static" };
  if (origin !== pageOrigin) {
    // The server refuses writes from any other address (a DNS-rebinding guard): say where to go.
    return {
      kind: "server-off",
      reason: `saving works at the address the server printed, ${origin}/, not ${pageOrigin}`,
    };
  }
  return { kind: "server", token, origin };
}

let cached: WriteMode | undefined;

/** This page's write mode (read from the document once). */
export function pageWriteMode(): WriteMode {
  if (cached) return cached;
  const meta = (name: string) =>
    document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? null;
  cached = writeModeFrom(meta, location.origin);
  return cached;
}
