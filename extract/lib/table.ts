// A data table read as the sentences it stands for, whoever found the table: a saved page's
// <table> (extract/page/article.ts) or a Markdown or plain-text table in a text file
// (normalize.ts). One sentence per body row: its first cell, a colon, then each other cell after
// its column's header, with the unit the header gives in brackets after a bare number, or the
// row's unit where a column gives units (计量单位): 镇（街） | 规上工业总产值（亿元） | 增速（%） over
// 会城街道 | 318.4 | 6.9 reads 会城街道：规上工业总产值318.4亿元，增速6.9%。 A row's figures keep their
// column's name, unit and period (a column headed 1—10月), which a row alone never says.
//
// Pure and light: the page stage in the browser loads it with only the page's own words.
import pageWords from "../lexicon/page.json" with { type: "json" };

/** A piece of a row's sentence: words to write (a header, a unit, a colon), or the index of the
 * row's cell whose text stands there as written. */
export type TablePart = string | number;

/** A header's unit at its end, in brackets (规上工业总产值（亿元）, 增速（%）) or a bare % (增长%). */
const HEADER_UNIT = /\s*(?:[（(]\s*(亿元|万元|元|%|％|个|家|项)\s*[）)]|(%|％))\s*$/;
const headerUnit = (m: RegExpExecArray | null) => m && (m[1] ?? m[2])!;
/** A unit a 计量单位 column may give. */
const UNIT_CELL = /^(?:亿元|万元|元|%|％|个|家|项)$/;
/** A bare number in a cell: 318.4, -1.5. */
const BARE_NUMBER = /^[-−]?\d+(?:\.\d+)?$/;
/** Headers that name a column only as the value of the row's item (数值, 绝对值). */
export const VALUE_HEADERS: ReadonlySet<string> = new Set(pageWords.tableValueHeaders);
/** Headers of a column giving each row's unit (计量单位, 单位). */
const UNIT_HEADERS: ReadonlySet<string> = new Set(pageWords.tableUnitHeaders);
/** A cell that states nothing: empty or a dash. */
const EMPTY_CELL = /^(?:[-—–－/]+)?$/;

/** A line over a table giving the unit of all its figures (单位：亿元, （计量单位：万元）): one unit. */
const UNIT_LINE = new RegExp(
  `^[（(]?(?:${[...UNIT_HEADERS].join("|")})[：:]\\s*(亿元|万元|元|个|家|项)\\s*[）)]?$`,
);

/** The unit a line over a table gives the whole of it (单位：亿元), else "". */
export const tableUnitLine = (line: string) => UNIT_LINE.exec(line.trim())?.[1] ?? "";

/** True for a cell that is a bare number or states nothing: what a data row's cells hold. */
export const isFigureCell = (cell: string) => BARE_NUMBER.test(cell) || EMPTY_CELL.test(cell);
/** A figure with its unit written in the cell (98.6亿元, 4.2%): a data row's cell too. */
const UNIT_FIGURE = /^[-−]?\d+(?:\.\d+)?(?:亿元|万元|元|%|％|个|家|项)$/;

/**
 * The parts of each body row's sentence (see the top of this file), by the row's index in `body`;
 * `tableUnit` is the unit a line over the table gives the whole of it (单位：亿元), the last resort
 * for a bare number after its column's and its row's
 * (a row of empty or dashed cells says nothing and has none), or undefined for a table that
 * is no such grid: a single row, rows of another width, a header with an empty cell after the
 * first. `header` and each body row are the cells' texts, white space made one space.
 */
