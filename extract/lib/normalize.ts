// A normalized view of an article for matching, with a map from every normalized offset back to
// the original text, so that facts can quote and point into the article exactly as written.
//
// What changes: markdown emphasis (**总**投资 → 总投资) is dropped; full-width digits, letters, ％
// and a ． between digits become ASCII; spaces are dropped unless they separate two ASCII words
// (not a name from a number: GDP 2300亿元 reads GDP2300亿元);
// line ends become "\n" and blank lines collapse. A paragraph that ends mid-sentence (no closing
// punctuation, and it reads like body text: it has a comma or a colon) is joined to the next one,
// which mends sentences broken by page layout (固定资产投资\n\n90亿元), unless the next line is
// indented with an ideographic space, the mark of a new paragraph, or numbered or bulleted (1．, （一）, ·), an item,
// or the line is the first and short: a headline, whose commas and colons are a title's. Heading lines (#) are kept
// as their own paragraphs, marks included. A data table (a Markdown one, or a plain-text one with
// columns set apart by spaces) is read as a saved page's <table> is: each body row becomes the
// sentence it stands for, its cells as written and its column's header and unit put before and
// after each figure (蓬江区 | 731.26 | 5.1 reads 蓬江区：地区生产总值731.26亿元，同比增长5.1%。),
// and the header and rule lines say nothing more. Those inserted words map to the cell they belong
// to, so a figure's offsets and its row's quote still point into the original; nothing else is
// ever inserted.

import { charTable } from "./charTable.ts";
import { contextLexicon, wordAlternatives } from "./lexicon.ts";
import { findTextTables, type TextTable } from "./table.ts";

export interface NormalizedText {
  /** The normalized text; paragraphs are separated by a single "\n". */
  text: string;
  /** map[i] is the offset in the original of normalized character i; map[text.length] is the
   * original length. */
  map: Int32Array;
}

const NL = 10;
/** Longest first line, in characters, that is read as a headline and never joined to the next. */
const HEADLINE_LIMIT = 60;
/** Longest bulleted line, in characters, read as an item's title. */
const TITLE_LIMIT = 40;
const SEMICOLON = 0x3b;
const FULLWIDTH_SEMICOLON = 0xff1b;
const ITEM_START =
  /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d０-９]{1,3}[）)]|[\d０-９]{1,2}[．.、](?![\d０-９])|[\u2460-\u2473•●■◆▪·])/;

/** A byline or metadata field (来源：江门日报, 编辑：李四) at a line's start or after a space. */
const METADATA_FIELD = new RegExp(
  `(?:^|[\\s\u3000])(?:${wordAlternatives(contextLexicon.metadataLabels)})[:：]`,
);
/** An account's call to follow or share (点击上方蓝字关注我们, 点击“在看”): the page's, like a byline. */
const FOLLOW_PROMPT = new RegExp(wordAlternatives(contextLexicon.followPrompts));
/** A line opening with a word that goes on with a sentence, right before a figure (达528家, 增长 9.7%):
 * the rest of the line before it, broken by a scan's or a PDF's layout. */
const CONTINUATION = new RegExp(
  `^(?:${wordAlternatives(contextLexicon.lineContinuations)})[\\s\u3000]*[0-9０-９约近超逾]`,
);
/** The time of posting (18:06) in a line with no full stop: a dateline (鹤山发布 2025-07-29 20:41). */
const POSTED_AT = /^[^。]*\d[:：]\d\d(?!\d)[^。]*$/;

/** True for a line of the page's own (a byline, a field such as 来源：, a call to follow the
 * account, the time of posting): never the rest of a sentence, never an article's lead. */
export function isBylineLine(line: string): boolean {
  return METADATA_FIELD.test(line) || FOLLOW_PROMPT.test(line) || POSTED_AT.test(line);
}

const SPACES = charTable([" ", "\t", "\u3000", "\u00a0", "\r", "\ufeff"]);
const isSpace = (c: number) => SPACES[c] === 1;
const isAsciiWord = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Longest line, in characters, read as a data card's name or one of its figures. */
const CARD_LIMIT = 16;
const CARD_MARKS = charTable("，,；;。：:！？!?、");
const FULLWIDTH_PERCENT = 0xff05;

/** True for original[from, to) that is a figure alone (786.42亿元, 5.3%), perhaps after a word
 * going on with a sentence (同比增长5.3%, 达1126家): a data card's figure. */
function isCardFigure(original: string, from: number, to: number): boolean {
  while (to > from && isSpace(original.charCodeAt(to - 1))) to--;
  if (to - from > CARD_LIMIT || to <= from) return false;
  const first = original.charCodeAt(from);
  const opens =
    isDigit(first) ||
    (first >= 0xff10 && first <= 0xff19) ||
    CONTINUATION.test(original.slice(from, from + 8));
  if (!opens) return false;
  for (let p = from; p < to; p++) if (CARD_MARKS[original.charCodeAt(p)] === 1) return false;
  const last = original.charCodeAt(to - 1);
  return ROW_UNITS[last] === 1 || last === FULLWIDTH_PERCENT;
}

