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
  type Family,
} from "./indicators.ts";

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
  return onlyFiller(ctx.text, at, to);
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
  return onlyFiller(ctx.text, at, to);
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
  let found: { start: number; end: number; sign: 1 | -1 } | undefined;
  for (const m of CUES.scan(text, Math.max(from, at - 12), at)) {
    if (m.value.type === "growth") found = { start: m.start, end: m.end, sign: m.value.sign };
    else found = undefined;
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

/** A money amount that is part of a class of projects or firms (10亿元以上项目, 超百亿元项目). */
function isThreshold(text: string, token: NumberToken, clauseStop: number): boolean {
  const window = text.slice(token.numEnd, Math.min(clauseStop, token.numEnd + 12));
  const m = /^(?:及)?(以上|以下)?/.exec(window)!;
  let rest = window.slice(m[0].length);
  if (m[1] && rest.startsWith("的")) rest = rest.slice(1);
  else if (rest.startsWith("的")) return false;
  for (let i = 0; i <= Math.min(6, rest.length); i++) {
    if (PUNCT.test(rest[i] ?? "") || rest[i] === "的") return false;
    if (THRESHOLD_NOUNS.some((n) => rest.startsWith(n, i))) return true;
  }
  return false;
}

/** The noun right after a count (24个重大项目): its end, or -1. */
function nounAfter(text: string, from: number, stop: number, nouns: readonly string[]): number {
  const end = Math.min(stop, from + COUNT_NOUN_WINDOW);
  if (text[from] === "、") return -1; // 145家、… : the count has ended
  for (let i = from; i < end; i++) {
    const ch = text[i]!;
    if (isDigitCode(text.charCodeAt(i)) || (PUNCT.test(ch) && !"、“”".includes(ch))) return -1;
    for (const n of nouns) if (text.startsWith(n, i)) return i + n.length;
  }
  return -1;
}

/** True when the text before a count ends with the noun it counts (产业项目共51个, 企业1681家). */
function nounBefore(text: string, from: number, at: number, nouns: readonly string[]): boolean {
  let e = at;
  for (let guard = 0; guard < 4 && e > from; guard++) {
    const f = FILLERS.matchEndingAt(text, e, from);
    if (f) e = f.start;
    else if ('”’"'.includes(text[e - 1]!)) e--;
    else break;
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

/** Binds the numbers of one sentence to indicators. */
export function bindSentence(ctx: DocContext, sentence: Sentence, tokens: NumberToken[]): Draft[] {
  const { text } = ctx;
  const drafts: Draft[] = [];
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

  for (const token of tokens) {
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
      if (token.unit === "percent")
        draft.value = Math.abs(token.value) * (prev.growthSign === -1 ? -1 : 1);
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
      if (isThreshold(text, token, ce)) continue;
      const cue = valueCueBefore(text, scope, token.start, text[token.end] === "的");
      let family = cue?.family;
      let subject = "";
      if (cue && continuesIndicator(text, cue, lastDraft)) {
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
      } else if (
        token.classifier !== "" &&
        lastValue &&
        lastValue.unit === "CNY" &&
        (onlyFiller(text, scope, token.start) || onlyFillerOrPlaces(ctx, scope, token.start))
      ) {
        // 达503.23亿元 after 首次突破500亿元; 其中蓬江区完成80亿元 after the city's total.
        family = lastValue.family;
        subject = lastValue.subject;
      }
      if (family && family.unit === "CNY") {
        draft = base(family, family.value, "CNY", token.value, subject);
        if (text.slice(scope, token.start).includes("分别")) items = listItems(subject);
        if (items.length > 1) draft.subject = items[0]!;
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
      }
    } else if (token.unit === "count") {
      if (PROJECT_CLASSIFIERS.has(token.classifier)) {
        const before =
          endsPhrase(text, token.end, ce) && nounBefore(text, scope, token.start, PROJECT_NOUNS);
        const after = before ? -1 : nounAfter(text, token.end, ce, PROJECT_NOUNS);
        if (after >= 0 || before) {
          const f = FAMILIES.get("project_count")!;
          const subject =
            after >= 0 ? text.slice(token.end, after) : subjectBefore(ctx, scope, token.start);
          draft = base(f, f.value, "count", token.value, subject);
        }
      } else if (ENTERPRISE_CLASSIFIERS.has(token.classifier)) {
        const before =
          endsPhrase(text, token.end, ce) && nounBefore(text, scope, token.start, ENTERPRISE_NOUNS);
        const after = before ? -1 : nounAfter(text, token.end, ce, ENTERPRISE_NOUNS);
        const event =
          hasEventWord(EVENT_BEFORE, text, cs, token.start) ||
          hasEventWord(EVENT_AFTER, text, after >= 0 ? after : token.end, ce);
        if ((after >= 0 || before) && !event) {
          const f = FAMILIES.get("enterprise_count")!;
          const subject =
            after >= 0 ? text.slice(token.end, after) : subjectBefore(ctx, scope, token.start);
          draft = base(f, f.value, "count", token.value, subject);
        }
      }
      // 全市引进项目50个，其中蓬江区12个: a bare count after a count of the same kind, broken down
      // by place.
      if (
        !draft &&
        lastValue?.unit === "count" &&
        lastValue.token.classifier === token.classifier &&
        endsPhrase(text, token.end, ce) &&
        onlyFillerOrPlaces(ctx, scope, token.start)
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
      continue;
    }
    if (draft.region === undefined) {
      const r = resolveRegion(ctx, window, cs, ce, token.start, token.end);
      if (r === "outside") draft.dropped = true;
      else draft.region = r;
    }
    if (draft.period === undefined) {
      const reach = capacity ? "clause" : draft.family.stock ? "sentence" : "paragraph";
      draft.period = resolvePeriod(ctx, window, cs, ce, token.start, token.end, reach);
    }
    drafts.push(draft);
    if (draft.unit !== "percent") lastValue = draft;
    lastDraft = draft;
    // 蓬江区、江海区分别引进项目10个、8个: the places of a 分别 list pair with its figures.
    let regions: string[] = [];
    if (text.slice(cs, token.start).includes("分别")) {
      regions = within(ctx.places, cs, token.start).flatMap((m) =>
        m.place.type === "region" ? [m.place.key] : [],
      );
      if (new Set(regions).size < 2) regions = [];
      else if (!draft.dropped) draft.region = regions[0];
    }
    const pairs = inheritedList ? valueList : [];
    if (draft.unit !== "percent") valueList = [draft];
    prev = { token, draft, items, index: 0, growthSign, regions, pairs };
  }
  return drafts;
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
