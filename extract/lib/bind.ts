// Binding: each number of a sentence to an indicator through the cue lexicon, with its kind,
// qualifier, subject, region and period. Growth figures bind to the value they follow, 分别 lists
// give one figure per item, thresholds (10亿元以上项目) and counts of firms at an event give none.

import type { Indicator, Kind, Qualifier, Unit } from "./types.ts";
import type { Sentence } from "./segment.ts";
import { clauseEnd, clauseStart } from "./segment.ts";
import type { NumberToken } from "./numbers.ts";
import {
  CLAUSE_WINDOW,
  SENTENCE_WINDOW,
  mentionEndBefore,
  within,
  type DocContext,
} from "./context.ts";
import { resolvePeriod, resolveRegion } from "./resolve.ts";
import { TermMatcher } from "./termMatcher.ts";
import qualifierLexicon from "../lexicon/qualifiers.json" with { type: "json" };
import type { PlaceMention } from "./regions.ts";
import {
  COUNT_NOUN_WINDOW,
  CUES,
  ENTERPRISE_CLASSIFIERS,
  ENTERPRISE_NOUNS,
  EVENT_AFTER,
  EVENT_BEFORE,
  FAMILIES,
  FILLERS,
  KIND_MARKERS,
  CARRY_CUES,
  KIND_AUXILIARIES,
  KIND_OBJECT_MARKERS,
  LEVEL_MARKERS,
  LIST_CONNECTORS,
  PROJECT_CLASSIFIERS,
  PROJECT_NOUNS,
  THRESHOLD_NOUNS,
  BREAKDOWN_FAMILIES,
  BREAKDOWN_MARKERS,
  SHARED_MARKERS,
  type Family,
} from "./indicators.ts";

const MILESTONES = new TermMatcher(qualifierLexicon.milestones.map((w) => [w, true] as const));

/** True when the figure is a threshold crossed (突破4万亿, 破两亿元, 迈上了千亿台阶). */
function isMilestone(text: string, token: NumberToken): boolean {
  if (token.unit !== "CNY") return false;
  let at = token.numStart;
  if (text[at - 1] === "了") at--;
  return !!MILESTONES.matchEndingAt(text, at, Math.max(0, token.start - 3));
}

/** An amount bounded by 以上/以下 (1000万美元以上), which qualifies a noun rather than counting. */
const BOUND_AMOUNT = /^[\d.]+[万亿千百]*(?:美元|元)(?:以上|以下)/;
/** Longest bracketed aside between a noun and its count (（产品）), in characters. */
const ASIDE_LIMIT = 8;
/** Longest name of a part in a breakdown (高技术制造业, 计算机通信和其他电子设备制造业). */
const BREAKDOWN_NAME_LIMIT = 16;
/** How far back an open cue (总产值突破万亿，达…) may stand from its amount, in characters. */
const OPEN_CUE_WINDOW = 40;

/** What the binding step decides for one number before it becomes a fact. */
export interface Draft {
  token: NumberToken;
  family: Family;
  indicator: Indicator;
  unit: Unit;
  value: number;
  qualifier: Qualifier;
  kind: Kind;
  /** Capacity estimates (达产后) take a period only from their own clause. */
  capacity: boolean;
  subject: string;
  region: string | undefined;
  period: string | undefined;
  /** The region or period was resolved to "no fact" (an outside place). */
  dropped: boolean;
}

