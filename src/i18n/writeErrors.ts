// A refused or failed write in the reader's language. The server answers with a code and the
// values it names (scripts/write/protocol.ts); its English `error` is for logs and is never the
// page's message. Each code has a sentence here in both languages (the type checker holds the
// table to the server's list), saying what was refused and why, and what to do; a refusal (4xx)
// says that nothing in data/ was changed, which the server guarantees for every refusal. Values
// the server quotes from a file or a parser (a line's problem, a reader's reason) are shown as
// they come.
import type { WriteRefusalCode } from "../../scripts/write/protocol.ts";
import type { Language } from "../model/language.ts";

/** What the page itself can say went wrong, beside the server's refusals. */
export type ClientFailureCode =
  /** No answer: the server is stopped, or the network failed. */
  | "unreachable"
  /** An answer that is not the protocol's (a 500 page, a proxy's error page). */
  | "server-fault"
  /** A protocol answer of an unexpected shape. */
  | "bad-answer"
  /** Static files: no server to write to. */
  | "no-server"
  /** The browser's own storage (IndexedDB) failed. */
  | "browser-storage"
  /** A row without its place in the article (start, end): a decision could not name it. */
  | "no-offsets"
  /** A code this page does not know (a newer server): the server's words are shown. */
  | "unknown";

export type WriteFailureCode = WriteRefusalCode | ClientFailureCode;

/** A write that did not happen, as the page keeps it: translated when shown. */
export interface WriteFailure {
  status: number;
  code: WriteFailureCode;
  params: Record<string, string | number>;
  /** The server's (or the browser's) own words: for logs and the tests, shown only for a code
   * the page does not know. */
  detail: string;
}

type Sentence = { zh: string; en: string };