export function tableRowParts(
  header: readonly string[],
  body: readonly (readonly string[])[],
  tableUnit = "",
): { row: number; parts: TablePart[] }[] | undefined {
  if (header.length < 2 || !body.length) return undefined;
  if (body.some((r) => r.length !== header.length) || header.slice(1).some((h) => !h))
    return undefined;
  const unitColumn = header.findIndex((h, k) => k > 0 && UNIT_HEADERS.has(h));
  const columns = header.map((h) => {
    const unit = HEADER_UNIT.exec(h);
    return {
      label: unit ? h.slice(0, unit.index) : h,
      unit: unit ? headerUnit(unit)!.replace("％", "%") : "",
    };
  });
  const rows: { row: number; parts: TablePart[] }[] = [];
  for (let r = 0; r < body.length; r++) {
    const row = body[r]!;
    // The row's unit: its 计量单位 cell, else the one its name gives in brackets (地区生产总值（亿元）).
    const named = headerUnit(HEADER_UNIT.exec(row[0]!)) ?? undefined;
    const rowUnit = (
      unitColumn > 0 && UNIT_CELL.test(row[unitColumn]!) ? row[unitColumn]! : (named ?? tableUnit)
    ).replace("％", "%");
    const parts: TablePart[] = [];
    for (let k = 1; k < row.length; k++) {
      const cell = row[k]!;
      if (k === unitColumn || EMPTY_CELL.test(cell)) continue;
      const { label, unit } = columns[k]!;
      // A column named only as the value (数值, 绝对值) adds nothing to the row's own name.
      const name = VALUE_HEADERS.has(label) ? "" : label;
      if (parts.length) parts.push("，");
      if (name) parts.push(name);
      parts.push(k);
      // A column's own unit (增速（%）) before the row's (亿元 in 计量单位): a rate is no amount.
      if (BARE_NUMBER.test(cell) && (unit || rowUnit)) parts.push(unit || rowUnit);
    }
    if (row[0] && parts.length) rows.push({ row: r, parts: [0, "：", ...parts, "。"] });
  }
  return rows.length ? rows : undefined;
}

/** The sentence of a row's parts, its cells as written. */
export const partsText = (parts: readonly TablePart[], row: readonly string[]) =>
  parts.map((p) => (typeof p === "number" ? row[p]! : p)).join("");

/** A table found in a text file: the lines it spans and, per body row that states something, its
 * sentence's parts with the original offsets of the row's cells. */
export interface TextTable {
  /** Original offsets of the first line's start and the last line's end. */
  start: number;
  end: number;
  /** The body rows read, each on its own line: the line's start, the row's cells, its parts. */
  rows: { line: number; cells: TextCell[]; parts: TablePart[] }[];
}

export interface TextCell {
  /** The cell's text with white space dropped and full-width digits and ％ made ASCII. */
  text: string;
  /** Original offsets [start, end) of the cell, white space at its ends left out. */
  start: number;
  end: number;
}

/** A Markdown table's rule under its header: |---|:--:|. */
const RULE_CELL = /^:?-{3,}:?$/;
/** What sets a plain-text table's columns apart: a tab or two spaces or more. */
const PLAIN_GAP = /\t|[ \u00a0]{2,}/g;
const LINE_SPACE = /^[\s\u3000\u00a0]*/;

const foldCell = (s: string) =>
  s
    .replace(/[\s\u3000\u00a0]+/g, "")
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace("％", "%");

/** The cells of the line [s, e) split at `gap`, or undefined when there are fewer than two. */
function splitCells(text: string, s: number, e: number, gap: RegExp): TextCell[] | undefined {
  const cells: TextCell[] = [];
  const push = (a: number, b: number) => {
    while (a < b && /[\s\u3000\u00a0]/.test(text[a]!)) a++;
    while (b > a && /[\s\u3000\u00a0]/.test(text[b - 1]!)) b--;
    cells.push({ text: foldCell(text.slice(a, b)), start: a, end: b });
  };
  const line = text.slice(s, e);
  gap.lastIndex = 0;
  let from = 0;
  for (let m = gap.exec(line); m; m = gap.exec(line)) {
    push(s + from, s + m.index);
    from = m.index + m[0].length;
  }
  push(s + from, e);
  return cells.length >= 2 ? cells : undefined;
}

/** A Markdown table line's cells (| 指标 | 数值 |), or undefined for any other line. */
function markdownCells(text: string, s: number, e: number): TextCell[] | undefined {
  const lead = LINE_SPACE.exec(text.slice(s, e))![0].length;
  if (text[s + lead] !== "|") return undefined;
  let end = e;
  while (end > s && /[\s\u3000\u00a0]/.test(text[end - 1]!)) end--;
  const inner = text[end - 1] === "|" && end - 1 > s + lead ? end - 1 : end;
  return splitCells(text, s + lead + 1, inner, /\|/g);
}

