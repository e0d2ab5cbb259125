// The article text cut into the pieces the panel draws: plain text, the numbers facts stand on
// (<mark class="number">) and the sentence of the fact a user picked (<mark class="sentence">).
// The text is cut into blocks at line breaks as well, so a 2 MB article is many small blocks the
// browser lays out only when they scroll into view, never one huge text node.
export interface Span {
  start: number;
  end: number;
}

export interface Piece {
  text: string;
  /** Offset of the piece in the article. */
  start: number;
  /** The facts (their positions in the list) whose number this piece is; absent for plain text. */
  facts?: number[];
  /** Inside the picked fact's sentence. */
  sentence?: boolean;
}

export interface Block {
  start: number;
  pieces: Piece[];
}

/** Blocks end at the first line break after this many characters (or, lacking one, at twice). */
export const BLOCK_CHARS = 2000;

/**
 * The pieces of `text`, given the facts' number spans and the picked sentence. Overlapping or
 * repeated spans (one figure for several places) make one mark naming every fact; spans outside
 * the text are ignored.
 */
export function markText(
  text: string,
  numbers: readonly Span[],
  sentence: Span | null = null,
  blockChars = BLOCK_CHARS,
): Block[] {
  // Marks: merged number spans, each with its facts.
  const order = numbers
    .map((s, i) => ({ ...s, i }))
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const marks: { start: number; end: number; facts: number[] }[] = [];
  for (const s of order) {
    const last = marks[marks.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.facts.push(s.i);
    } else marks.push({ start: s.start, end: s.end, facts: [s.i] });
  }

  // Every offset where something changes: mark edges, sentence edges, block ends.
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) cuts.add(m.start).add(m.end);
  if (sentence) cuts.add(Math.max(0, sentence.start)).add(Math.min(text.length, sentence.end));
  const blockEnds = new Set<number>();
  for (let from = 0; from < text.length;) {
    let end = text.indexOf("\n", from + blockChars);
    if (end < 0 || end > from + 2 * blockChars) end = Math.min(text.length, from + 2 * blockChars);
    else end += 1;
    // Never inside a mark: move to its end.
    const inside = marks.find((m) => m.start < end && end < m.end);
    if (inside) end = inside.end;
    blockEnds.add(end);
    cuts.add(end);
    from = end;
  }
  const sorted = [...cuts].sort((a, b) => a - b);

  const blocks: Block[] = [];
  let block: Block = { start: 0, pieces: [] };
  let m = 0;
  for (let k = 0; k + 1 < sorted.length; k++) {
    const start = sorted[k]!;
    const end = sorted[k + 1]!;
    while (m < marks.length && marks[m]!.end <= start) m++;
    const mark = marks[m] && marks[m]!.start <= start && end <= marks[m]!.end ? marks[m] : null;
    const piece: Piece = { text: text.slice(start, end), start };
    if (mark) piece.facts = mark.facts;
    if (sentence && sentence.start <= start && end <= sentence.end) piece.sentence = true;
    block.pieces.push(piece);
    if (blockEnds.has(end)) {
      blocks.push(block);
      block = { start: end, pieces: [] };
    }
  }
  if (block.pieces.length) blocks.push(block);
  return blocks;
}

/**
 * The span of a fact's sentence in the text: its quote's occurrence that holds the number, else
 * the number alone.
 */
export function sentenceSpan(
  text: string,
  fact: { start: number; end: number; quote: string },
): Span {
  if (fact.quote) {
    let at = text.lastIndexOf(fact.quote, fact.start);
    if (at >= 0 && at + fact.quote.length >= fact.end)
      return { start: at, end: at + fact.quote.length };
    at = text.indexOf(fact.quote);
    if (at >= 0 && at <= fact.start && at + fact.quote.length >= fact.end)
      return { start: at, end: at + fact.quote.length };
  }
  return { start: fact.start, end: fact.end };
}

/**
 * A block's pieces with a sentence marked: the block drawn again when a fact is picked, while the
 * other blocks of a long article stay as they were.
 */
export function markSentence(block: Block, sentence: Span | null): Piece[] {
  if (!sentence) return block.pieces;
  const out: Piece[] = [];
  for (const p of block.pieces) {
    const end = p.start + p.text.length;
    const cuts = [p.start, end];
    if (sentence.start > p.start && sentence.start < end) cuts.splice(1, 0, sentence.start);
    if (sentence.end > p.start && sentence.end < end) cuts.splice(cuts.length - 1, 0, sentence.end);
    for (let k = 0; k + 1 < cuts.length; k++) {
      const from = cuts[k]!;
      const to = cuts[k + 1]!;
      const piece: Piece = { text: p.text.slice(from - p.start, to - p.start), start: from };
      if (p.facts) piece.facts = p.facts;
      if (sentence.start <= from && to <= sentence.end) piece.sentence = true;
      out.push(piece);
    }
  }
  return out;
}

/** Whether a block holds part of a span. */
export const blockTouches = (block: Block, blockEnd: number, span: Span | null) =>
  span !== null && span.start < blockEnd && block.start < span.end;
