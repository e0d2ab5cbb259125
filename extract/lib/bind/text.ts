// Text helpers the binders share: what counts as filler between a cue and its number, the places
// and subject a figure is about, and the value cues before and after a figure.

import { mentionEndBefore, within, type DocContext } from "../context.ts";
import { insideRegion, type PlaceMention } from "../regions.ts";
import { contextLexicon, periodLexicon } from "../lexicon.ts";
import {
  BREAKDOWN_PART_SUFFIXES,
  CUES,
  PRODUCT_NAME_ENDINGS,
  PRODUCT_NAME_LIMIT,
  PRODUCT_TRADE_CUES,
  FILLERS,
  FILLER_NAME_ENDS,
  FILLER_NAME_STARTS,
  CUE_NAME_ENDINGS,
  DATED_SUBJECT_ENDINGS,
  THRESHOLD_OPENERS,
  SUBJECT_THRESHOLD_AMOUNT,
  KIND_MARKERS,
  LIST_CONNECTORS,
  NOT_SHARED,
  SHARED_MARKERS,
  type Family,
} from "../indicators.ts";
import { CLAUSE_WINDOW } from "../context.ts";
import { clauseStart } from "../segment.ts";
import type { BindState, TokenContext } from "./state.ts";
import {
  ATTRIBUTIVE,
  BARE_CUES,
  CLOSERS,
  INDUSTRY,
  ITEM_MARKS,
  SECTORS,
  SUBJECT_SYNONYMS,
  FROM_WORDS,
  PRONOUNS,
  SUBJECT_INDICATOR_WORDS,
  LIST_PARTNER_PREFIX,
  PUNCT,
  REFERENCE_GROUP,
  withoutAttributive,
} from "./lexicon.ts";
import { smallNumber } from "../numbers.ts";
import { TermMatcher } from "../termMatcher.ts";

export const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** Where the item of its sentence that holds `at` starts: after the last item mark (；) in
 * [from, at), else `from`. Items are parallel statements (甲项目…；乙项目…). */
export function itemStart(text: string, from: number, at: number): number {
  for (let i = at - 1; i >= from; i--) if (ITEM_MARKS.includes(text[i]!)) return i + 1;
  return from;
}

/** Where the item of its sentence that holds `at` ends: at the next item mark (；) in [at, to),
 * else `to`. */
export function itemEnd(text: string, at: number, to: number): number {
  for (let i = at; i < to; i++) if (ITEM_MARKS.includes(text[i]!)) return i;
  return to;
}

/** True when a digit stands in text[from, to). */
export function hasDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isDigitCode(text.charCodeAt(i))) return true;
  return false;
}

