import type { FetchFailure } from "./protocol.ts";

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
