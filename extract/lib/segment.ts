// Paragraphs, sections and sentences of a normalized article.
//
// A paragraph is a line of the normalized text. A markdown heading (# or ##) opens a section that
// runs to the next heading of the same or a higher level; the facts in it can take their place
// and period from it. Sentences end at 。！？!? (with any closing quotes); clauses, the unit that
// binds a number to its cue, end at commas, semicolons, colons, dashes and ellipses as well.

import { charTable } from "./charTable.ts";

export interface Paragraph {
  start: number;
  end: number;
  /** 0 for body text, n for a heading of n "#" marks. */
  headingLevel: number;
  /** Indices of the heading paragraphs that govern this one, outermost first. */
  headings: number[];
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

export function segment(text: string): Segments {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  // Stack of open headings: index by level.
  const open: number[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (end > start) {
      let level = 0;
      while (level < end - start && text.charCodeAt(start + level) === 35) level++;
      const index = paragraphs.length;
      if (level > 0) {
        while (open.length && (paragraphs[open[open.length - 1]!]!.headingLevel ?? 0) >= level)
          open.pop();
      }
      paragraphs.push({
        start,
        end,
        headingLevel: level,
        headings: open.slice(),
        titleLike: level > 0 || isTitleLike(text, start, end),
      });
      if (level > 0) open.push(index);
      splitSentences(text, start + level, end, index, sentences);
    }
    start = end + 1;
  }
  return { paragraphs, sentences };
}

/** Longest line, in characters, that can pass for a title. */
const TITLE_LIMIT = 40;

function isTitleLike(text: string, start: number, end: number): boolean {
  if (end - start > TITLE_LIMIT) return false;
  for (let i = start; i < end; i++) if (CLAUSE_END[text.charCodeAt(i)] === 1) return false;
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