/** True when text[from, to) holds only filler words, punctuation and spaces. */
export function onlyFiller(text: string, from: number, to: number): boolean {
  for (let i = from; i < to;) {
    const m = FILLERS.matchAt(text, i, to);
    if (m) {
      i = m.end;
      continue;
    }
    if (PUNCT.test(text[i]!)) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}

/** True when text[from, to) holds only filler words, punctuation and place names; a bare count
 * of places right after as many listed (台山、开平、恩平三市), or after a grouping of as many
 * members (江门西部三市), restates them and counts as theirs. */
export function onlyFillerOrPlaces(ctx: DocContext, from: number, to: number): boolean {
  const places = within(ctx.places, from, to);
  if (!places.length) return false;
  if (fillerAndPlaces(ctx, places, from, to)) return true;
  // 南方的广东、江苏…: a word that describes the places listed right after it is no more than filler.
  const described = descriptorStart(ctx.text, from, places[0]!.start);
  if (described !== undefined && onlyFiller(ctx.text, from, described))
    return onlyFillerOrPlaces(ctx, places[0]!.start, to);
  const modified = modifiedPlaceStart(ctx, from, to);
  return modified > from && onlyFillerOrPlaces(ctx, modified, to);
}

/** onlyFillerOrPlaces for `places`, the places in text[from, to), with nothing before them that
 * describes them. */
function fillerAndPlaces(
  ctx: DocContext,
  places: readonly PlaceMention[],
  from: number,
  to: number,
): boolean {
  const last = places[places.length - 1]!;
  // 江门东部四市区: a grouping's count of its members says it again, as 三市 does after three places.
  const members =
    places.length === 1 && last.place.type === "region"
      ? (ctx.gaz.regions.get(last.place.key)?.members.length ?? 0)
      : 0;
  const restated = restatedCountEnd(ctx.text, members || places.length, last.end, to);
  if (restated > last.end)
    return onlyFillerAround(ctx.text, places, from, last.end) && onlyFiller(ctx.text, restated, to);
  return onlyFillerAround(ctx.text, places, from, to);
}

/** Where the place that words ending in 的 at `from` describe starts (与之相邻的鹤山市, 与佛山接壤的
 * 鹤山市, 作为制造业强市的鹤山市: naming no measure, period or number); `from` when there is none.
 * A place inside those words (佛山, 地处西部的 in a table naming 西部) is no place of the figure. */
export function modifiedPlaceStart(ctx: DocContext, from: number, to: number): number {
  const p = within(ctx.places, from, to).find((m) => modifiesPlace(ctx, from, m.start));
  return p ? p.start : from;
}

/** Longest run of words before 的 read as describing the place after it, in characters. */
const MODIFIER_LIMIT = 12;

/** True when text[from, at) is words ending in 的 that describe the place at `at` (与之相邻的,
 * 地处西部的): short, within the clause, with no number, period or cue of a measure in them. */
function modifiesPlace(ctx: DocContext, from: number, at: number): boolean {
  const { text } = ctx;
  const end = at - 1;
  if (text[end] !== ATTRIBUTIVE || end <= from || end - from > MODIFIER_LIMIT) return false;
  for (let i = from; i < end; i++) if (PUNCT.test(text[i]!)) return false;
  return (
    !hasDigit(text, from, end) &&
    !within(ctx.periods, from, end).length &&
    !CUES.scan(text, from, end).length
  );
}

const PLACE_DESCRIPTOR = new TermMatcher(
  contextLexicon.placeDescriptors.map((w) => [w, true] as const),
);

/** Where a word describing the places after it (南方的, 北方, 沿海的) starts, when it ends at `at`
 * (with or without 的) and not before `from`; else undefined. */
function descriptorStart(text: string, from: number, at: number): number | undefined {
  const end = text[at - 1] === ATTRIBUTIVE ? at - 1 : at;
  const m = PLACE_DESCRIPTOR.matchEndingAt(text, end, from);
  return m ? m.start : undefined;
}

const SAME_TIME_SUFFIXES: readonly string[] = periodLexicon.sameTimeSuffixes;

/** The base year when text[from, to) holds one 同期 of a year (去年同期, 上年同期, 2024年同期) and
 * only filler besides (；去年同期为3.6%, ，上年同期为下降2.5%): a clause that states the same
 * figure for the base period. Undefined otherwise. */
export function sameTimeOnly(ctx: DocContext, from: number, to: number): number | undefined {
  const periods = within(ctx.periods, from, to);
  if (periods.length !== 1) return undefined;
  const p = periods[0]!;
  if (p.sameTimeOf === undefined) return undefined;
  const suffix = SAME_TIME_SUFFIXES.find((w) => ctx.text.startsWith(w, p.end));
  if (suffix === undefined) return undefined;
  const after = p.end + suffix.length;
  return after <= to && onlyFiller(ctx.text, from, p.start) && onlyFiller(ctx.text, after, to)
    ? p.sameTimeOf
    : undefined;
}

/** True when text[from, to) holds only filler words, punctuation, place names and periods
 * (预计三季度台山市…), in any order. */
export function onlyFillerPlacesOrPeriods(ctx: DocContext, from: number, to: number): boolean {
  const spans = [...within(ctx.places, from, to), ...within(ctx.periods, from, to)].sort(
    (a, b) => a.start - b.start,
  );
  if (spans.some((s, i) => i > 0 && s.start < spans[i - 1]!.end)) return false;
  return onlyFillerAround(ctx.text, spans, from, to);
}

/** True when text[from, to) holds a period and places and only filler besides (；2022年山东增长6.1%):
 * a clause that opens on another year and place of the same statement. */
export function onlyFillerPeriodsAndPlaces(ctx: DocContext, from: number, to: number): boolean {
  const periods = within(ctx.periods, from, to);
  if (!within(ctx.places, from, to).length || !periods.length) return false;
  return periods.every((p) => p.label !== "") && onlyFillerPlacesOrPeriods(ctx, from, to);
}

/** Where a bare count of places (三市, 两区) that starts at `at` ends, when it counts `n`: the
 * places just listed said again; else `at`. With a reference word (这三市) it is no restatement
 * here: those refer back across words. */
function restatedCountEnd(text: string, n: number, at: number, to: number): number {
  if (n < 2) return at;
  const m = REFERENCE_GROUP.exec(text.slice(at, Math.min(to, at + RESTATED_COUNT_LIMIT)));
  if (!m || m.index !== 0 || m[1]) return at;
  return smallNumber(m[2]!) === n ? at + m[0].length : at;
}
/** Longest bare count of places looked for (十二个县区). */
const RESTATED_COUNT_LIMIT = 6;

/** True when text[from, to) holds only filler words and punctuation besides `mentions`, which may
 * be followed by a 的 (武汉、广州的增速; 比2020年的61280亿元). */
function onlyFillerAround(
  text: string,
  mentions: readonly { start: number; end: number }[],
  from: number,
  to: number,
): boolean {
  let at = from;
  for (const m of mentions) {
    if (!onlyFiller(text, at, m.start)) return false;
    at = m.end;
  }
  return onlyFiller(text, text[at] === ATTRIBUTIVE ? at + 1 : at, to);
}

/** The clause before an amount holds only filler, place names or nothing (，为124369.67亿元). */
export function fillerOrPlacesOnly(ctx: DocContext, from: number, to: number): boolean {
  return onlyFiller(ctx.text, from, to) || onlyFillerOrPlaces(ctx, from, to);
}

/** The clause before a figure holds only filler with places, dated periods or both (，为…; ，上半年
 * 宁波完成…; 上半年安徽增速…): it names nothing the figure could be besides when and where. */
export function fillerPlacesOrPeriodsOnly(ctx: DocContext, from: number, to: number): boolean {
  return (
    fillerOrPlacesOnly(ctx, from, to) ||
    onlyFillerOrPeriods(ctx, from, to) ||
    onlyFillerPeriodsAndPlaces(ctx, from, to)
  );
}

/** The regions named in text[from, to) as places, in order, once each: a partner (与广州相同) is
 * not one, unless it only follows another place in a list (武汉、杭州和成都). */
export function regionKeys(ctx: DocContext, from: number, to: number): string[] {
  const keys: string[] = [];
  let last: PlaceMention | undefined;
  for (const m of within(ctx.places, modifiedPlaceStart(ctx, from, to), to)) {
    const listed = !m.partner || (!!last && LIST_CONNECTORS.has(ctx.text.slice(last.end, m.start)));
    // 江门市江海区: a region written right before one of its parts only says where the part is.
    if (m.place.type === "region" && last?.end === m.start && last.place.type === "region") {
      const whole = last.place.key;
      if (insideRegion(ctx.gaz, m.place.key, whole) && keys[keys.length - 1] === whole) keys.pop();
    }
    if (m.place.type === "region" && listed && !keys.includes(m.place.key)) keys.push(m.place.key);
    last = m;
  }
  return keys;
}

/** True when text[from, to) holds only filler words, punctuation and the base of a comparison
 * (比2022年增长: the period after 比 names no period of the figure). */
export function onlyFillerOrComparisons(ctx: DocContext, from: number, to: number): boolean {
  const periods = within(ctx.periods, from, to);
  if (!periods.length || periods.some((p) => p.label !== "")) return false;
  return onlyFillerAround(ctx.text, periods, from, to);
}

/** The period that text[from, to) names when it holds only filler, one period it names and
 * comparisons (，2023年比上年下降3.4%), else undefined. */
export function onlyPeriodAndComparisons(
  ctx: DocContext,
  from: number,
  to: number,
): string | undefined {
  const periods = within(ctx.periods, from, to);
  const named = [...new Set(periods.filter((p) => p.label !== "").map((p) => p.label))];
  if (named.length !== 1 || !onlyFillerAround(ctx.text, periods, from, to)) return undefined;
  return named[0];
}

/** True when text[from, to) holds only filler words, punctuation and periods it names (分季度看，
 * 一季度增长6.0%，二季度增长7.6%: the same rate, period by period). */
export function onlyFillerOrPeriods(ctx: DocContext, from: number, to: number): boolean {
  const periods = within(ctx.periods, from, to);
  if (!periods.length || periods.some((p) => p.label === "")) return false;
  return onlyFillerAround(ctx.text, periods, from, to);
}

/** text[from, to) without leading and trailing filler words and punctuation. */
export function trimFiller(text: string, from: number, to: number): string {
  const span = trimFillerSpan(text, from, to);
  return text.slice(span.start, span.end);
}

/** Where text[from, to) starts and ends without leading and trailing filler and punctuation. */
function trimFillerSpan(text: string, from: number, to: number): Span {
  let a = from;
  let b = to;
  for (let changed = true; changed && a < b;) {
    changed = false;
    // 有色金属, 超高清视频: a name that opens with a filler word keeps it.
    const m = FILLER_NAME_STARTS.matchAt(text, a, b) ? undefined : FILLERS.matchAt(text, a, b);
    if (m) {
      a = m.end;
      changed = true;
    } else if (PUNCT.test(text[a]!) && text[a] !== "“") {
      a++;
      changed = true;
    }
  }
  for (let changed = true; changed && a < b;) {
    changed = false;
    // 新签约: a word that ends like a filler (约) keeps its ending.
    if (FILLER_NAME_ENDS.some((w) => b - w.length >= a && text.startsWith(w, b - w.length))) break;
    const m = FILLERS.matchEndingAt(text, b, a);
    if (m) {
      b = m.start;
      changed = true;
    } else if (text[b - 1] === ATTRIBUTIVE) {
      // 对东盟的进出口额, 民营企业的进出口: the particle that ties the name to its cue.
      b--;
      changed = true;
    } else if (PUNCT.test(text[b - 1]!) && text[b - 1] !== "”" && !closesInside(text, a, b)) {
      b--;
      changed = true;
    }
  }
  return { start: a, end: b };
}

/** Opening brackets by their closing ones. */
const OPENERS: Readonly<Record<string, string>> = { "）": "（", ")": "(" };

/** True when text[b - 1] closes a bracket opened inside text[a, b - 1) (汽车（含底盘）): it ends the
 * name, an aside of its own. */
function closesInside(text: string, a: number, b: number): boolean {
  const open = OPENERS[text[b - 1]!];
  return open !== undefined && text.lastIndexOf(open, b - 2) >= a;
}

/** What a figure is about: the words between the last place or period named and the cue. */
export function subjectBefore(ctx: DocContext, from: number, to: number): string {
  const { text } = ctx;
  // 陈皮产业2025年总产值, 陈皮产业2025年产值 (the cue 年产值 taking the year's 年): a period right
  // before the cue dates the figure and does not end its subject, which stands before the period.
  const dated = within(ctx.periods, from, to + 1).at(-1);
  if (
    dated &&
    dated.label !== "" &&
    dated.start > from &&
    (dated.end > to || onlyFiller(text, dated.end, to))
  ) {
    const before = subjectBefore(ctx, from, dated.start);
    if (DATED_SUBJECT_ENDINGS.some((e) => before.endsWith(e))) return before;
  }
  const lo = mentionEndBefore(ctx, from, to);
  let a = lo;
  // Another name of the same indicator (地区生产总值（GDP）) is not a subject.
  let cue: Span | undefined;
  for (const m of CUES.scan(text, a, to))
    if (m.value.type === "value" && !m.value.nameOnly) {
      a = m.end;
      cue = m;
    }
  // 达产后年产值, 预计全年: a word of kind is the kind column's, not what the figure is about.
  for (const m of KIND_MARKERS.scan(text, a, to)) if (m.value.kind !== "neutral") a = m.end;
  const span = trimFillerSpan(text, a, to);
  // 产值超10亿元企业, 引进超亿元项目: an amount opening the subject is a threshold; its bound word
  // and the measure right before that are part of it.
  if (SUBJECT_THRESHOLD_AMOUNT.test(text.slice(span.start, span.end))) {
    const bound = THRESHOLD_OPENERS.find(
      (w) => span.start - w.length >= lo && text.startsWith(w, span.start - w.length),
    );
    if (bound) {
      span.start -= bound.length;
      if (cue && cue.end === span.start) span.start = cue.start;
    }
  }
  // 农副食品加工业增加值: the name's ending that the cue (工业增加值) starts inside stays the name's.
  let tail = "";
  for (const e of CUE_NAME_ENDINGS)
    for (let k = 1; k < e.length && !tail; k++)
      if (text.startsWith(e.slice(0, k), to - k) && text.startsWith(e.slice(k), to))
        tail = e.slice(k);
  // 对东盟进出口: the partner is the subject, not the word that marks it.
  let s = withoutAttributive(text.slice(span.start, span.end));
  if (s && span.end === to) s += tail;
  const bare = s.replace(LIST_PARTNER_PREFIX, "");
  if (bare.length >= 2) s = bare;
  // 从GDP看: a preposition alone is no subject.
  if (FROM_WORDS.includes(s)) return "";
  // 其GDP增长率: a word that refers back is no subject.
  if (PRONOUNS.includes(s)) return "";
  // 货物贸易出口, 外贸进出口值: the indicator said again, no subject.
  if (SUBJECT_INDICATOR_WORDS.includes(s)) return "";
  return s.length > 30 ? s.slice(s.length - 30) : s;
}

/** The labelled periods in text[from, to), each with a 的 after it (从2019年的3146亿元): words that
 * date the figure after them and may stand between it and its cue or noun. */
export function datingPeriods(ctx: DocContext, from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const p of within(ctx.periods, from, to)) {
    if (p.label === "") continue;
    out.push({ start: p.start, end: ctx.text[p.end] === ATTRIBUTIVE ? p.end + 1 : p.end });
  }
  return out;
}