/** Units that may open a line after a number broken from them (元, 亿元, 家, 个, %). */
const UNIT_STARTS = charTable("元家个项户%％亿万");
const UNIT_AFTER_MAGNITUDE = charTable("元家个项户");
const AFTER_UNIT = charTable("，,；;。、）)！？!?");

/** True when original[from, to) opens with a unit alone (家，…; 元，同比增长…; 亿元。), the end of a
 * figure broken from its number: the unit, then a mark or the line's end (个体工商户 opens a word). */
function opensWithUnit(original: string, from: number, to: number): boolean {
  let at = from;
  const first = original.charCodeAt(at);
  if (UNIT_STARTS[first] !== 1) return false;
  at++;
  if (ROW_MAGNITUDES[first] === 1 && UNIT_AFTER_MAGNITUDE[original.charCodeAt(at)] === 1) at++;
  return at >= to || AFTER_UNIT[original.charCodeAt(at)] === 1;
}
/** Units that end a figure's row (个体工商户：3.2万户, 专精特新企业：1—10月新增61家). */
const ROW_UNITS = charTable("家户个项元%");
const ROW_MAGNITUDES = charTable("万亿");

/** True when out[from, to) ends with a number and a whole unit (43.2万户, 5126家, 6.2%). */
function endsWithFigure(out: Uint16Array, from: number, to: number): boolean {
  let at = to - 1;
  if (at < from || ROW_UNITS[out[at]!] !== 1) return false;
  at--;
  if (at >= from && ROW_MAGNITUDES[out[at]!] === 1) at--;
  return at >= from && isDigit(out[at]!);
}
/** Marks that open a line going on with the clause of the line before (…3156.2亿元\n，同比增长…). */
const CLAUSE_OPENERS = charTable("，,；;、）)");
/** A line that is only a page number (— 3 —, 第2页/共5页, 2/5): context.json pageNumberForms,
 * N standing for the number, spaces allowed between the marks. */
const PAGE_NUMBER = new RegExp(
  `^(?:${contextLexicon.pageNumberForms
    .map((form) =>
      [...form]
        .map((c) => (c === "N" ? "\\d{1,3}" : c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")))
        .join("[\\s\u3000]*"),
    )
    .join("|")})$`,
);
/** Longest line, in characters, checked for a page number. */
const PAGE_NUMBER_LIMIT = 16;

/**
 * The lines of a text copied out of a PDF that belong to its pages, not its article, by the offset
 * of their start: each page number line, and the lines right before and after it (blank lines
 * aside) that are a running title or footer: short, with no full stop, said as a whole line
 * elsewhere in the text too (2026年1—10月开平市经济运行简况 atop every page). The title's first
 * statement, away from any page number, stays the headline.
 */
function pageFurniture(original: string): Set<number> {
  const found = new Set<number>();
  // Most texts have no page number: find those lines first, reading only short ones.
  const numbers: number[] = [];
  const lines: { start: number; from: number; to: number }[] = [];
  for (let i = 0; i <= original.length;) {
    let j = original.indexOf("\n", i);
    if (j < 0) j = original.length;
    let from = i;
    let to = j;
    while (from < to && isSpace(original.charCodeAt(from))) from++;
    while (to > from && isSpace(original.charCodeAt(to - 1))) to--;
    if (to > from) {
      if (to - from <= PAGE_NUMBER_LIMIT && PAGE_NUMBER.test(original.slice(from, to)))
        numbers.push(lines.length);
      lines.push({ start: i, from, to });
    }
    i = j + 1;
  }
  if (!numbers.length) return found;
  const textOf = (l: { from: number; to: number }) => original.slice(l.from, l.to);
  const counts = new Map<string, number>();
  for (const l of lines)
    if (l.to - l.from <= HEADLINE_LIMIT) counts.set(textOf(l), (counts.get(textOf(l)) ?? 0) + 1);
  for (const k of numbers) {
    found.add(lines[k]!.start);
    for (const near of [lines[k - 1], lines[k + 1]]) {
      const text = near && near.to - near.from <= HEADLINE_LIMIT ? textOf(near) : "";
      if (text && !text.includes("。") && (counts.get(text) ?? 0) > 1) found.add(near!.start);
    }
  }
  return found;
}

/** Characters after which a paragraph is complete. */
const CLOSERS = charTable("。！？!?…”’」』》）)】;；");
/** A paragraph with one of these reads like running text rather than a title. */
const BODY_MARKS = charTable("，,；;：:");

