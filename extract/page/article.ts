// A web page's article: the body a readability library finds (Mozilla's Readability, the reader
// view of Firefox) without navigation, related links, comments or footer, as plain text with one
// paragraph per block; the title and publication date from the page's metadata. Works on any DOM
// Document: linkedom's in Node (extract/page/node.ts), DOMParser's in the browser. Readability
// changes the document it reads, so the metadata is read first.
import { Readability } from "@mozilla/readability";
import { partsText, tableRowParts, tableUnitLine, VALUE_HEADERS } from "../lib/table.ts";
import { pageMetadata } from "./metadata.ts";

export interface PageArticle {
  /** The article text: its title, a blank line, then its paragraphs separated by blank lines. */
  text: string;
  /** The title from metadata (og:title, else <title>), else Readability's. */
  title?: string;
  /** The publication date from metadata, `YYYY-MM-DD` or `YYYY-MM`. */
  published?: string;
}

export type PageArticleResult = ({ ok: true } & PageArticle) | { ok: false; reason: string };

/** Elements that end a paragraph of the article text. */
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BR",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TBODY",
  "THEAD",
  "TR",
  "UL",
]);
/** Elements whose text is never article text. */
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME"]);

/** Paragraphs of an element's text: blocks split them, runs of white space become one space. */
export function blockParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = "";
  const end = () => {
    // Full-width spaces indent Chinese paragraphs; they and other white space go at the ends.
    const paragraph = current.replace(/[\s\u00a0\u3000]+/g, " ").trim();
    if (paragraph) paragraphs.push(paragraph);
    current = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === "TABLE") {
      // 单位：亿元 in the paragraph right over the table gives the unit of its bare figures.
      const unit = tableUnitLine(
        current.trim() ? current : (paragraphs[paragraphs.length - 1] ?? ""),
      );
      const rows = tableSentences(node as Element, unit);
      if (rows) {
        end();
        paragraphs.push(...rows);
        return;
      }
    }
    const block = BLOCKS.has(tag);
    if (block) end();
    if (tag === "TD" || tag === "TH") current += " ";
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) end();
  };
  walk(root);
  end();
  return paragraphs;
}

/** A cell's text, its white space made one space. */
const cellText = (cell: Element) =>
  (cell.textContent ?? "").replace(/[\s\u00a0\u3000]+/g, " ").trim();

/**
 * A data table read as the sentences it stands for (extract/lib/table.ts, which reads text files'
 * tables too): one per body row, its first cell, a colon, then each other cell after its column's
 * header, with the unit the header gives. Undefined for a table that is no such grid (layout
 * tables, a single row, rows of another width, a table inside it), which is read cell by cell as
 * before.
 */
function tableSentences(table: Element, unit: string): string[] | undefined {
  if (table.querySelector("table")) return undefined;
  const [header, ...body] = gridRows(table);
  const rowParts = header && tableRowParts(header, body, unit);
  return rowParts?.map(({ row, parts }) => partsText(parts, body[row]!));
}

/** A cell's span across rows or columns (1 when not given), at most what HTML itself allows
 * (colspan 1000, rowspan 65534): a page's attributes are the page's, not ours to trust. */
const SPAN_LIMITS: Readonly<Record<string, number>> = { colspan: 1000, rowspan: 65534 };
const span = (cell: Element, name: string) =>
  Math.min(SPAN_LIMITS[name]!, Math.max(1, Math.floor(Number(cell.getAttribute(name))) || 1));
/** The widest row a data table is read as a grid with: wider, it is laid out, not tabulated. */
const GRID_COLUMNS_LIMIT = 64;

/**
 * A table's rows as a grid: a cell merged across columns (colspan) or rows (rowspan) stands in
 * each place it covers. A header of more rows (规模以上工业增加值 over 绝对值 | 增长（%）, 地区 down
 * both) becomes one row whose names join the names stacked over each column; a row of one cell
 * across the table (a note) is no data row. Tables with no merged cells read as before.
 */
function gridRows(table: Element): string[][] {
  const trs = [...table.querySelectorAll("tr")].map((tr) =>
    [...tr.children].filter((c) => /^T[DH]$/i.test(c.tagName)),
  );
  const merged = trs.some((cells) =>
    cells.some((c) => span(c, "rowspan") > 1 || span(c, "colspan") > 1),
  );
  if (!merged) return trs.map((cells) => cells.map(cellText));
  const pending: { text: string; left: number }[] = [];
  const grid = trs.map((cells) => {
    const row: string[] = [];
    const carry = () => {
      for (let p = pending[row.length]; p && p.left > 0; p = pending[row.length]) {
        p.left--;
        row.push(p.text);
      }
    };
    for (const cell of cells) {
      carry();
      const text = cellText(cell);
      const [across, down] = [span(cell, "colspan"), span(cell, "rowspan")];
      // A row as wide as no table of figures is: stop it there (its width then matches no
      // header, and tableRowParts reads the table cell by cell), whatever its colspans say.
      for (let k = 0; k < across && row.length <= GRID_COLUMNS_LIMIT; k++) {
        if (down > 1) pending[row.length] = { text, left: down - 1 };
        row.push(text);
      }
    }
    carry();
    return row;
  });
  const first = trs[0] ?? [];
  const depth = first.reduce(
    (d, c) => Math.max(d, span(c, "rowspan")),
    first.some((c) => span(c, "colspan") > 1) ? 2 : 1,
  );
  const header = (grid[0] ?? []).map((_, k) =>
    grid
      .slice(0, depth)
      .map((row) => row[k] ?? "")
      // A name of the value alone (绝对值) under a named column adds nothing to it.
      .filter((text, i, names) => text && text !== names[i - 1] && !(i && VALUE_HEADERS.has(text)))
      .join(""),
  );
  const body = grid.slice(depth).filter((row, r) => trs[depth + r]!.length > 1);
  return [header, ...body];
}

/** Finds the article of `document` (which it changes); a reason when there is none. */
export function pageArticle(document: Document): PageArticleResult {
  const metadata = pageMetadata(document);
  let parsed: ReturnType<Readability<Node>["parse"]>;
  try {
    parsed = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch (error) {
    return { ok: false, reason: `the page could not be read: ${String(error)}` };
  }
  const paragraphs = parsed?.content ? blockParagraphs(parsed.content) : [];
  if (!paragraphs.length) return { ok: false, reason: "no article text found in the page" };
  const title = metadata.title ?? (parsed?.title?.trim() || undefined);
  // The title leads the text, as it leads an article saved as text; not twice when the body
  // Readability kept starts with its heading.
  const body = paragraphs[0] === title ? paragraphs.slice(1) : paragraphs;
  const text = [...(title ? [title] : []), ...body].join("\n\n") + "\n";
  return {
    ok: true,
    text,
    ...(title ? { title } : {}),
    ...(metadata.published ? { published: metadata.published } : {}),
  };
}
