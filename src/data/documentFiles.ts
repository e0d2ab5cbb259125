// Whether a document is in data/raw, as `npm run extract` decides it: a file `<id>.txt`, `.md`,
// `.html` or `.htm` in the folder (the name sources.csv gives first). A row of sources.csv alone
// is not a document: the run reports such a row and reads nothing for it. Pure: the page asks the
// server about these names (metadata.ts) and reads the answers here.
import { DOCUMENT_EXTENSIONS, articleTextName, isPageFile } from "../../extract/lib/index.ts";

/** The names under data/raw that may hold document `id`, the one sources.csv lists first. */
export function documentFileNames(id: string, listed?: string): string[] {
  const names = DOCUMENT_EXTENSIONS.map((extension) => `${id}.${extension}`);
  return listed && names.includes(listed) ? [listed, ...names.filter((n) => n !== listed)] : names;
}

/** What one answer about a name says: the file is there, it is not, or the server cannot say. */
export type FileAnswer = "here" | "missing" | "unknown";

/**
 * Reads the answer to `HEAD /data/raw/<name>`. A 404 is a missing file; so is an HTML answer for
 * a text file (a static host's fallback page for any path). A saved web page is HTML itself: it
 * counts when its article text (what the dashboard shows of it, kept beside it) is there too.
 * Any other failure says nothing: a person's decision is never called gone on a server's hiccup.
 */
export function readFileAnswer(name: string, status: number, contentType: string): FileAnswer {
  if (status === 404 || status === 410) return "missing";
  if (status < 200 || status >= 300) return "unknown";
  const html = contentType.toLowerCase().startsWith("text/html");
  return html && !isPageFile(name) ? "missing" : "here";
}

/** The files to ask about for `name`: a web page and its article text; a text file alone. */
export const filesOf = (id: string, name: string): string[] =>
  isPageFile(name) ? [name, articleTextName(id)] : [name];

/**
 * Whether a document is here from the answers about each of its names (in the order of
 * documentFileNames): here when one name's files are all here; gone when every name is missing;
 * here when any answer is unknown (the page cannot tell, so it does not drop the decision).
 */
export function documentHere(answers: readonly (readonly FileAnswer[])[]): boolean {
  if (answers.some((files) => files.length > 0 && files.every((a) => a === "here"))) return true;
  return answers.some((files) => files.includes("unknown"));
}
