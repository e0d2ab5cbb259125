// How the page learns whether it may write: the server puts <meta> tags into the index.html it
// serves (no inline script, which the Content-Security-Policy forbids). The page reads them in
// src/data/writeClient.ts; the names here and there must agree.
import type { WriteState } from "./api.ts";

export const META_TOKEN = "jm-write-token";
export const META_ORIGIN = "jm-write-origin";
export const META_OFF = "jm-writes-off";

const escapeAttribute = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `html` with the write settings of this start in meta tags just before </head>. */
export function injectWriteMeta(html: string, state: WriteState): string {
  const tags = state.enabled
    ? `<meta name="${META_TOKEN}" content="${escapeAttribute(state.settings.token)}">` +
      `<meta name="${META_ORIGIN}" content="${escapeAttribute(state.settings.origin)}">`
    : `<meta name="${META_OFF}" content="${escapeAttribute(state.reason)}">`;
  const at = html.search(/<\/head>/i);
  return at < 0 ? tags + html : html.slice(0, at) + tags + html.slice(at);
}