export interface Span {
  start: number;
  end: number;
}

/** True when text[from, at), between a cue or noun and its figure, opens the first level of a
 * change (由3146亿元增长到…) with no period of its own: a level of some earlier, unknown time. */
export function undatedFromLevel(
  text: string,
  from: number,
  at: number,
  dating: readonly Span[],
): boolean {
  const between = text.slice(from, at);
  return FROM_WORDS.some((w) => between.includes(w)) && !dating.some((p) => p.start >= from);
}

/** True when text[from, to) is a place, then 由/从 and perhaps the level's period (；河南由2019年的
 * 54259.2亿元): the first level of that place's change, of the indicator before. */
export function placeFromLevel(ctx: DocContext, from: number, to: number): boolean {
  const { text } = ctx;
  for (const w of FROM_WORDS) {
    const i = text.lastIndexOf(w, to - w.length);
    if (i < from || !onlyFillerOrPlaces(ctx, from, i)) continue;
    const after = i + w.length;
    if (onlyFiller(text, after, to) || onlyFillerOrPeriods(ctx, after, to)) return true;
  }
  return false;
}

/** Longest bracketed aside, brackets included, that may stand after a noun or cue (（产品）, （不含农户）). */
const ASIDE_LIMIT = 8;

/** The bracketed aside without digits opening at `i` and closing before `to`: 固定资产投资（不含农户）
 * 增长3.5% qualifies the indicator and leaves its cue in place. */
