// A page's title and publication date from its <head>: Open Graph, article:published_time, and
// the meta names Chinese news sites use (publishdate, PubDate, …); without them, the posting time
// the body shows (a 公众号 article's #publish_time) or a script holds (var ct). Pure over a DOM Document.
import pageWords from "../lexicon/page.json" with { type: "json" };

/** Meta names and properties that give the publication date, most specific first. */
const DATE_KEYS = [
  "article:published_time",
  "publishdate",
  "pubdate",
  "publish_date",
  "publishtime",
  "publish-date",
  "og:release_date",
  "datepublished",
  "dc.date.issued",
  "dc.date",
  "date",
];

/** `YYYY-MM-DD` (or `YYYY-MM`) from the date forms pages write: 2024-03-05T08:00:00+08:00,
 * 2024/3/5 10:00, 2024年3月5日, 20240305. The date as written: no time zone conversion. */
export function metaDate(value: string): string | undefined {
  const match =
    /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value) ??
    /^\s*(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function pageMetadata(document: Document): { title?: string; published?: string } {
  const metas = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll("meta"))) {
    const key = (
      meta.getAttribute("property") ??
      meta.getAttribute("name") ??
      meta.getAttribute("itemprop") ??
      ""
    )
      .trim()
      .toLowerCase();
    const content = meta.getAttribute("content")?.trim();
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  let published: string | undefined;
  for (const key of DATE_KEYS) {
    const value = metas.get(key);
    published = value ? metaDate(value) : undefined;
    if (published) break;
  }
  published ??= bodyDate(document) ?? scriptDate(document);
  const title = metas.get("og:title") ?? headTitle(document);
  return { ...(title ? { title } : {}), ...(published ? { published } : {}) };
}

/** The posting time a page without date metadata shows in its body: the first element that names
 * itself as such (page.json publishedElements, most specific first) with a date in its datetime
 * attribute or its text. */
function bodyDate(document: Document): string | undefined {
  for (const selector of pageWords.publishedElements) {
    for (const el of Array.from(document.querySelectorAll(selector))) {
      const date = metaDate(el.getAttribute("datetime") ?? "") ?? metaDate(el.textContent ?? "");
      if (date) return date;
    }
  }
  return undefined;
}

/** var ct = "1761900120": a script's posting time in Unix seconds (page.json publishedScriptVars). */
const SCRIPT_TIME = new RegExp(
  `(?:^|[^\\w$.])(?:${pageWords.publishedScriptVars.join("|")})\\s*[=:]\\s*["']?(\\d{10})["']?`,
);
/** China's offset from UTC, in milliseconds: a Chinese page's posting time is local. */
const CHINA_OFFSET = 8 * 3600 * 1000;

/** The posting time a script assigns (a 公众号 page saved before its scripts ran), as a date in
 * China's time zone. */
function scriptDate(document: Document): string | undefined {
  for (const script of Array.from(document.querySelectorAll("script"))) {
    const m = SCRIPT_TIME.exec(script.textContent ?? "");
    if (m) return new Date(Number(m[1]) * 1000 + CHINA_OFFSET).toISOString().slice(0, 10);
  }
  return undefined;
}

/**
 * The page's own title without the site's name: <title> is usually `headline_channel_site` or
 * `headline - site`. The headline is the page's first <h1> when <title> begins with it; else the
 * part of <title> before the first such separator, when that leaves a headline of some length.
 */
function headTitle(document: Document): string | undefined {
  const full = document.querySelector("title")?.textContent?.replace(/\s+/g, " ").trim();
  if (!full) return undefined;
  for (const h1 of Array.from(document.querySelectorAll("h1"))) {
    const heading = h1.textContent?.replace(/\s+/g, " ").trim();
    if (heading && full.startsWith(heading)) return heading;
  }
  const head = full.split(/\s*(?:_|\||｜|\s-\s|\s–\s|\s—\s)\s*/)[0]?.trim();
  return head && head.length >= 4 ? head : full;
}
