// A saved web page dropped on the 分析文章 panel, read in the browser as `npm run extract` reads
// it: the same decoding and the same readability step (extract/page), on a document parsed by
// the browser's DOMParser. DOMParser runs no script and loads nothing (the document has no
// browsing context), and only its text is used: the page is never put into ours. Loaded on
// demand with Readability, so only a page dropped pays for it.
import { decodePage, pageArticle, type PageArticle } from "../../extract/page/index.ts";

export type BrowserPage =
  ({ ok: true; encoding: string } & PageArticle) | { ok: false; reason: string };

export function readPageInBrowser(bytes: Uint8Array): BrowserPage {
  const decoded = decodePage(bytes);
  if (!decoded.ok) return decoded;
  const document = new DOMParser().parseFromString(decoded.text, "text/html");
  const article = pageArticle(document);
  if (!article.ok) return article;
  return { ...article, encoding: decoded.encoding };
}
