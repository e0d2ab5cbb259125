// Markdown in an article, as text: a `## ` heading mark and the `**` around emphasis are markup,
// hidden when the article is shown, and what they mark is drawn as a heading or in bold. Only the
// markup is dropped: every other character keeps its offset, so the facts' offsets (into the raw
// text) still point at their numbers and the highlights stay where they were.
export interface MdSegment {
  start: number;
  end: number;
  /** Markup characters (`## `, `**`), not shown. */
  markup: boolean;
  strong: boolean;
  /** The heading level of the line (1–6), 0 outside headings. */
  heading: number;
}

const HEADING = /^(#{1,6})[ \t]+/;
/** `**text**`: emphasis within one line, not starting or ending on a space (CommonMark-like). */
const STRONG = /\*\*(?=\S)(.*?\S)\*\*/g;

/** The text cut into segments covering it exactly, in order. */
export function markdownSegments(text: string): MdSegment[] {
  const out: MdSegment[] = [];
  const push = (start: number, end: number, markup: boolean, strong: boolean, heading: number) => {
    if (end <= start) return;
    const last = out[out.length - 1];
    if (last && !markup && !last.markup && last.strong === strong && last.heading === heading)
      last.end = end;
    else out.push({ start, end, markup, strong, heading });
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const heading = HEADING.exec(line);
    const level = heading ? heading[1]!.length : 0;
    let at = lineStart;
    if (heading) {
      push(at, at + heading[0].length, true, false, level);
      at += heading[0].length;
    }
    STRONG.lastIndex = at - lineStart;
    for (let m = STRONG.exec(line); m; m = STRONG.exec(line)) {
      const open = lineStart + m.index;
      push(at, open, false, false, level);
      push(open, open + 2, true, false, level);
      push(open + 2, open + 2 + m[1]!.length, false, true, level);
      push(open + 2 + m[1]!.length, open + m[0].length, true, false, level);
      at = open + m[0].length;
    }
    push(at, lineEnd, false, false, level);
    if (newline < 0) break;
    push(lineEnd, lineEnd + 1, false, false, 0);
    lineStart = lineEnd + 1;
  }
  return out;
}

/** The segments within [from, to), cut at its ends. */
export function segmentsIn(segments: readonly MdSegment[], from: number, to: number): MdSegment[] {
  const out: MdSegment[] = [];
  for (const s of segments) {
    if (s.end <= from) continue;
    if (s.start >= to) break;
    out.push({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) });
  }
  return out;
}

/** The text as shown: markup dropped. */
export const shownText = (text: string, segments: readonly MdSegment[]) =>
  segments
    .filter((s) => !s.markup)
    .map((s) => text.slice(s.start, s.end))
    .join("");

/** An article's first non-blank line as shown, for a title where sources.csv has none. */
export function firstLine(text: string, limit = 60): string {
  const line =
    text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .find((l) => l.trim()) ?? "";
  const shown = shownText(line, markdownSegments(line)).trim();
  return shown.length > limit ? `${shown.slice(0, limit)}…` : shown;
}