function asideAt(text: string, i: number, to: number): Span | undefined {
  const close = text[i] === "（" ? "）" : text[i] === "(" ? ")" : undefined;
  if (!close) return undefined;
  // Only as far as an aside may reach: a bracket never closed costs no scan of the page.
  const stop = Math.min(to, i + ASIDE_LIMIT);
  let end = i + 1;
  while (end < stop && text[end] !== close) end++;
  if (end >= stop) return undefined;
  for (let k = i + 1; k < end; k++) if (isDigitCode(text.charCodeAt(k))) return undefined;
  return { start: i, end: end + 1 };
}

/** Where the bracketed aside that ends at `end` (单项冠军企业（产品）18家) opens, not before `from`;
 * -1 when no aside ends there. */
export function asideStartBefore(text: string, end: number, from: number): number {
  const close = text[end - 1];
  if (close !== "）" && close !== ")") return -1;
  for (let i = end - 2; i >= Math.max(from, end - ASIDE_LIMIT); i--)
    if (text[i] === "（" || text[i] === "(") return i;
  return -1;
}

/** Nearest value cue ending before `at` in [from, at), and within its gap. `named`: the amount
 * is followed by 的 and a name, which some cues need. `dating`: periods that may stand in the gap
 * (地区生产总值从2019年的3146亿元), which do not count towards it. */