const MESSAGES: Record<WriteFailureCode, Sentence> = {
  "writes-off": {
    zh: "服务器没有开放保存：{reason}",
    en: "The server does not take writes: {reason}",
  },
  method: {
    zh: "请求方法 {method} 不是保存（保存只用 POST）。",
    en: "The method {method} is not a write (every write is a POST).",
  },
  host: {
    zh: "地址不对：请在服务器启动时打印的地址打开看板再保存（防 DNS 重绑定）。",
    en: "Wrong address: open the dashboard at the address the server printed, then save again (a DNS-rebinding guard).",
  },
  origin: {
    zh: "来源不对：只接受看板自己页面发出的保存，请在服务器打印的地址打开看板。",
    en: "Wrong origin: only the dashboard's own page may save; open it at the address the server printed.",
  },
  "cross-site": {
    zh: "浏览器报告这次保存来自其他网站，已拒绝。",
    en: "The browser reports this write came from another site; refused.",
  },
  "no-token": {
    zh: "页面没有写入令牌：请重新加载页面后再试。",
    en: "The page has no write token: reload the page and try again.",
  },
  token: {
    zh: "写入令牌已失效：服务器重启后会换新令牌。请重新加载页面，再做一次。",
    en: "The write token is out of date: the server makes a new one at every start. Reload the page and do it again.",
  },
  "content-type": {
    zh: "请求内容类型不是 JSON，已拒绝。",
    en: "The request is not JSON (Content-Type); refused.",
  },
  "content-length": {
    zh: "请求长度（Content-Length）格式错误，已拒绝。",
    en: "The request's Content-Length is malformed; refused.",
  },
  "too-large": {
    zh: "内容太大：上限为 {limitMiB} MiB。请保存较小的文件（如网页另存为纯文本）。",
    en: "Too large: the limit is {limitMiB} MiB. Save a smaller file (a page saved as plain text, say).",
  },
  "bad-path": {
    zh: "请求的路径无效：{reason}",
    en: "The request's path is not valid: {reason}",
  },
  "no-route": {
    zh: "服务器没有这项保存功能（{path}）：服务器版本可能较旧，请重启 npm start。",
    en: "The server has no such write ({path}): it may be an older version; restart npm start.",
  },
  "body-empty": {
    zh: "请求内容为空，已拒绝。",
    en: "The request was empty; refused.",
  },
  "body-not-utf8": {
    zh: "请求内容不是 UTF-8 编码，已拒绝。",
    en: "The request is not UTF-8; refused.",
  },
  "body-not-json": {
    zh: "请求内容不是有效的 JSON，已拒绝。",
    en: "The request is not valid JSON; refused.",
  },
  "body-unreadable": {
    zh: "请求内容没有完整送达（连接中断），请再试一次。",
    en: "The request did not arrive whole (the connection broke); try again.",
  },
  "bad-request": {
    zh: "请求的格式不对，已拒绝。",
    en: "The request is not in the expected form; refused.",
  },
  "article-empty": {
    zh: "文章是空的，没有可保存的内容。",
    en: "The article is empty: nothing to save.",
  },
  "article-type": {
    zh: "“{name}”不是 .txt、.md、.html 或 .htm 文件，不能保存。",
    en: "“{name}” is not a .txt, .md, .html or .htm file, so it cannot be kept.",
  },
  "not-base64": {
    zh: "文件内容在传输中损坏（不是 base64），请重新拖入文件。",
    en: "The file was damaged on its way (not base64); drop it again.",
  },
  "bad-date": {
    zh: "发布日期“{published}”无效：请写成 YYYY-MM-DD 或 YYYY-MM。",
    en: "The publication date “{published}” is not valid: write YYYY-MM-DD or YYYY-MM.",
  },
  "field-too-long": {
    zh: "“{fieldName}”太长：最多 {limit} 个字符。",
    en: "“{fieldName}” is too long: at most {limit} characters.",
  },
  "bad-url": {
    zh: "链接必须以 http:// 或 https:// 开头。",
    en: "The link must start with http:// or https://.",
  },
  "article-unreadable": {
    zh: "这篇文章读不出来：{reason}",
    en: "The article cannot be read: {reason}",
  },
  "file-not-utf8": {
    zh: "{file} 不是 UTF-8 编码（可能被表格软件另存过）：请先把它另存为 UTF-8，再保存。",
    en: "{file} is not UTF-8 (a spreadsheet may have saved it): save it as UTF-8 first, then save again.",
  },
  "sources-problem": {
    zh: "data/raw/sources.csv 第 {line} 行有问题，请先修好它：{message}",
    en: "data/raw/sources.csv line {line} has a problem; fix it first: {message}",
  },
  "indicators-header": {
    zh: "data/indicators.csv 的表头不是约定的表头：请先运行 npm run extract。",
    en: "data/indicators.csv does not start with the contract's header: run npm run extract first.",
  },
  "indicators-broken": {
    zh: "data/indicators.csv 第 {line} 行的引号被破坏（手工编辑过？），各行无法分开：请先运行 npm run extract。",
    en: "data/indicators.csv line {line}: its quotes are broken (a hand edit?), so its rows cannot be told apart: run npm run extract first.",
  },
  "tables-problem": {
    zh: "地区表或核对表有问题，请先修好：{message}",
    en: "The region table or the reviews file has a problem; fix it first: {message}",
  },
  "no-article": {
    zh: "data/raw 中没有文章 {id}（可能已被删除）。",
    en: "There is no article {id} in data/raw (deleted already?).",
  },
  "bad-review": {
    zh: "核对记录的格式不对，已拒绝。",
    en: "The decision is not in the expected form; refused.",
  },
  "review-field": {
    zh: "核对记录的字段“{field}”无效：{message}",
    en: "The decision's field “{field}” is not valid: {message}",
  },
  "no-document": {
    zh: "文章 {source} 已不在 data/raw 中（被删除或移走了），无法核对。",
    en: "The article {source} is no longer in data/raw (deleted or moved), so it cannot be checked.",
  },
  "document-unreadable": {
    zh: "文章 {source} 读不出来，无法核对：{reason}",
    en: "The article {source} cannot be read, so it cannot be checked: {reason}",
  },
  "text-moved": {
    zh: "文章 {source} 已改动：此处现在是“{held}”，不是“{text}”。请重新加载页面后再核对。",
    en: "The article {source} has changed: this place now holds “{held}”, not “{text}”. Reload the page and check again.",
  },
  "reviews-not-utf8": {
    zh: "data/reviews.csv 不是 UTF-8 编码（可能被表格软件另存为 GBK）：请把它另存为 UTF-8，再核对。",
    en: "data/reviews.csv is not UTF-8 (a spreadsheet may have saved it as GBK): save it as UTF-8 and decide again.",
  },
  "reviews-header": {
    zh: "data/reviews.csv 第 1 行缺少列 {missing}，其中的核对都读不出：请把表头改回来，再核对。",
    en: "data/reviews.csv line 1 lacks the column(s) {missing}, so no decision in it can be read: put the header back and decide again.",
  },
  unreachable: {
    zh: "连不上服务器：npm start 是否还在运行？请启动它后再试一次。",
    en: "The server could not be reached: is npm start still running? Start it and try again.",
  },
  "server-fault": {
    zh: "服务器出错（HTTP {status}），请看 npm start 的输出后再试一次。",
    en: "The server failed (HTTP {status}); see the output of npm start and try again.",
  },
  "bad-answer": {
    zh: "服务器的回答格式不对（HTTP {status}），不确定是否已保存：请重新加载页面查看。",
    en: "The server's answer has an unexpected form (HTTP {status}); it may or may not be saved: reload the page to see.",
  },
  "no-server": {
    zh: "没有可写入的服务器（静态文件）。",
    en: "There is no server to write to (static files).",
  },
  "browser-storage": {
    zh: "浏览器存储（IndexedDB）写入失败（存储已满或被禁用？）。",
    en: "The browser's storage (IndexedDB) failed (full, or turned off?).",
  },
  "no-offsets": {
    zh: "这一行没有它在文章中的位置（start、end），核对无法指向它。",
    en: "This row has no place in its article (start, end), so a decision cannot point at it.",
  },
  unknown: {
    zh: "服务器拒绝了这次保存（HTTP {status}）。",
    en: "The server refused this write (HTTP {status}).",
  },
};

