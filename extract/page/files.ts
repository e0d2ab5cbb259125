// Which files are web pages, and where a page's article text is kept: `article-text/<id>.txt`
// in the page's folder, so that `quote`, `start` and `end` of its facts can be checked against
// it (they point into that text, not into the HTML). Pure path logic, shared by the command,
// the server and the dashboard.

export const PAGE_EXTENSION = /\.html?$/i;
/** The extensions of the documents a folder holds, in the order a document's file is looked for. */
export const DOCUMENT_EXTENSIONS = ["txt", "md", "html", "htm"] as const;
/** The folder, inside the input folder, that holds the article texts of its pages. */
export const ARTICLE_TEXT_DIR = "article-text";

export const isPageFile = (name: string) => PAGE_EXTENSION.test(name);

/** The kept text's path relative to the input folder, `/`-separated. */
export const articleTextName = (id: string) => `${ARTICLE_TEXT_DIR}/${id}.txt`;
