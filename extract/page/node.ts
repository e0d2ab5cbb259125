// Reading a saved web page in Node: decode, parse with linkedom (a light DOM without a browser),
// find the article. The browser does the same with DOMParser (src/article/page.ts).
import { parseHTML } from "linkedom";
import { pageArticle, type PageArticleResult } from "./article.ts";
import { decodePage } from "./charset.ts";

export type ReadPage = (PageArticleResult & { notes?: string[] }) & { encoding?: string };

/** The article of a page's bytes, or why there is none. Never throws. */
export function readPageBytes(bytes: Uint8Array): ReadPage {
  const decoded = decodePage(bytes);
  if (!decoded.ok) return decoded;
  let document: Document;
  try {
    document = parseHTML(decoded.text).document as unknown as Document;
  } catch (error) {
    return { ok: false, reason: `the page could not be parsed: ${String(error)}` };
  }
  const article = pageArticle(document);
  if (!article.ok) return article;
  return { ...article, encoding: decoded.encoding, notes: decoded.notes };
}