/** The field names a refusal may give, in the reader's language. */
const FIELD_NAMES: Record<string, Sentence> = {
  title: { zh: "标题", en: "Title" },
  publisher: { zh: "来源", en: "Publisher" },
  url: { zh: "链接", en: "Link" },
};

const NOTHING_CHANGED: Sentence = {
  zh: "数据未作任何改动。",
  en: "Nothing in data/ was changed.",
};

/** The sentence for a failed write, in `lang`, with the server's own words after it. */
export function describeWriteFailure(lang: Language, failure: WriteFailure): string {
  const params: Record<string, string | number> = { ...failure.params, status: failure.status };
  if (typeof params.limit === "number") params.limitMiB = +(params.limit / 2 ** 20).toFixed(2);
  if (typeof params.field === "string")
    params.fieldName = FIELD_NAMES[params.field]?.[lang] ?? params.field;
  const sentence = MESSAGES[failure.code][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? ""),
  );
  const refused = failure.status >= 400 && failure.status < 500;
  const parts = [sentence];
  if (refused) parts.push(NOTHING_CHANGED[lang]);
  // A code this page does not know: the server's own words are all there is to show.
  if (failure.code === "unknown" && failure.detail)
    parts.push(lang === "zh" ? `（${failure.detail}）` : `(${failure.detail})`);
  return parts.join(lang === "zh" ? "" : " ");
}

/** A decision about a row that has no offsets: nothing was sent. */
export const NO_OFFSETS: WriteFailure = {
  status: 0,
  code: "no-offsets",
  params: {},
  detail: "no offsets",
};