export function valueCueBefore(
  text: string,
  from: number,
  at: number,
  named = false,
  dating: readonly Span[] = [],
) {
  let found: { start: number; end: number; family: Family; maxGap: number } | undefined;
  for (const m of CUES.scan(text, from, at)) {
    if (m.value.type === "none") found = undefined;
    if (m.value.type !== "value") continue;
    found =
      m.value.nameOnly && !named
        ? undefined
        : { start: m.start, end: m.end, family: m.value.family, maxGap: m.value.maxGap };
  }
  if (!found) return undefined;
  // 出口机电产品694.2亿元, 出口“新三样”产品96.8亿元: the goods exported, named between.
  if (productBetween(text, found, at) !== undefined) return found;
  let gap = at - found.end;
  // Closing brackets and quotes may sit between: 地区生产总值（GDP）3791.94亿元.
  for (let i = found.end; i < at; i++) {
    const period = dating.find((p) => p.start === i);
    const aside = period ? undefined : asideAt(text, i, at);
    const skip = period ?? aside;
    if (skip) {
      gap -= skip.end - skip.start;
      i = skip.end - 1;
      continue;
    }
    const ch = text[i]!;
    if (isDigitCode(text.charCodeAt(i)) || (PUNCT.test(ch) && !CLOSERS.includes(ch)))
      return undefined;
  }
  return gap > found.maxGap ? undefined : found;
}

