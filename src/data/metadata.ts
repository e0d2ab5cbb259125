// The small tables the dashboard reads beside the facts: region names and article metadata.
// They are parsed in the worker (which has PapaParse anyway), keeping the parser off the page.
import { FetchError } from "./fetchError.ts";
import { articleTextName, decodeDocument, isPageFile } from "../../extract/lib/index.ts";
import { documentFileNames, documentHere, filesOf, readFileAnswer, type FileAnswer } from "./documentFiles.ts";

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

/**
 * A document id is a file name stem, as `npm run extract` takes it from data/raw: any name a
 * person gives a file (恩平 前三季度.txt is document "恩平 前三季度"), fetched as one encoded path
 * segment. Not fetched: a path (slashes, backslashes, `..`), a hidden file's name (a leading dot,
 * which the run skips), control characters, and the characters no Windows file name may hold
 * (< > : " | ? *), which only markup or a path would bring.
 */
// eslint-disable-next-line no-control-regex
const NOT_IN_ID = /[\u0000-\u001f\u007f/\\<>:"|?*]/;
export const isSafeSourceId = (id: string) =>
  id !== "" && !id.startsWith(".") && !id.includes("..") && !NOT_IN_ID.test(id);

/** The address of a file under data/raw, each path segment encoded. */
const rawUrl = (name: string) => `/data/raw/${name.split("/").map(encodeURIComponent).join("/")}`;

/** Fetches a data file's bytes; null when the server has no such file (404). */
async function fetchBytes(url: string): Promise<Uint8Array | null> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store" });
  } catch (error) {
    throw new FetchError({ kind: "network", url, message: String(error) });
  }
  if (response.status === 404) return null;
  if (!response.ok) {
    throw new FetchError({ kind: "http", url, status: response.status, statusText: response.statusText });
  }
  if (isHtml(response)) throw new FetchError({ kind: "html", url });
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The article text as the extractor read it: the file sources.csv names, else <id>.txt, else
 * <id>.md, decoded by the extractor's own detection (UTF-8 with or without BOM, GB18030/GBK,
 * UTF-16 with BOM), so fact offsets point into the same text.
 */
export async function fetchArticle(id: string, sources: ReadonlyMap<string, SourceInfo>): Promise<string> {
  if (!isSafeSourceId(id)) throw new Error(`"${id}" is not a document id`);
  const file = sources.get(id)?.file;
  // A web page's facts point into its article text, kept beside it (extract/page/files.ts).
  const names =
    file && isSafeSourceId(file)
      ? [isPageFile(file) ? articleTextName(id) : file]
      : [`${id}.txt`, `${id}.md`, articleTextName(id)];
  for (const name of names) {
    const bytes = await fetchBytes(rawUrl(name));
    if (!bytes) continue;
    const decoded = decodeDocument(bytes);
    if (!decoded.ok) throw new Error(`${name}: ${decoded.reason}`);
    return decoded.text;
  }
  throw new FetchError({ kind: "http", url: `/data/raw/${names.join(" | ")}`, status: 404, statusText: "Not Found" });
}

/** What the server says of one file under data/raw (HEAD: the bytes are not needed). */
async function askAboutFile(name: string): Promise<FileAnswer> {
  try {
    const response = await fetch(rawUrl(name), { method: "HEAD", cache: "no-store" });
    return readFileAnswer(name, response.status, response.headers.get("content-type") ?? "");
  } catch {
    return "unknown";
  }
}

/**
 * Whether document `id` is in data/raw as `npm run extract` would find it (documentFiles.ts): a
 * decision about a document that is not is applied to nothing, by the run and by the dashboard.
 */
export async function documentIsHere(
  id: string,
  sources: ReadonlyMap<string, SourceInfo>,
): Promise<boolean> {
  if (!isSafeSourceId(id)) return false;
  const answers: FileAnswer[][] = [];
  for (const name of documentFileNames(id, sources.get(id)?.file)) {
    const files: FileAnswer[] = [];
    for (const file of filesOf(id, name)) files.push(await askAboutFile(file));
    answers.push(files);
    // The first name found settles it: the others are not asked about.
    if (files.every((a) => a === "here")) break;
  }
  return documentHere(answers);
}
