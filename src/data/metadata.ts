// The small tables the dashboard reads beside the facts: region names and article metadata.
// They are parsed in the worker (which has PapaParse anyway), keeping the parser off the page.
import { FetchError } from "./fetchError.ts";

export const REGIONS_URL = "/data/regions.csv";
export const SOURCES_URL = "/data/raw/sources.csv";

/** One article's metadata from data/raw/sources.csv. */
export interface SourceInfo {
  /** The document id: the file name without its extension. */
  id: string;
  file: string;
  published: string;
  title: string;
  publisher: string;
  url: string;
}

/** A data file never comes as HTML: that is a server's fallback page for a missing file. */
export const isHtml = (response: Response) =>
  (response.headers.get("content-type") ?? "").toLowerCase().startsWith("text/html");

export async function fetchText(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store" });
  } catch (error) {
    throw new FetchError({ kind: "network", url, message: String(error) });
  }
  if (!response.ok) {
    throw new FetchError({ kind: "http", url, status: response.status, statusText: response.statusText });
  }
  if (isHtml(response)) throw new FetchError({ kind: "html", url });
  return response.text();
}

/** A document id is a file name stem; anything else (slashes, dots leading up) is not fetched. */
export const isSafeSourceId = (id: string) => /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id) && !id.includes("..");

/** The article text: the file sources.csv names, else <id>.txt. */
export async function fetchArticle(id: string, sources: ReadonlyMap<string, SourceInfo>): Promise<string> {
  if (!isSafeSourceId(id)) throw new Error(`"${id}" is not a document id`);
  const file = sources.get(id)?.file;
  const name = file && isSafeSourceId(file) ? file : `${id}.txt`;
  const text = await fetchText(`/data/raw/${encodeURIComponent(name)}`);
  return text.replace(/^\uFEFF/, "");
}
