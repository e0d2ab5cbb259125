// What kind of figure a number is: actual, estimate or target from the markers before it, and
// whether it is a milestone (a threshold crossed) rather than a figure reached.

import type { Kind } from "../types.ts";
import type { NumberToken } from "../numbers.ts";
import { TermMatcher } from "../termMatcher.ts";
import { kindLexicon, periodLexicon, qualifierLexicon } from "../lexicon.ts";
import { KIND_AUXILIARIES, KIND_MARKERS, KIND_OBJECT_MARKERS } from "../indicators.ts";
import { NUMERAL_START, PERFECTIVE, PROJECT_NAME_NOUN } from "./lexicon.ts";
import { hasDigit, itemStart, type Span } from "./text.ts";
import { clauseEnd } from "../segment.ts";
import { isDeadline } from "../periods.ts";

const MILESTONES = new TermMatcher(qualifierLexicon.milestones.map((w) => [w, true] as const));

/** True when the figure is a threshold crossed (突破4万亿, 破两亿元, 迈上了千亿台阶). */
export function isMilestone(text: string, token: NumberToken): boolean {
  if (token.unit !== "CNY") return false;
  let at = token.numStart;
  if (text[at - 1] === PERFECTIVE) at--;
  return !!MILESTONES.matchEndingAt(text, at, Math.max(0, token.start - 3));
}

const SUCCESSIVE: readonly string[] = qualifierLexicon.successive;

/** True when the milestone word of the figure is said of several thresholds crossed one after
 * another (先后跨过2.5万亿元、3万亿元两道关口; 相继突破, 接连迈上): none of them is a level of the
 * period around it. Call only for a milestone. */
export function isSuccessive(text: string, token: NumberToken): boolean {
  let at = token.numStart;
  if (text[at - 1] === PERFECTIVE) at--;
  const word = MILESTONES.matchEndingAt(text, at, Math.max(0, token.start - 3));
  return !!word && SUCCESSIVE.some((w) => text.startsWith(w, word.start - w.length));
}

/** Kind from the markers in the sentence before the number: the nearest marker wins, except that
 * a future auxiliary (将) keeps an estimate marked earlier in the same clause (预计全年将突破) or in a
 * clause of its own with no figure between (他预计，全年…将达到), and a
 * word of a result reached (已完成) in the number's clause makes it actual only against a marker of
 * an earlier clause (年度计划投资215亿元，已完成投资…; 力争累计完成… stays a target). A capacity
 * marker (达产后) anywhere in the number's clause makes it a capacity estimate. An
 * estimate of one project (甲项目…预计年产值150亿元；) is spent at the ； that ends its item when the
 * number's item (`item`) is about another project (总投资32亿元的乙项目，…): it is no estimate of
 * 乙's investment. A marker alone in its clause (据预计，…；…), an estimate over indicators (预计全年
 * GDP增长5%；规上工业增加值增长6%) and a plan (方案提出…；全省淘汰…) reach every item. */
export function kindBefore(
  text: string,
  from: number,
  clause: number,
  at: number,
  item?: Span,
): { kind: Kind; capacity: boolean } {
  let kind: Kind = "actual";
  let capacity = false;
  let estimateAt = -1;
  let markerAt = -1;
  for (const m of KIND_MARKERS.scan(text, from, at)) {
    if (m.value.kind === "neutral") continue;
    if (m.value.kind === "result") {
      if (m.start >= clause && markerAt < clause) kind = "actual";
      continue;
    }
    if (m.value.kind === "estimate" && item && m.end <= item.start && spent(text, from, m, item))
      continue;
    if (KIND_OBJECT_MARKERS.has(m.term) && NUMERAL_START.test(text[m.end] ?? "")) continue;
    // An estimate marker that ends its clause with no figure (他预计，…将达到) governs the clause
    // after it as its object: the 将 there is the same future tense.
    if (
      KIND_AUXILIARIES.has(m.term) &&
      kind === "estimate" &&
      (estimateAt >= clause || !hasDigit(text, estimateAt, m.start))
    )
      continue;
    kind = m.value.kind;
    markerAt = m.start;
    if (kind === "estimate") estimateAt = m.start;
    if (m.value.capacity && m.start >= clause) capacity = true;
  }
  return { kind: capacity ? "estimate" : kind, capacity };
}

const GOALS_AFTER: readonly string[] = kindLexicon.goalsAfter;
/** Words opening a goal's higher tier after its first rate (确保增长5%、力争增长5.5%). */
export const GOAL_TIERS: readonly string[] = kindLexicon.goalTiers;

/** True when the words right after the number make it the object of a goal (完成全年增长5%左右的
 * 目标, 实现6%的预期目标): what it names is planned, not reached. */
export function isGoal(text: string, token: NumberToken): boolean {
  return GOALS_AFTER.some((w) => text.startsWith(w, token.end));
}

/** True when the estimate marker `m` is its own project's: a figure stands in its clause, and its
 * item and the number's `item` each name a project. */
function spent(text: string, from: number, m: { start: number; end: number }, item: Span): boolean {
  if (!hasDigit(text, m.end, clauseEnd(text, m.end, item.start))) return false;
  const own = itemStart(text, from, m.start);
  return (
    text.slice(own, item.start).includes(PROJECT_NAME_NOUN) &&
    text.slice(item.start, item.end).includes(PROJECT_NAME_NOUN)
  );
}

const DEADLINES = kindLexicon.deadlines;
const RELATIVE_YEARS: Readonly<Record<string, number>> = periodLexicon.relativeYears;

/** The year a figure is due by, when its sentence before it says 到/至 a year's end (到今年底,
 * 至2025年末, 到年底): `pub` is the publication year, which 今年 and a bare 年底 name. Undefined
 * when no deadline is said, or when 截至 counts up to a date instead. */
export function deadlineYear(
  text: string,
  from: number,
  at: number,
  pub: number,
): number | undefined {
  let found: number | undefined;
  for (let i = from; i < at; i++) {
    const word = DEADLINES.before.find((w) => text.startsWith(w, i));
    if (!word || !isDeadline(text, i + word.length)) continue;
    let j = i + word.length;
    let year = pub;
    const digits = /^\d{4}/.exec(text.slice(j, j + 4));
    const relative = DEADLINES.years.find((w) => text.startsWith(w, j));
    if (digits) {
      year = Number(digits[0]);
      j += 4;
    } else if (relative) {
      year = pub + (RELATIVE_YEARS[relative] ?? 0);
      j += relative.length;
    }
    // 2025年底 and 今年底 both end in 底 after the year; a bare 年底 needs its 年.
    const end = DEADLINES.ends.find((w) => text.startsWith(w, j));
    if (!end || (j === i + word.length && !end.startsWith("年"))) continue;
    if (digits && !end.startsWith("年")) continue;
    found = year;
  }
  return found;
}