/** The goods named between a trade cue said as a verb and its amount (出口机电产品694.2亿元 →
 * 机电产品): a name ending like goods, short, with no digit and no mark but quotes; undefined
 * otherwise. */
export function productBetween(
  text: string,
  cue: { start: number; end: number },
  at: number,
): string | undefined {
  if (at - cue.end < 2 || at - cue.end > PRODUCT_NAME_LIMIT) return undefined;
  if (!PRODUCT_TRADE_CUES.includes(text.slice(cue.start, cue.end))) return undefined;
  const name = text.slice(cue.end, at);
  if (!PRODUCT_NAME_ENDINGS.some((w) => name.endsWith(w))) return undefined;
  for (let i = cue.end; i < at; i++) {
    const ch = text[i]!;
    if (isDigitCode(text.charCodeAt(i)) || (PUNCT.test(ch) && !QUOTES.includes(ch)))
      return undefined;
  }
  return name;
}

/** Quotes that may stand in the name of goods (“新三样”产品). */
const QUOTES = '“”‘’"';

/** The indicator named right after a figure (2874.6亿元的经济总量, 以2805.2亿元GDP, 10.5%的经济
 *增速, 4000亿产值): a value cue, for a percent a growth cue after it, at most a 的 between. */
export function cueAfter(text: string, at: number, stop: number, unit: "CNY" | "percent") {
  let i = at;
  if (text[i] === ATTRIBUTIVE) i++;
  const m = CUES.matchAt(text, i, stop);
  if (!m) return undefined;
  if (unit === "CNY")
    return m.value.type === "value" && !m.value.nameOnly ? m.value.family : undefined;
  if (m.value.type === "growth") return m.value.family;
  if (m.value.type !== "value") return undefined;
  const g = CUES.matchAt(text, m.end, stop);
  return g && g.value.type === "growth" && g.value.sign === 1 ? m.value.family : undefined;
}

/** Longest name that may stand between 的 and the value cue after an amount (的规上工业总产值). */
const NAMED_CUE_LIMIT = 8;

/** A value cue after 的 and a short name (以186.2亿元的规上工业总产值位居第一, 的高新技术产业产值):
 * the amount is that cue's, about that name: an industry's name (breakdown.partSuffixes), with no
 * digit, mark or other cue word. */
export function namedCueAfter(
  text: string,
  at: number,
  stop: number,
): { family: Family; subject: string } | undefined {
  if (text[at] !== ATTRIBUTIVE) return undefined;
  const m = CUES.scan(text, at + 1, Math.min(stop, at + 1 + NAMED_CUE_LIMIT + 8))[0];
  if (!m || m.value.type !== "value" || m.value.nameOnly) return undefined;
  const name = text.slice(at + 1, m.start);
  if (name.length < 2 || name.length > NAMED_CUE_LIMIT) return undefined;
  for (const c of name) if (PUNCT.test(c) || c === ATTRIBUTIVE || /\d/.test(c)) return undefined;
  // The name of an industry (规上, 水暖卫浴产业), as breakdown parts are named or shortened: 以3亿元的财政资金
  // 带动固定资产投资 is money that moves investment, not investment.
  if (!BREAKDOWN_PART_SUFFIXES.some((w) => name.endsWith(w)) && !SUBJECT_SYNONYMS.has(name))
    return undefined;
  return { family: m.value.family, subject: name };
}

/** True when a word that holds a cue but names something else (人均GDP, 投资环境) follows `at`,
 * after 的 or not: the figure before it (6.8万元的人均GDP) is that thing's, no indicator's. */
export function notCueAfter(text: string, at: number, stop: number): boolean {
  const i = text[at] === ATTRIBUTIVE ? at + 1 : at;
  return CUES.matchAt(text, i, stop)?.value.type === "none";
}

/** True when `cue` is a bare cue (增加值) whose sentence names a sector before it, and no 工业
 * after that (第二产业增速最快，增加值为2810.6亿元): the sector's figure, not an indicator's. */
export function sectorsCue(text: string, from: number, cue: { start: number; end: number }) {
  if (!BARE_CUES.includes(text.slice(cue.start, cue.end))) return false;
  const before = text.slice(from, cue.start);
  let sector = -1;
  for (const w of SECTORS) sector = Math.max(sector, before.lastIndexOf(w));
  return sector >= 0 && sector > before.lastIndexOf(INDUSTRY);
}

