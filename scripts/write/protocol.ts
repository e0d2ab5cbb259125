// What a refused write answers: `{ ok: false, code, params, error }`. `code` says which check or
// which problem refused it, `params` the values it names (a limit, a file and line, a field), and
// `error` the same in English for logs, curl and the tests. The page never shows `error` as its
// message: it translates `code` with `params` into the reader's language (src/write/writeErrors.ts,
// whose table of messages the type checker holds to this list).

/** Every reason the server gives for refusing a write. */
export const WRITE_REFUSAL_CODES = [
  // The guard and the body (guard.ts, api.ts, serve.ts)
  "writes-off",
  "method",
  "host",
  "origin",
  "cross-site",
  "no-token",
  "token",
  "content-type",
  "content-length",
  "too-large",
  "bad-path",
  "no-route",
  "body-empty",
  "body-not-utf8",
  "body-not-json",
  "body-unreadable",
  // Saving and deleting articles (articles.ts)
  "bad-request",
  "article-empty",
  "article-type",
  "not-base64",
  "bad-date",
  "field-too-long",
  "bad-url",
  "article-unreadable",
  "file-not-utf8",
  "sources-problem",
  "indicators-header",
  "indicators-broken",
  "tables-problem",
  "no-article",
  // Decisions (reviews.ts)
  "bad-review",
  "review-field",
  "no-document",
  "document-unreadable",
  "text-moved",
  "reviews-not-utf8",
  "reviews-header",
] as const;

export type WriteRefusalCode = (typeof WRITE_REFUSAL_CODES)[number];

/** The values a refusal names, for the page to put into its sentence. */
export type RefusalParams = Record<string, string | number>;

/** The body of a refused write. */
export interface RefusalBody {
  ok: false;
  code: WriteRefusalCode;
  params: RefusalParams;
  error: string;
  [key: string]: unknown;
}

export const refusalBody = (
  code: WriteRefusalCode,
  error: string,
  params: RefusalParams = {},
): RefusalBody => ({ ok: false, code, params, error });
