// Paragraphs, sections and sentences of a normalized article.
//
// A paragraph is a line of the normalized text. A markdown heading (# or ##) opens a section that
// runs to the next heading of the same or a higher level, and so does a numbered section title
// (一、… （一）… 1．… （1）…), below every markdown level; a line that ends with a colon heads the
// numbered or bulleted items right after it. The facts in a section can take their place, period
// and indicator from its title (document.ts reads what each title says). Sentences end at 。！？!?
// (with any closing quotes); clauses, the unit that binds a number to its cue, end at commas,
// semicolons, colons, dashes and ellipses as well.

import { charTable } from "./charTable.ts";
import { contextLexicon } from "./lexicon.ts";

export interface Paragraph {
  start: number;
  end: number;
  /** 0 for body text, n for a heading of n "#" marks. */
  headingLevel: number;
  /** Indices of the heading paragraphs that govern this one, outermost first: markdown headings,
   * numbered section titles and the colon line heading a list. */
  headings: number[];
  /** What the paragraph is in the document's outline. */
  role: "heading" | "section" | "item" | "body";
  /** End of the paragraph's title (a numbered section's words up to its first full stop or
   * colon, a heading's whole line): what it says for the paragraphs it governs. */
  titleEnd: number;
  /** A short line without sentence or clause punctuation: a title, a kicker, a caption. It
   * restates the story below it and ends the one above it. */
  titleLike: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
}

export interface Segments {
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

const SENTENCE_END = charTable("。！？!?");
const CLOSING = charTable("”’」』》）)");
const CLAUSE_END = charTable("，,；;：:。！？!?");
const DASHES = new Set([0x2014, 0x2026]); // a doubled — or … separates clauses

/** Outline levels: markdown headings take 1-6 (their # count); numbered titles nest below them;
 * a colon line heads only the items right after it. */
const NUMBERED: readonly { pattern: RegExp; level: number }[] = [
  { pattern: /^[一二三四五六七八九十]{1,3}、/, level: 7 },
  { pattern: /^[（(][一二三四五六七八九十]{1,3}[）)]/, level: 8 },
  { pattern: /^\d{1,2}[．、.](?!\d)/, level: 9 },
  { pattern: /^(?:[（(]\d{1,2}[）)]|[\u2460-\u2473])/, level: 10 },
  { pattern: /^[•●■◆▪·*-]/, level: 11 },
];
/** The outline levels of a part's title (一、, （一）), as opposed to a list's items (1．, ①). */
const SECTION_RANK = 8;
/** The outline level of a colon line over the parts it announces: inside markdown headings,
 * outside numbered titles. */
const PARTS_LEVEL = 6.5;
/** A figure in a numbered line's first words makes them an item's sentence, not a title. */
const QUANTITY = /\d(?:个|家|亿|万|%|元|项)/;
/** How far into a line its numbering is looked for, in characters. */
const NUMBERING_LIMIT = 6;

/** The outline level a line's numbering gives it (0 for none), and where its words start. */
function numbering(text: string, start: number, end: number): { level: number; at: number } {
  const head = text.slice(start, Math.min(end, start + NUMBERING_LIMIT));
  for (const { pattern, level } of NUMBERED) {
    const m = pattern.exec(head);
    if (m) return { level, at: start + m[0].length };
  }
  return { level: 0, at: start };
}

export function segment(text: string): Segments {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  // Stack of open headings, outermost first, with their outline levels.
  const open: { index: number; level: number }[] = [];
  const closeTo = (level: number) => {
    while (open.length && open[open.length - 1]!.level >= level) open.pop();
  };
  // The colon line heading the items right after it: it governs them, and body text ends it, as
  // does a line numbered at an outer level than its first item (三、 after （一）…（四）).
  let listHead: number | undefined;
  let listLevel = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (end > start) {
      let level = 0;
      while (level < end - start && text.charCodeAt(start + level) === 35) level++;
      const index = paragraphs.length;
      const numbered = level ? { level: 0, at: start } : numbering(text, start, end);
      let role: Paragraph["role"] = level ? "heading" : numbered.level ? "item" : "body";
      let titleEnd = level ? end : start;
      if (level) closeTo(level);
      else if (numbered.level) {
        if (listHead !== undefined) {
          if (!listLevel) listLevel = numbered.level;
          else if (numbered.level < listLevel) listHead = undefined;
        }
        closeTo(numbered.level);
        // A numbered line whose first words are a short title (一、经济运行总体平稳。…) governs
        // the paragraphs below it; a numbered sentence of body text is an item only.
        const stop = titleStop(text, numbered.at, end);
        // A lead's 主要情况如下： announces the article's parts when a part's title, a whole line
        // numbered at a section's rank (一、1—10月各市（区）投资情况), follows it: that line heads
        // its part, as it would with no colon line before it, and the colon line governs the
        // parts as a heading over them (what they do not say, its period says).
        if (
          listHead !== undefined &&
          numbered.level <= SECTION_RANK &&
          stop === end &&
          !QUANTITY.test(text.slice(numbered.at, stop))
        ) {
          open.push({ index: listHead, level: PARTS_LEVEL });
          listHead = undefined;
        }
        // Under a colon line the numbered lines are its items, never titles.
        if (
          listHead === undefined &&
          stop >= 0 &&
          numbered.level < 11 &&
          !QUANTITY.test(text.slice(numbered.at, stop))
        ) {
          role = "section";
          titleEnd = stop;
        }
      }
      if (!numbered.level) listHead = undefined;
      const headings = open.map((o) => o.index);
      if (listHead !== undefined) headings.push(listHead);
      paragraphs.push({
        start,
        end,
        headingLevel: level,
        headings,
        titleLike: level > 0 || isTitleLike(text, start, end),
        role,
        titleEnd,
      });
      if (level) open.push({ index, level });
      else if (role === "section") open.push({ index, level: numbered.level });
      else if (role === "body" && endsWithColon(text, start, end)) {
        // 2023年重点项目计划如下： heads the items after it.
        paragraphs[index]!.titleEnd = end;
        listHead = index;
        listLevel = 0;
      }
      // The numbering (1．, （一）) is not part of the first sentence's words.
      splitSentences(text, level ? start + level : numbered.at, end, index, sentences);
    }
    start = end + 1;
  }
  return { paragraphs, sentences };
}