/** A plain-text table line's cells (蓬江区    731.26    5.1), or undefined for any other line. */
function plainCells(text: string, s: number, e: number): TextCell[] | undefined {
  const lead = LINE_SPACE.exec(text.slice(s, e))![0].length;
  return s + lead < e ? splitCells(text, s + lead, e, PLAIN_GAP) : undefined;
}

/**
 * The data tables of a text file, read as a saved page's <table> is (tableRowParts): a Markdown
 * table (a header line of | cells, its |---| rule, one body line or more), or a plain-text one
 * copied from a release (columns set apart by tabs or runs of spaces: a header whose cells after the
 * first are words, then two lines or more whose cells after the first are all numbers or dashes).
 * A table whose rows are not all of the header's width is no grid and is left as text.
 */
export function findTextTables(text: string): TextTable[] {
  const tables: TextTable[] = [];
  // Cheap test first: most articles hold neither a | nor a run of spaces or a tab.
  if (!/\||\t| {2}/.test(text)) return tables;
  // Line starts, one number a line (a page may have millions of lines): line k is
  // [starts[k], starts[k + 1] - 1).
  let count = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  const starts = new Int32Array(count + 1);
  for (let k = 1, at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1))
    starts[k++] = at + 1;
  starts[count] = text.length + 1;
  const lineEnd = (k: number) => starts[k + 1]! - 1;
  // A line that may be a table's: it holds a | or, past its indent, a tab or two spaces and no
  // sentence punctuation.
  const candidate = (k: number) => {
    const line = text.slice(starts[k]!, lineEnd(k));
    // A plain-text table's lines hold no sentence's commas or full stops.
    return line.includes("|") || (/\S(?:\t| {2})/.test(line) && !/[，。；]/.test(line));
  };
  const cellsOf = (k: number, md: boolean) =>
    k < count && candidate(k)
      ? (md ? markdownCells : plainCells)(text, starts[k]!, lineEnd(k))
      : undefined;
  for (let i = 0; i < count; i++) {
    if (!candidate(i)) continue;
    const hs = starts[i]!;
    const md = markdownCells(text, hs, lineEnd(i));
    let head = md ?? plainCells(text, hs, lineEnd(i));
    if (!head) continue;
    // A plain-text header whose first column has no name (its line starts with spaces): the first
    // row one cell wider than it shows the stub.
    const first = !md && cellsOf(i + 1, false);
    if (first && first.length === head.length + 1)
      head = [{ text: "", start: hs, end: hs }, ...head];
    let j = i + 1;
    if (md) {
      const rule = cellsOf(j, true);
      if (!rule || !rule.every((c) => RULE_CELL.test(c.text))) continue;
      j++;
    } else if (head.slice(1).some((c) => isFigureCell(c.text))) continue;
    const body: { line: number; cells: TextCell[] }[] = [];
    for (; j < count; j++) {
      const cells = cellsOf(j, !!md);
      if (!cells || cells.length !== head.length) break;
      // A plain-text row is a data row: after its name, numbers and dashes only.
      if (!md && !cells.slice(1).every((c) => isFigureCell(c.text) || UNIT_FIGURE.test(c.text)))
        break;
      body.push({ line: starts[j]!, cells });
    }
    if (body.length < (md ? 1 : 2)) continue;
    // 单位：亿元 on one of the two lines above the header (a table's title may come between).
    let unit = "";
    for (let k = i - 1, seen = 0; k >= 0 && seen < 2 && !unit; k--) {
      const line = text.slice(starts[k]!, lineEnd(k));
      if (!line.trim()) continue;
      seen++;
      unit = tableUnitLine(line);
    }
    const rowParts = tableRowParts(
      head.map((c) => c.text),
      body.map((r) => r.cells.map((c) => c.text)),
      unit,
    );
    if (rowParts) {
      tables.push({
        start: hs,
        end: lineEnd(j - 1),
        rows: rowParts.map(({ row, parts }) => ({ ...body[row]!, parts })),
      });
    }
    i = j - 1;
  }
  return tables;
}
