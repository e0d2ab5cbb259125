// The page stage (saved web page → article text) as the dashboard uses it: no Node modules here.
// extract/page/node.ts is the Node side (linkedom); the extractor itself is extract/lib.
export { decodePage, declaredCharset, type DecodedPage } from "./charset.ts";
export {
  pageArticle,
  blockParagraphs,
  type PageArticle,
  type PageArticleResult,
} from "./article.ts";
export { pageMetadata, metaDate } from "./metadata.ts";
export {
  isPageFile,
  articleTextName,
  ARTICLE_TEXT_DIR,
  DOCUMENT_EXTENSIONS,
  PAGE_EXTENSION,
} from "./files.ts";