/** Maps one character to its normalized form, or -1 to drop it. */
function foldChar(c: number, prev: number, next: number): number {
  if (c < 0xff05) return c;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xfee0; // ０-９
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return c - 0xfee0; // Ａ-ｚ
  if (c === 0xff05) return 37; // ％
  if (c === 0xff0e && isDigit(prev) && (isDigit(next) || (next >= 0xff10 && next <= 0xff19))) {
    return 46; // ． inside a number
  }
  return c;
}

export function normalize(original: string): NormalizedText {
  const n = original.length;
  const tables = findTextTables(original);
  let inserted = 0;
  for (const t of tables)
    for (const r of t.rows)
      for (const p of r.parts) if (typeof p === "string") inserted += p.length;
  const out = new Uint16Array(n + 1 + inserted);
  const map = new Int32Array(n + 1 + inserted);
  let len = 0;
  let prevJoinable = false;
  // The line before is a row of a list of figures: a name, a colon, a figure with its unit.
  let prevRow = false;
  // The line before ends with a number whose unit may open the next line.
  let prevNumber = false;
  // The line before is a data card's name, or a figure that went on with it.
  let prevCard = false;
  // The line before has no closing punctuation and is no heading, headline, byline or kicker title:
  // a line that opens by going on with a sentence (达528家) is its rest.
  let prevOpen = false;
  let havePrev = false;
  let table = 0;
  let row = 0;

  const furniture = pageFurniture(original);
  let i = 0;
  while (i <= n) {
    let j = original.indexOf("\n", i);
    if (j < 0) j = n;
    if (furniture.has(i)) {
      // A PDF's page number and running title: a sentence broken by them goes on across them.
      i = j + 1;
      continue;
    }
    while (table < tables.length && tables[table]!.end < i) {
      table++;
      row = 0;
    }
    const t: TextTable | undefined = tables[table];
    if (t && t.start <= i) {
      // A table's line: a body row becomes its sentence, a paragraph of its own; the header and
      // the rule say nothing of their own.
      const r = t.rows[row];
      if (r?.line === i) {
        row++;
        if (havePrev) {
          out[len] = NL;
          map[len++] = i - 1;
        }
        havePrev = true;
        prevJoinable = prevOpen = false;
        let last = r.cells[0]!.start;
        r.parts.forEach((part, k) => {
          if (typeof part === "number") {
            const cell = r.cells[part]!;
            for (let p = cell.start; p < cell.end; p++) {
              const c = original.charCodeAt(p);
              if (isSpace(c)) continue;
              out[len] = foldChar(c, len ? out[len - 1]! : 0, original.charCodeAt(p + 1));
              map[len++] = last = p;
            }
            return;
          }
          // A header before a figure maps to the figure's cell, a unit or a comma after it to its
          // last character.
          const next = r.parts[k + 1];
          const anchor = typeof next === "number" ? r.cells[next]!.start : last;
          for (let q = 0; q < part.length; q++) {
            out[len] = part.charCodeAt(q);
            map[len++] = anchor;
          }
        });
      }
      i = j + 1;
      continue;
    }
    // Find the first visible character of the line.
    let k = i;
    while (k < j && isSpace(original.charCodeAt(k))) k++;
    if (k < j) {
      const heading = original.charCodeAt(k) === 35; // '#'
      // A line indented with an ideographic space (U+3000) opens a paragraph by the
      // typesetting of Chinese text: the line before it has ended, whatever its punctuation.
      const indented = original.charCodeAt(i) === 0x3000;
      // A numbered or bulleted line (1．, （一）, ①) is an item of its own, never the rest of the
      // line before it (2024年重点项目计划：\n1．…).
      const item = ITEM_START.test(original.slice(k, k + 6));
      // A byline (来源：江门日报 编辑：李四) is the page's, never part of a sentence around it.
      const line = original.slice(i, j);
      const metadata = METADATA_FIELD.test(line) || FOLLOW_PROMPT.test(line);
      // A row (规模以上工业企业：5126家) is whole unless the next line goes on with its clause.
      // A data card (地区生产总值 / 786.42亿元 / 同比增长5.3%): a figure alone on its line goes on
      // with the name on the line above it, as do the card's further figures.
      const cardFigure: boolean = prevCard && isCardFigure(original, k, j);
      const joinable: boolean =
        (prevJoinable && !(prevRow && !CLAUSE_OPENERS[original.charCodeAt(k)])) ||
        (prevOpen && CONTINUATION.test(original.slice(k, k + 8))) ||
        cardFigure ||
        // 达到586 / 家，…; 263.7亿 / 元，…: a number broken from its unit by a PDF's line end.
        (prevNumber && opensWithUnit(original, k, j));
      if (havePrev && !(joinable && !heading && !indented && !item && !metadata)) {
        out[len] = NL;
        map[len++] = i - 1;
      }
      const lineStart = len;
      let bodyMark = false;
      let semicolon = false;
      // A comma or semicolon: the colons of a line without one may be a title's (■ 蓬江：…).
      let clauseMark = false;
      for (let p = k; p < j; p++) {
        const c = original.charCodeAt(p);
        if (c === 42 && original.charCodeAt(p + 1) === 42) {
          p++; // markdown emphasis "**"
          continue;
        }
        if (isSpace(c)) {
          // Keep one space between two ASCII words (J. Fraser), drop it elsewhere.
          let q = p + 1;
          while (q < j && isSpace(original.charCodeAt(q))) q++;
          const before = len > lineStart ? out[len - 1]! : 0;
          const after = q < j ? foldChar(original.charCodeAt(q), 0, 0) : 0;
          // A space between digits is a thousands separator (3 791.94) when three digits follow.
          const thousands =
            isDigit(before) &&
            isDigit(after) &&
            /^\d{3}(?!\d)/.test(original.slice(q, q + 4).replace(/[０-９]/g, "0"));
          if (isAsciiWord(before) || before === 46) {
            // GDP 2300亿元: a space between a name and a number joins nothing; it is dropped so
            // that the cue stands right before its figure.
            const nameAndNumber = isDigit(before) !== isDigit(after) && before !== 46;
            if (isAsciiWord(after) && !thousands && !nameAndNumber) {
              out[len] = 32;
              map[len++] = p;
            }
          }
          p = q - 1;
          continue;
        }
        const folded = foldChar(c, len > lineStart ? out[len - 1]! : 0, original.charCodeAt(p + 1));
        // A colon between digits tells the time (18:06): no clause of body text.
        const clock =
          (folded === 58 || folded === 0xff1a) &&
          isDigit(len > lineStart ? out[len - 1]! : 0) &&
          isDigit(foldChar(original.charCodeAt(p + 1), 0, 0));
        if (BODY_MARKS[folded] === 1 && !clock) bodyMark = true;
        if (BODY_MARKS[folded] === 1 && folded !== 58 && folded !== 0xff1a) clauseMark = true;
        if (folded === SEMICOLON || folded === FULLWIDTH_SEMICOLON) semicolon = true;
        out[len] = folded;
        map[len++] = p;
      }
      if (len > lineStart) {
        // The first line, when short, is the headline (山东找回信心，GDP增量全国第一; 解码一季度GDP：
        // 江西领跑全国): its comma or colon is a title's, and the lead below is not its rest.
        // A semicolon is a sentence's, never a title's.
        const headline = !havePrev && len - lineStart <= HEADLINE_LIMIT && !semicolon;
        havePrev = true;
        const last = out[len - 1]!;
        // A bulleted or numbered short line whose only marks are colons inside it is a title with
        // its kicker (■ 蓬江：前11月外贸进出口增长9.3%), never a sentence going on below it.
        const kickerTitle =
          item && !clauseMark && len - lineStart <= TITLE_LIMIT && last !== 58 && last !== 0xff1a;
        prevOpen = !heading && !headline && !metadata && !kickerTitle && CLOSERS[last] !== 1;
        prevJoinable = prevOpen && bodyMark;
        // The line ends with a number, or a number and its magnitude, and no unit.
        prevNumber =
          prevOpen &&
          (isDigit(last) ||
            (ROW_MAGNITUDES[last] === 1 && len - lineStart > 1 && isDigit(out[len - 2]!)));
        // A card's name: a short line with no mark at all and no figure at its end.
        prevCard =
          (cardFigure && joinable && !heading && !indented && !item && !metadata) ||
          (prevOpen &&
            !item &&
            !bodyMark &&
            len - lineStart <= CARD_LIMIT &&
            !endsWithFigure(out, lineStart, len));
        // A row: a colon (a body mark that is no clause mark), then a figure ending the line.
        prevRow =
          prevJoinable &&
          !clauseMark &&
          len - lineStart <= TITLE_LIMIT &&
          endsWithFigure(out, lineStart, len);
      }
    }
    i = j + 1;
  }
  map[len] = n;
  let text = "";
  const CHUNK = 8192;
  for (let s = 0; s < len; s += CHUNK) {
    const chunk = out.subarray(s, Math.min(len, s + CHUNK));
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return { text, map: map.subarray(0, len + 1) };
}

/** Original offsets [start, end) of the normalized range [from, to). */
export function originalRange(norm: NormalizedText, from: number, to: number): [number, number] {
  const start = norm.map[from] ?? 0;
  const end = to > from ? (norm.map[to - 1] ?? 0) + 1 : start;
  return [start, end];
}
