// How an article is named to a reader: its title and publisher (from data/raw/sources.csv, else
// the article's first line) with its date; the document id (a file name stem such as
// 002_29067f03fc52df4d) is for a tooltip only.
import type { Language } from "./language.ts";

export interface ArticleName {
  id: string;
  title: string;
  publisher: string;
  published: string;
}

export interface KnownArticle {
  title?: string;
  publisher?: string;
  published?: string;
}

/** The name of article `id`: what sources.csv (or a pasted article) says, else `firstLine`. */
export function articleName(
  id: string,
  known: KnownArticle | undefined,
  firstLine: string | undefined,
  published = "",
): ArticleName {
  return {
    id,
    title: known?.title || firstLine || "",
    publisher: known?.publisher ?? "",
    published: known?.published || published,
  };
}

/** "江门日报《标题》 2023-07"; in English "江门日报, “标题”, 2023-07". The id when nothing else is known. */
export function articleLabel(name: ArticleName, lang: Language): string {
  if (!name.title && !name.publisher) return [name.id, name.published].filter(Boolean).join(" ");
  if (lang === "zh") {
    const title = name.title ? `《${name.title}》` : "";
    return `${name.publisher}${title}${name.published ? ` ${name.published}` : ""}`;
  }
  return [name.publisher, name.title ? `“${name.title}”` : "", name.published]
    .filter(Boolean)
    .join(", ");
}