/** Where a numbered line's title ends: its first full stop or colon, else the line's end; -1
 * when its first words are no title (too long, or a sentence with clauses: 1．新会区安排项目45个，…). */
function titleStop(text: string, from: number, to: number): number {
  for (let i = from; i < to && i - from <= TITLE_LIMIT; i++) {
    const c = text.charCodeAt(i);
    if (SENTENCE_END[c] === 1 || c === 0xff1a || c === 0x3a) return i;
    if (CLAUSE_END[c] === 1) return -1;
  }
  return to - from <= TITLE_LIMIT ? to : -1;
}

function endsWithColon(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(end - 1);
  return end > start && (c === 0xff1a || c === 0x3a);
}

/** Longest line, in characters, that can pass for a title. */
const TITLE_LIMIT = 40;

/** Marks that open a story's title on a digest page (■ 蓬江：前11月外贸进出口增长9.3%). */
const STORY_MARKS = charTable(contextLexicon.storyMarks.join(""));

function isTitleLike(text: string, start: number, end: number): boolean {
  if (end - start > TITLE_LIMIT) return false;
  // After a story's mark a colon is its kicker's (■ 江海：新增规上企业45家), not a clause's.
  const kicker = STORY_MARKS[text.charCodeAt(start)] === 1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (CLAUSE_END[c] === 1 && !(kicker && (c === 0xff1a || c === 0x3a))) return false;
  }
  return true;
}

function splitSentences(
  text: string,
  from: number,
  to: number,
  paragraph: number,
  out: Sentence[],
) {
  let s = from;
  for (let i = from; i < to; i++) {
    if (SENTENCE_END[text.charCodeAt(i)] !== 1) continue;
    let e = i + 1;
    while (e < to && (SENTENCE_END[text.charCodeAt(e)] === 1 || CLOSING[text.charCodeAt(e)] === 1))
      e++;
    out.push({ start: s, end: e, paragraph });
    s = e;
    i = e - 1;
  }
  if (s < to) out.push({ start: s, end: to, paragraph });
}

/** Start of the clause that contains `at` (never before `from`). */
export function clauseStart(text: string, at: number, from: number): number {
  for (let i = at - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (CLAUSE_END[c] === 1) return i + 1;
    if (DASHES.has(c) && text.charCodeAt(i - 1) === c) return i + 1;
  }
  return from;
}

/** End of the clause that contains `at` (never after `to`). */
export function clauseEnd(text: string, at: number, to: number): number {
  for (let i = at; i < to; i++) {
    const c = text.charCodeAt(i);
    if (CLAUSE_END[c] === 1) return i;
    if (DASHES.has(c) && text.charCodeAt(i + 1) === c) return i;
  }
  return to;
}
