// Why a data file could not be had. It imports nothing of the data layer, so the protocol, the
// metadata loader and the client can all use it without a cycle among them.

export type FetchFailure =
  | { kind: "http"; url: string; status: number; statusText: string }
  | { kind: "network"; url: string; message: string }
  /** A server that answers every path with the app's page (SPA fallback) instead of a 404. */
  | { kind: "html"; url: string }
  /** A file the user opened that is not text in UTF-8 or GB18030 (`url` is its name). */
  | { kind: "encoding"; url: string; message: string };

/** A file that could not be fetched, with its URL and HTTP status, so the page can say which. */
export class FetchError extends Error {
  constructor(readonly failure: FetchFailure) {
    super(
      failure.kind === "http"
        ? `${failure.url}: HTTP ${failure.status}`
        : failure.kind === "html"
          ? `${failure.url}: an HTML page, not a data file`
          : `${failure.url}: ${failure.message}`,
    );
  }
}