/** The places listed in the clause right before the figure's (新疆、湖北并列第二，均增长6.1%; 吉林、黑龙江
 * 增速相同，均为4.6%) when the figure's own words, before it, are filler and a marker of sharing (均,
 * 都) and nothing else up to `at` (the growth word, or the figure), and that clause,
 * ending in a comma, holds no number: a run of two or more places of the table joined by list marks,
 * none of them a partner or compared. [] otherwise. */
export function sharedByClauseBefore(state: BindState, tc: TokenContext, at: number): string[] {
  const { ctx, sentence } = state;
  const { text } = ctx;
  const { cs } = tc;
  if (cs <= sentence.start || !CLAUSE_COMMAS.includes(text[cs - 1]!)) return [];
  if (within(ctx.places, cs, at).length) return [];
  // The figure's own words: filler and a marker of sharing, nothing else (均增长, 都增长了, 均为).
  let shared = false;
  for (let i = cs; i < at;) {
    const marker = SHARED_MARKERS.find((w) => text.startsWith(w, i));
    const m = marker ? undefined : FILLERS.matchAt(text, i, at);
    if (marker && !NOT_SHARED.some((w) => text.startsWith(w, i))) {
      shared = true;
      i += marker.length;
    } else if (m) i = m.end;
    else if (PUNCT.test(text[i]!)) i++;
    else return [];
  }
  if (!shared) return [];
  const from = clauseStart(text, cs - 1, Math.max(sentence.start, cs - 1 - CLAUSE_WINDOW));
  if (state.tokens.some((t) => t.start >= from && t.start < cs)) return [];
  const keys: string[] = [];
  let end = -1;
  for (const m of within(ctx.places, from, cs - 1)) {
    if (m.place.type !== "region" || m.partner || m.compared || m.aside) return [];
    if (keys.length && !LIST_CONNECTORS.has(text.slice(end, m.start))) return [];
    if (!keys.includes(m.place.key)) keys.push(m.place.key);
    end = m.end;
  }
  return keys;
}
const CLAUSE_COMMAS: readonly string[] = ["，", ","];

const CAUSES = Object.entries(contextLexicon.causes as Record<string, readonly string[]>);
const CAUSE_LIMIT: number = contextLexicon.causeLimit;
/** A word that may end a cause before its verb (因基数较高而下降). */
const CAUSE_LINK = "而";

/** Where the words that say where a figure is end, when a cause stands between the last place of
 * text[from, to) and `to` (a growth word): 台山受核电机组检修影响下降2.3%, 开平因上年同期基数较高下降
 * 6.7% → the place's end, so that the cause reads as filler; `to` itself otherwise. */
export function causeStart(ctx: DocContext, from: number, to: number): number {
  const { text } = ctx;
  const places = within(ctx.places, from, to);
  const last = places[places.length - 1];
  if (!last || last.place.type !== "region" || to - last.end > CAUSE_LIMIT) return to;
  let words = text.slice(last.end, to);
  if (words.endsWith(CAUSE_LINK)) words = words.slice(0, -CAUSE_LINK.length);
  for (let i = 0; i < words.length; i++) if (PUNCT.test(words[i]!)) return to;
  for (const [open, closers] of CAUSES) {
    if (!words.startsWith(open) || words.length <= open.length) continue;
    if (
      !closers.length ||
      closers.some((c) => words.endsWith(c) && words.length > open.length + c.length)
    )
      return last.end;
  }
  return to;
}

/** The place of the clause right before the figure's when that clause is nothing but the place
 * and a cause said after it (台山受核电机组检修影响，下降2.3%; 恩平因订单减少，下降1.8%) and the figure's
 * own words, up to `at` (its growth word), are filler: the place the cause was said of. */
export function placeOfCauseBefore(
  state: BindState,
  tc: TokenContext,
  at: number,
): string | undefined {
  const { ctx, sentence } = state;
  const { text } = ctx;
  const { cs } = tc;
  if (cs <= sentence.start || !CLAUSE_COMMAS.includes(text[cs - 1]!)) return undefined;
  if (!onlyFiller(text, cs, at)) return undefined;
  const from = clauseStart(text, cs - 1, Math.max(sentence.start, cs - 1 - CLAUSE_WINDOW));
  if (state.tokens.some((t) => t.start >= from && t.start < cs)) return undefined;
  const placed = causeStart(ctx, from, cs - 1);
  if (placed === cs - 1) return undefined;
  const places = within(ctx.places, from, placed);
  const last = places[places.length - 1];
  if (places.length !== 1 || last!.place.type !== "region" || last!.partner || last!.compared)
    return undefined;
  return onlyFiller(text, from, last!.start) ? last!.place.key : undefined;
}