const PUNCT = /[，,。；;：:！？!?、“”‘’"'《》（）()【】\s—…·]/;
const CLOSERS = "）)”’」》";
const NUMERAL_START = /[\d一二两三四五六七八九十百千几数]/;
const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** True when text[from, to) holds only filler words, punctuation and spaces. */
function onlyFiller(text: string, from: number, to: number): boolean {
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

/** True when text[from, to) holds only filler words, punctuation and place names. */
function onlyFillerOrPlaces(ctx: DocContext, from: number, to: number): boolean {
  const places = within(ctx.places, from, to);
  if (!places.length) return false;
  let at = from;
  for (const p of places) {
    if (!onlyFiller(ctx.text, at, p.start)) return false;
    at = p.end;
  }
  return onlyFiller(ctx.text, ctx.text[at] === "的" ? at + 1 : at, to);
}

/** The regions named in text[from, to) as places, in order, once each: a partner (与广州相同) is
 * not one, unless it only follows another place in a list (武汉、杭州和成都). */
function regionKeys(ctx: DocContext, from: number, to: number): string[] {
  const keys: string[] = [];
  let last: PlaceMention | undefined;
  for (const m of within(ctx.places, from, to)) {
    const listed = !m.partner || (!!last && LIST_CONNECTORS.has(ctx.text.slice(last.end, m.start)));
    if (m.place.type === "region" && listed && !keys.includes(m.place.key)) keys.push(m.place.key);
    last = m;
  }
  return keys;
}

/** The last enumeration of two or more places in text[from, to) (宁波、青岛、无锡), joined only by
 * list marks: the places a 分别 list pairs with its figures. */
function placeRun(ctx: DocContext, from: number, to: number): string[] {
  const mentions = within(ctx.places, from, to).filter((m) => m.place.type === "region");
  let run: typeof mentions = [];
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (run.length && LIST_CONNECTORS.has(ctx.text.slice(m.end, run[0]!.start))) {
      run.unshift(m);
    } else if (run.length >= 2) break;
    else run = [m];
  }
  return run.length >= 2 ? run.map((m) => (m.place as { type: "region"; key: string }).key) : [];
}

/** True when text[from, to) holds only filler words, punctuation and the base of a comparison
 * (比2022年增长: the period after 比 names no period of the figure). */
function onlyFillerOrComparisons(ctx: DocContext, from: number, to: number): boolean {
  const periods = within(ctx.periods, from, to);
  if (!periods.length || periods.some((p) => p.label !== "")) return false;
  let at = from;
  for (const p of periods) {
    if (!onlyFiller(ctx.text, at, p.start)) return false;
    at = p.end;
  }
  return onlyFiller(ctx.text, ctx.text[at] === "的" ? at + 1 : at, to);
}

/** text[from, to) without leading and trailing filler words and punctuation. */
function trimFiller(text: string, from: number, to: number): string {
  let a = from;
  let b = to;
  for (let changed = true; changed && a < b;) {
    changed = false;
    const m = FILLERS.matchAt(text, a, b);
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
    const m = FILLERS.matchEndingAt(text, b, a);
    if (m) {
      b = m.start;
      changed = true;
    } else if (PUNCT.test(text[b - 1]!) && text[b - 1] !== "”") {
      b--;
      changed = true;
    }
  }
  return text.slice(a, b);
}

/** Nearest value cue ending before `at` in [from, at), and within its gap. `named`: the amount
 * is followed by 的 and a name, which some cues need. */
function valueCueBefore(text: string, from: number, at: number, named = false) {
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
  const gap = at - found.end;
  if (gap > found.maxGap) return undefined;
  // Closing brackets and quotes may sit between: 地区生产总值（GDP）3791.94亿元.
  for (let i = found.end; i < at; i++) {
    const ch = text[i]!;
    if (isDigitCode(text.charCodeAt(i)) || (PUNCT.test(ch) && !CLOSERS.includes(ch)))
      return undefined;
  }
  return found;
}

/** True when `cue` is a carry cue (完成投资) that continues the money indicator of `before`, a
 * figure earlier in the sentence, because no project is named between them. */
function continuesIndicator(
  text: string,
  cue: { start: number; end: number; family: Family },
  before: Draft | undefined,
): boolean {
  if (!before || before.family.unit !== "CNY" || before.family === cue.family) return false;
  if (!CARRY_CUES.has(text.slice(cue.start, cue.end))) return false;
  const between = text.slice(before.token.end, cue.start);
  return !PROJECT_NOUNS.some((noun) => between.includes(noun));
}

/** The growth cue that ends right before `at` (a few characters such as 了/达/为 may sit between). */
function growthCueBefore(text: string, from: number, at: number) {
  let found: { start: number; end: number; sign: 1 | -1; family?: Family } | undefined;
  for (const m of CUES.scan(text, Math.max(from, at - 12), at)) {
    if (m.value.type === "growth") {
      found = { start: m.start, end: m.end, sign: m.value.sign };
      if (m.value.family) found.family = m.value.family;
    } else found = undefined;
  }
  // 增长了/达/为 (short), or filler such as 目标为 (增长目标为6%).
  if (!found || at - found.end > 5 || (at - found.end > 2 && !onlyFiller(text, found.end, at))) {
    return undefined;
  }
  for (let i = found.end; i < at; i++) {
    if (PUNCT.test(text[i]!) || isDigitCode(text.charCodeAt(i))) return undefined;
    // 回落至3%: the level the rate fell to, not a fall.
    if (LEVEL_MARKERS.includes(text[i]!)) found.sign = 1;
  }
  return found;
}

/** The indicator named right after a figure (3151.08亿元的经济总量, 以2805.2亿元GDP, 10.5%的经济
 *增速, 4000亿产值): a value cue, for a percent a growth cue after it, at most a 的 between. */
function cueAfter(text: string, at: number, stop: number, unit: "CNY" | "percent") {
  let i = at;
  if (text[i] === "的") i++;
  const m = CUES.matchAt(text, i, stop);
  if (!m) return undefined;
  if (unit === "CNY")
    return m.value.type === "value" && !m.value.nameOnly ? m.value.family : undefined;
  if (m.value.type === "growth") return m.value.family;
  if (m.value.type !== "value") return undefined;
  const g = CUES.matchAt(text, m.end, stop);
  return g && g.value.type === "growth" && g.value.sign === 1 ? m.value.family : undefined;
}

/** True when a growth or decline word stands right before an amount (增加了约1.36万亿元): the
 * amount is a difference between two figures, not a figure. A level marker (增长到, 回落至) states
 * the figure itself. */
function changeBefore(text: string, from: number, at: number): boolean {
  let found: { end: number } | undefined;
  for (const m of CUES.scan(text, Math.max(from, at - 10), at))
    found = m.value.type === "growth" && !m.value.family ? m : undefined;
  if (!found) return false;
  for (let i = found.end; i < at; i++) if (LEVEL_MARKERS.includes(text[i]!)) return false;
  return onlyFiller(text, found.end, at);
}

/** A money amount that is part of a class of projects or firms (10亿元以上项目, 超百亿元项目). */
function isThreshold(text: string, token: NumberToken, clauseStop: number): boolean {
  const window = text.slice(token.numEnd, Math.min(clauseStop, token.numEnd + 12));
  const m = /^(?:及)?(以上|以下)?/.exec(window)!;
  let rest = window.slice(m[0].length);
  // 超10亿元的内资项目 is a class as 10亿元以上的项目 is; 投资10亿元的项目 names one amount.
  // 总投资逾100亿元的24个重大项目 is the batch's total: a count before the noun names the batch.
  const qualified = token.qualifier === "more_than" || token.qualifier === "less_than";
  if ((m[1] || qualified) && rest.startsWith("的")) rest = rest.slice(1);
  else if (rest.startsWith("的")) return false;
  if (!m[1] && /^\d/.test(rest)) return false;
  for (let i = 0; i <= Math.min(6, rest.length); i++) {
    if (PUNCT.test(rest[i] ?? "") || rest[i] === "的") return false;
    if (THRESHOLD_NOUNS.some((n) => rest.startsWith(n, i))) return true;
  }
  return false;
}

/** The noun right after a count (24个重大项目): its end, or -1. */
function nounAfter(text: string, from: number, stop: number, nouns: readonly string[]): number {
  let end = Math.min(stop, from + COUNT_NOUN_WINDOW);
  if (text[from] === "、") return -1; // 145家、… : the count has ended
  for (let i = from; i < end; i++) {
    const ch = text[i]!;
    if (isDigitCode(text.charCodeAt(i))) {
      // 58个投资总额1000万美元以上新设外资项目: a threshold inside the noun phrase.
      const bound = BOUND_AMOUNT.exec(text.slice(i, end));
      if (!bound) return -1;
      end = Math.min(stop, end + bound[0].length);
      i += bound[0].length - 1;
      continue;
    }
    if (PUNCT.test(ch) && !"、“”".includes(ch)) return -1;
    for (const n of nouns) if (text.startsWith(n, i)) return i + n.length;
  }
  return -1;
}

/** The end of the list of counts that tokens[t] opens (65家和56家): the counts of one classifier
 * joined by list marks. */
function listEnd(text: string, tokens: readonly NumberToken[], t: number): number {
  let i = t;
  while (
    i + 1 < tokens.length &&
    tokens[i + 1]!.classifier === tokens[t]!.classifier &&
    LIST_CONNECTORS.has(text.slice(tokens[i]!.end, tokens[i + 1]!.start))
  )
    i++;
  return tokens[i]!.end;
}

/** The noun a count counts: right after it, or after the last count of the list it opens
 * (65家和56家科创板上市公司 counts 科创板上市公司 twice). */
function nounAfterList(
  text: string,
  tokens: readonly NumberToken[],
  t: number,
  stop: number,
  nouns: readonly string[],
): number {
  const end = listEnd(text, tokens, t);
  return nounAfter(text, end, end === tokens[t]!.end ? stop : Math.max(stop, end + 1), nouns);
}

/** True when the text before a count ends with the noun it counts (产业项目共51个, 企业1681家). */
function nounBefore(text: string, from: number, at: number, nouns: readonly string[]): boolean {
  let e = at;
  for (let guard = 0; guard < 4 && e > from; guard++) {
    const f = FILLERS.matchEndingAt(text, e, from);
    if (f) e = f.start;
    else if ('”’"'.includes(text[e - 1]!)) e--;
    else if (text[e - 1] === "）" || text[e - 1] === ")") {
      // 单项冠军企业（产品）18家: an aside in brackets.
      const open = Math.max(text.lastIndexOf("（", e), text.lastIndexOf("(", e));
      if (open < from || e - open > ASIDE_LIMIT) break;
      e = open;
    } else break;
  }
  return nouns.some((n) => e - n.length >= from && text.startsWith(n, e - n.length));
}

/** True when nothing but a list mark or the clause end follows a count: 项目11个, not 项目’六个要素. */
function endsPhrase(text: string, at: number, clauseStop: number): boolean {
  if (at >= clauseStop) return true;
  const ch = text[at]!;
  return PUNCT.test(ch) || LIST_CONNECTORS.has(ch);
}

function hasEventWord(
  matcher: typeof EVENT_AFTER,
  text: string,
  from: number,
  to: number,
): boolean {
  return matcher.scan(text, from, to).some((m) => m.value);
}

/** Kind from the markers in the sentence before the number: the nearest marker wins, except that
 * a future auxiliary (将) keeps an estimate marked earlier in the same clause (预计全年将突破). A
 * capacity marker (达产后) anywhere in the number's clause makes it a capacity estimate. */
function kindBefore(
  text: string,
  from: number,
  clause: number,
  at: number,
): { kind: Kind; capacity: boolean } {
  let kind: Kind = "actual";
  let capacity = false;
  let estimateAt = -1;
  for (const m of KIND_MARKERS.scan(text, from, at)) {
    if (m.value.kind === "neutral") continue;
    if (KIND_OBJECT_MARKERS.has(m.term) && NUMERAL_START.test(text[m.end] ?? "")) continue;
    if (KIND_AUXILIARIES.has(m.term) && kind === "estimate" && estimateAt >= clause) continue;
    kind = m.value.kind;
    if (kind === "estimate") estimateAt = m.start;
    if (m.value.capacity && m.start >= clause) capacity = true;
  }
  return { kind: capacity ? "estimate" : kind, capacity };
}

/** Split a list subject (“一带一路”沿线国家和RCEP贸易伙伴) into its items. */
function listItems(subject: string): string[] {
  return subject
    .replace(/^[对与同向]/, "")
    .split(/和|及|与|、|以及/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function newDraft(
  token: NumberToken,
  family: Family,
  indicator: Indicator,
  unit: Unit,
  value: number,
  subject: string,
  kind: Kind,
  capacity: boolean,
): Draft {
  const qualifier = token.qualifier;
  return {
    token,
    family,
    indicator,
    unit,
    value,
    qualifier,
    kind,
    capacity,
    subject,
    region: undefined,
    period: undefined,
    dropped: false,
  };
}

/** What one sentence hands the next in its paragraph: the region-wide growth figure a list of
 * industries below it breaks down (规上工业增加值增长11.9%。主要产业中，汽车产业增长14.0%…). */
export interface SentenceCarry {
  paragraph: number;
  head: Draft | undefined;
  /** The last region-wide rate of the sentence before (武汉经济增速达到18.8%。此外，苏州达到10.9%). */
  rate: Draft | undefined;
}

export function newCarry(): SentenceCarry {
  return { paragraph: -1, head: undefined, rate: undefined };
}

/** Binds the numbers of one sentence to indicators. */
export function bindSentence(
  ctx: DocContext,
  sentence: Sentence,
  tokens: NumberToken[],
  carry: SentenceCarry = newCarry(),
): Draft[] {
  const { text } = ctx;
  const drafts: Draft[] = [];
  if (carry.paragraph !== sentence.paragraph) {
    carry.head = undefined;
    carry.rate = undefined;
  }
  carry.paragraph = sentence.paragraph;
  const rateBefore = carry.rate;
  carry.rate = undefined;
  let lastValue: Draft | undefined;
  let lastDraft: Draft | undefined;
  // The drafts of the latest list of values (503.2亿元和420.1亿元), for a growth list to pair with.
  let valueList: Draft[] = [];
  let prevEnd = sentence.start;
  let prev:
    | {
        token: NumberToken;
        draft: Draft | undefined;
        items: string[];
        index: number;
        growthSign: 0 | 1 | -1;
        regions: string[];
        pairs: Draft[];
      }
    | undefined;

  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const near = Math.max(sentence.start, token.start - SENTENCE_WINDOW);
    const window: Sentence = { ...sentence, start: near };
    const cs = clauseStart(text, token.start, Math.max(near, token.start - CLAUSE_WINDOW));
    const ce = clauseEnd(text, token.end, Math.min(sentence.end, token.end + CLAUSE_WINDOW));
    const scope = Math.max(cs, prevEnd);
    const { kind, capacity } = kindBefore(text, near, cs, token.start);
    let draft: Draft | undefined;
    let items: string[] = [];
    let growthSign: 0 | 1 | -1 = 0;
    let inheritedList = false;
    // The places an elliptical figure stands for (苏州为10.9%; 成都、杭州也达到10%): each gets it.
    let ellipticalPlaces: string[] = [];
    const base = (
      family: Family,
      indicator: Indicator,
      unit: Unit,
      value: number,
      subject: string,
    ) => newDraft(token, family, indicator, unit, value, subject, kind, capacity);
    // A list continued after 分别 (增长7.4%和6.0%): same binding, next subject.
    const continued =
      prev &&
      prev.draft &&
      prev.token.unit === token.unit &&
      LIST_CONNECTORS.has(text.slice(prev.token.end, token.start));

    if (continued && prev && prev.draft) {
      const p = prev.draft;
      const index = prev.index + 1;
      // A growth list that follows a list of values pairs with it item by item.
      const pair = prev.pairs[index];
      const subject = prev.items[index] ?? pair?.subject ?? p.subject;
      draft = {
        ...base(p.family, p.indicator, p.unit, token.value, subject),
        region: prev.regions[index] ?? pair?.region ?? p.region,
        period: pair?.period ?? p.period,
        kind: p.kind,
      };
      if (token.unit === "percent") draft.value = token.value * (prev.growthSign === -1 ? -1 : 1);
      items = prev.items;
      growthSign = prev.growthSign;
      drafts.push(draft);
      if (draft.unit !== "percent") {
        lastValue = draft;
        valueList.push(draft);
      }
      prev = { token, draft, items, index, growthSign, regions: prev.regions, pairs: prev.pairs };
      prevEnd = token.end;
      continue;
    }

    if (token.unit === "CNY") {
      if (isThreshold(text, token, ce)) {
        prevEnd = token.end;
        continue;
      }
      const cue = changeBefore(text, scope, token.start)
        ? undefined
        : valueCueBefore(text, scope, token.start, text[token.end] === "的");
      let family = cue?.family;
      let subject = "";
      if (changeBefore(text, scope, token.start)) {
        // 增加了约1.36万亿元: a difference between two figures.
        family = undefined;
      } else if (cue && continuesIndicator(text, cue, lastDraft)) {
        // 固定资产投资年均增长9.5%，累计完成投资超7000亿元: the same investment, in total.
        family = lastDraft!.family;
        subject = lastDraft!.subject;
      } else if (cue) {
        subject = subjectBefore(ctx, scope, cue.start);
        const cut = subject.lastIndexOf("的");
        if (cut >= 0) subject = subject.slice(cut + 1);
        if (cue.family.name === "project_investment" || cue.family.name === "output_value") {
          // Prefer the project's full name when the words before the cue are not one.
          const name = projectNameBefore(ctx, near, cue.start);
          if (name && (!subject.endsWith("项目") || name.endsWith(subject))) subject = name;
        }
        const after = text.slice(token.end, Math.min(ce, token.end + 31));
        if (after.startsWith("的")) {
          const name = nameAfter(text, token.end + 1, Math.min(ce, token.end + 31));
          if (name) subject = name;
        }
      } else {
        family = cueAfter(text, token.end, ce, "CNY");
        if (
          !family &&
          token.classifier !== "" &&
          lastValue &&
          lastValue.unit === "CNY" &&
          (onlyFiller(text, scope, token.start) ||
            onlyFillerOrPlaces(ctx, scope, token.start) ||
            onlyFillerOrComparisons(ctx, scope, token.start))
        ) {
          // 达503.23亿元 after 首次突破500亿元; 其中蓬江区完成80亿元 after the city's total.
          family = lastValue.family;
          subject = lastValue.subject;
        } else if (!family && fillerOrPlacesOnly(ctx, scope, token.start)) {
          // 规上工业总产值突破万亿，达10051.6亿元: the cue of an earlier clause that no number took.
          const open = openCueBefore(text, tokens, t, near, scope);
          if (open) {
            family = open.family;
            subject = subjectBefore(ctx, Math.max(near, open.start - 30), open.start);
            const cut = subject.lastIndexOf("的");
            if (cut >= 0) subject = subject.slice(cut + 1);
          }
        }
      }
      if (family && family.unit === "CNY") {
        draft = base(family, family.value, "CNY", token.value, subject);
        if (text.slice(scope, token.start).includes("分别")) items = listItems(subject);
        if (items.length > 1) draft.subject = items[0]!;
        // 比2020年的73129亿元: the base of a comparison is that period's figure.
        const basePeriod = comparisonBase(ctx, cs, token.start);
        if (basePeriod) draft.period = basePeriod;
      }
    } else if (token.unit === "percent") {
      const growth = growthCueBefore(text, scope, token.start);
      if (growth) {
        const cue =
          valueCueBefore(text, scope, growth.start) ?? looseCueBefore(text, scope, growth.start);
        let family: Family | undefined;
        let subject = "";
        let inherited: Draft | undefined;
        if (cue) {
          family = cue.family;
          subject = subjectBefore(ctx, scope, cue.start);
        } else if (growth.family) {
          family = growth.family;
        } else if (
          lastValue &&
          (onlyFiller(text, scope, growth.start) ||
            onlyFillerOrComparisons(ctx, scope, growth.start))
        ) {
          family = lastValue.family;
          subject = lastValue.subject;
          inherited = lastValue;
        } else if (lastDraft && onlyFillerOrPlaces(ctx, scope, growth.start)) {
          // 其中蓬江区增长9.1%，江海区下降1.3%: the same indicator, broken down by place.
          family = lastDraft.family;
          ellipticalPlaces = regionKeys(ctx, scope, growth.start);
        } else {
          // 其中，汽车产业增长14.0%: an industry of the region-wide figure the list breaks down.
          const head = breakdownHead(ctx, carry.head ?? lastDraft, sentence, scope, growth.start);
          if (head) {
            family = head.family;
            subject = head.subject;
          }
        }
        if (family?.growth) {
          growthSign = growth.sign;
          draft = base(family, family.growth, "percent", token.value * growth.sign, subject);
          if (text.slice(scope, token.start).includes("分别")) items = listItems(subject);
          if (items.length > 1) draft.subject = items[0]!;
          if (inherited) {
            draft.region = inherited.region;
            draft.period = inherited.period;
            const first = valueList[0];
            if (first && valueList.length > 1 && items.length < 2) {
              inheritedList = true;
              draft.region = first.region;
              draft.period = first.period;
              draft.subject = first.subject;
            }
          }
        }
      } else {
        const after = cueAfter(text, token.end, ce, "percent");
        if (after?.growth) {
          // 10.5%的经济增速
          draft = base(after, after.growth, "percent", token.value, "");
        } else {
          // 武汉经济增速达到18.8%，苏州达到10.9%、北京为10.7%: the same rate, place by place.
          const rate = lastDraft ? lastDraft : rateBefore;
          if (
            rate?.unit === "percent" &&
            rate.subject === "" &&
            onlyFillerOrPlaces(ctx, scope, token.start)
          ) {
            draft = base(rate.family, rate.indicator, "percent", token.value, "");
            draft.period = rate.period;
            ellipticalPlaces = regionKeys(ctx, scope, token.start);
          }
        }
      }
    } else if (token.unit === "count") {
      if (PROJECT_CLASSIFIERS.has(token.classifier)) {
        const before =
          endsPhrase(text, token.end, ce) && nounBefore(text, scope, token.start, PROJECT_NOUNS);
        const after = before ? -1 : nounAfterList(text, tokens, t, ce, PROJECT_NOUNS);
        if (after >= 0 || before) {
          const f = FAMILIES.get("project_count")!;
          const subject =
            after >= 0
              ? text.slice(listEnd(text, tokens, t), after)
              : subjectBefore(ctx, scope, token.start);
          draft = base(f, f.value, "count", token.value, subject);
        }
      } else if (ENTERPRISE_CLASSIFIERS.has(token.classifier)) {
        const before =
          endsPhrase(text, token.end, ce) && nounBefore(text, scope, token.start, ENTERPRISE_NOUNS);
        const after = before ? -1 : nounAfterList(text, tokens, t, ce, ENTERPRISE_NOUNS);
        const event =
          hasEventWord(EVENT_BEFORE, text, cs, token.start) ||
          hasEventWord(EVENT_AFTER, text, after >= 0 ? after : token.end, ce);
        if ((after >= 0 || before) && !event) {
          const f = FAMILIES.get("enterprise_count")!;
          const subject =
            after >= 0
              ? text.slice(listEnd(text, tokens, t), after)
              : subjectBefore(ctx, scope, token.start);
          draft = base(f, f.value, "count", token.value, subject);
        }
      }
      // 全市引进项目50个，其中蓬江区12个: a bare count after a count of the same kind, broken down
      // by place; 新增单项冠军企业18家，累计达63家: or restated as a total.
      if (
        !draft &&
        lastValue?.unit === "count" &&
        lastValue.token.classifier === token.classifier &&
        endsPhrase(text, token.end, ce) &&
        (onlyFiller(text, scope, token.start) || onlyFillerOrPlaces(ctx, scope, token.start))
      ) {
        draft = base(
          lastValue.family,
          lastValue.indicator,
          "count",
          token.value,
          lastValue.subject,
        );
      }
    }

    prevEnd = token.end;
    if (!draft) {
      prev = undefined;
      // An amount that binds to nothing (一般公共预算收入7284.5亿元) stands between the figures
      // before it and the words after it: a growth rate after it is not theirs.
      if (token.unit === "CNY") {
        lastValue = undefined;
        lastDraft = undefined;
        valueList = [];
      }
      continue;
    }
    if (draft.region === undefined) {
      const r = resolveRegion(ctx, window, cs, ce, token.start, token.end);
      if (r === "outside") draft.dropped = true;
      else if (typeof r === "object") {
        // 粤苏鲁…GDP均增长了8%: each of the group; 总量相加超30万亿元: their sum, no region's.
        const shared = SHARED_MARKERS.some((w) => text.slice(cs, token.start).includes(w));
        if (shared) ellipticalPlaces = [...r.group];
        draft.region = shared ? r.group[0] : undefined;
        draft.dropped = !shared;
      } else draft.region = r;
    }
    if (draft.period === undefined) {
      const reach = capacity ? "clause" : draft.family.stock ? "sentence" : "paragraph";
      draft.period = resolvePeriod(ctx, window, cs, ce, token.start, token.end, reach);
    }
    // 有望突破4万亿: a milestone at large, that nothing around it dates, is no fact (it still
    // heads the figures that continue it: 首次突破500亿元，达503.23亿元).
    if (draft.period === undefined && isMilestone(text, token)) draft.dropped = true;
    drafts.push(draft);
    if (ellipticalPlaces.length > 1 && !draft.dropped) {
      draft.region = ellipticalPlaces[0];
      for (const key of ellipticalPlaces.slice(1)) drafts.push({ ...draft, region: key });
    }
    if (draft.unit !== "percent") lastValue = draft;
    lastDraft = draft;
    if (draft.unit === "percent" && draft.subject === "") {
      if (BREAKDOWN_FAMILIES.has(draft.family.name)) carry.head = draft;
      carry.rate = draft;
    } else carry.rate = undefined;
    // 蓬江区、江海区分别引进项目10个、8个: the places of a 分别 list pair with its figures.
    let regions: string[] = [];
    if (text.slice(cs, token.start).includes("分别")) {
      regions = placeRun(ctx, near, token.start);
      if (regions.length && !draft.dropped) draft.region = regions[0];
    }
    const pairs = inheritedList ? valueList : [];
    if (draft.unit !== "percent") valueList = [draft];
    prev = { token, draft, items, index: 0, growthSign, regions, pairs };
  }
  return drafts;
}

/** The value cue of an earlier clause of the sentence that no number followed (总产值突破万亿，
 * 达10051.6亿元; 从GDP总量来看，广东稳居第一，为124369.67亿元), for the amount at tokens[t]. */
function openCueBefore(
  text: string,
  tokens: readonly NumberToken[],
  t: number,
  from: number,
  at: number,
): { start: number; family: Family } | undefined {
  const floor = Math.max(from, at - OPEN_CUE_WINDOW, t > 0 ? tokens[t - 1]!.end : from);
  let found: { start: number; family: Family } | undefined;
  for (const m of CUES.scan(text, floor, at)) {
    if (m.value.type === "value" && !m.value.nameOnly)
      found = { start: m.start, family: m.value.family };
    else if (m.value.type !== "value") found = undefined;
  }
  return found;
}

/** The clause before an amount holds only filler, place names or nothing (，为124369.67亿元). */
function fillerOrPlacesOnly(ctx: DocContext, from: number, to: number): boolean {
  return onlyFiller(ctx.text, from, to) || onlyFillerOrPlaces(ctx, from, to);
}

/** The base period of a comparison (相比2020年…110760.94亿元, 比2020年的73129亿元) that the amount
 * at `at` states, when no growth word stands between them. */
function comparisonBase(ctx: DocContext, from: number, at: number): string | undefined {
  const periods = within(ctx.periods, from, at);
  const last = periods[periods.length - 1];
  if (!last?.base) return undefined;
  for (const m of CUES.scan(ctx.text, last.end, at))
    if (m.value.type === "growth") return undefined;
  return last.base;
}

/** The region-wide growth figure that a breakdown (其中，汽车产业增长14.0%) lists the parts of:
 * the head must be of a family whose parts the contract counts (增加值, investment), a breakdown
 * word must open the list, and the part's name must be a short name that no cue word is in. */
function breakdownHead(
  ctx: DocContext,
  head: Draft | undefined,
  sentence: Sentence,
  scope: number,
  at: number,
): { family: Family; subject: string } | undefined {
  if (!head || head.unit !== "percent" || !BREAKDOWN_FAMILIES.has(head.family.name)) return;
  const { text } = ctx;
  const lead = text.slice(sentence.start, at);
  if (!BREAKDOWN_MARKERS.some((w) => lead.includes(w))) return;
  const subject = trimFiller(text, scope, at).replace(/^的/, "");
  if (subject.length < 2 || subject.length > BREAKDOWN_NAME_LIMIT || /\d/.test(subject)) return;
  if (CUES.scan(subject).length || BREAKDOWN_MARKERS.some((w) => subject.includes(w))) return;
  if (within(ctx.places, scope, at).length) return;
  return { family: head.family, subject };
}

/** The name after 的 (投资2.1亿元的金隆电器、…): up to a list mark, a number or the next cue. */
function nameAfter(text: string, from: number, to: number): string | undefined {
  let end = from;
  while (end < to && !PUNCT.test(text[end]!) && !isDigitCode(text.charCodeAt(end))) {
    const cue = CUES.matchAt(text, end, to);
    if (cue && cue.value.type === "value") break;
    end++;
  }
  while (end > from && LIST_CONNECTORS.has(text[end - 1]!)) end--;
  // A name that is only a count (的24个项目) says nothing more than the count beside it.
  return end - from >= 2 && !isDigitCode(text.charCodeAt(end)) ? text.slice(from, end) : undefined;
}

/** The nearest named project before `at` in the sentence (信义集团鹤山玻璃产业基地项目): the words
 * before a 项目, back to punctuation, 的, or a period named. */
function projectNameBefore(ctx: DocContext, from: number, at: number): string | undefined {
  const { text } = ctx;
  for (let i = text.lastIndexOf("项目", at - 2); i >= from; i = text.lastIndexOf("项目", i - 1)) {
    // Place names are often part of a project's name; a period is not.
    let floor = from;
    for (const m of within(ctx.periods, from, i)) floor = Math.max(floor, m.end);
    let s = i;
    while (s > floor && !PUNCT.test(text[s - 1]!) && text[s - 1] !== "的") s--;
    const name = text.slice(s, i + 2).replace(/^[\d.]+[个家项]/, "");
    if (name.length >= 4) return name;
    if (i === 0) break;
  }
  return undefined;
}

/** A value cue anywhere in the clause before a growth cue (投资额增速, 进出口分别增长). */
function looseCueBefore(text: string, from: number, at: number) {
  let found: { start: number; end: number; family: Family } | undefined;
  for (const m of CUES.scan(text, from, at)) {
    if (m.value.type === "none") found = undefined;
    if (m.value.type !== "value") continue;
    found = m.value.nameOnly ? undefined : { start: m.start, end: m.end, family: m.value.family };
  }
  if (!found || !onlyFiller(text, found.end, at)) return undefined;
  return found;
}

/** What a figure is about: the words between the last place or period named and the cue. */
function subjectBefore(ctx: DocContext, from: number, to: number): string {
  let a = mentionEndBefore(ctx, from, to);
  // Another name of the same indicator (地区生产总值（GDP）) is not a subject.
  for (const m of CUES.scan(ctx.text, a, to)) if (m.value.type === "value") a = m.end;
  const s = trimFiller(ctx.text, a, to).replace(/^的/, "");
  return s.length > 30 ? s.slice(s.length - 30) : s;
}