const RANKING_HEADS = contextLexicon.rankingHeads;
const alternatives = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
/** A ranking head (增速排名前三的是, 前三位依次为), matched whole against a clause's words before its
 * first place: built once at load. */
const RANKING_HEAD = new RegExp(
  `^(?:${alternatives(RANKING_HEADS.leads)})?(?:${alternatives(RANKING_HEADS.ranks)})` +
    `[一二三四五六七八九十两\\d]{1,3}(?:${alternatives(RANKING_HEADS.tails)})?` +
    `(?:${alternatives(RANKING_HEADS.groups)})?(?:${alternatives(RANKING_HEADS.ends)})[：:]?$`,
);
/** Longest ranking head, in characters. */
const RANKING_HEAD_LIMIT = 16;

/** Where the first place of a clause opening at `from` starts when the words before it are a
 * ranking head (增速排名前三的是鹤山（12.6%）、江海（10.3%）…; 前三位依次为…): the places after it each
 * have their figure in brackets, and the head is no more than filler. Else `from`. */
export function afterRankingHead(ctx: DocContext, from: number, at: number): number {
  const first = within(ctx.places, from, at)[0];
  if (!first || first.start - from > RANKING_HEAD_LIMIT || first.start === from) return from;
  if (ctx.text[first.end] !== "（" && ctx.text[first.end] !== "(") return from;
  return RANKING_HEAD.test(ctx.text.slice(from, first.start)) ? first.start : from;
}

/** The place of the table written right before the bracket that opens at `at - 1`, after `from`
 * (…、江海（10.3%）): the figure's own place in a list whose items each name theirs. */
export function placeOpeningBracket(ctx: DocContext, from: number, at: number): string | undefined {
  if (ctx.text[at - 1] !== "（" && ctx.text[at - 1] !== "(") return undefined;
  const places = within(ctx.places, from, at - 1);
  const last = places[places.length - 1];
  if (!last || last.end !== at - 1 || last.place.type !== "region") return undefined;
  return last.partner || last.compared || last.aside ? undefined : last.place.key;
}

const RANK_AFTER_PLACE: readonly string[] = contextLexicon.rankAfterPlace;
const ORDINAL_RANKS: readonly string[] = contextLexicon.ordinalRanks;
const COMPARED_WORDS: readonly string[] = [...contextLexicon.comparedWords].sort(
  (a, b) => b.length - a.length,
);
const ORDINAL = /^[一二三四五六七八九十\d]+位?$/;

/** The place of the table whose figure stands in brackets right before `at` (蓬江区次之（790亿元）,
 * 台山紧随其后（4.8%）, 仅次于新会区（812亿元）, 鹤山位居第二（6.0%）): the place, perhaps after a compared
 * word, then nothing or a word of rank, then the bracket; the words before it in the figure's
 * clause are filler. Undefined otherwise. */
export function placeBeforeBracket(ctx: DocContext, from: number, at: number): string | undefined {
  const { text } = ctx;
  if (text[at - 1] !== "（" && text[at - 1] !== "(") return undefined;
  const places = within(ctx.places, from, at - 1);
  const last = places[places.length - 1];
  if (!last || last.place.type !== "region" || last.partner || last.aside) return undefined;
  const between = text.slice(last.end, at - 1);
  const ranked =
    between === "" ||
    RANK_AFTER_PLACE.includes(between) ||
    ORDINAL_RANKS.some((w) => between.startsWith(w) && ORDINAL.test(between.slice(w.length)));
  if (!ranked || (between === "" && !last.compared)) return undefined;
  let before = last.start;
  // 仅次于蓬江区棠下镇（540.2亿元）: the compared place may be written after the one it lies in.
  for (let i = places.length - 2; i >= 0; i--) {
    const p = places[i]!;
    if (p.end !== before || !p.compared || p.place.type !== "region") break;
    before = p.start;
  }
  const compared = COMPARED_WORDS.find((w) => text.startsWith(w, before - w.length));
  if (compared) before -= compared.length;
  if (before > from && text[before - 1] === "仅") before--;
  return onlyFiller(text, from, before) ? last.place.key : undefined;
}
