// Lists: a 分别 list (A和B分别增长7.4%和6.0%) gives one figure per item, paired with its subjects or
// its places (蓬江区、江海区分别引进项目10个、8个); a list continued after its first figure binds as
// that figure did; a growth list after a list of values pairs with the values item by item.

import { within, type DocContext } from "../context.ts";
import { CUES, LIST_CONNECTORS, cueSubject, type Family } from "../indicators.ts";
import type { Indicator } from "../types.ts";
import type { NumberToken } from "../numbers.ts";
import { newDraft, type BindState, type Draft, type TokenContext } from "./state.ts";
import { insideRegion, type PlaceMention } from "../regions.ts";
import {
  ENUMERATION_MARK,
  LIST_ITEM_SEPARATOR,
  LIST_PARTNER_PREFIX,
  RESPECTIVELY,
} from "./lexicon.ts";
import { placeOpeningBracket } from "./text.ts";

/** Split a list subject (“一带一路”沿线国家和RCEP贸易伙伴) into its items. */
export function listItems(subject: string): string[] {
  return subject
    .replace(LIST_PARTNER_PREFIX, "")
    .split(LIST_ITEM_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** An item of a list of places that is outside the table. */
const OUTSIDE = "outside";

/** The last enumeration of two or more places in text[from, to) (宁波、青岛、无锡), joined only by
 * list marks: the places a 分别 list pairs with its figures. */
function placeRun(ctx: DocContext, from: number, to: number): string[] {
  // Places inside an aside (台山（不含广海湾）) spell out a name; the aside itself stands between
  // an item and its list mark. A place outside the table (江门、佛山、珠海…分别增长) is an item
  // too, whose figure is no fact: without it the items and the figures would not pair.
  // 苏州昆山、无锡江阴: a region right before one of its parts says where the part is; the item is
  // the part, and starts where the whole is written.
  const all = within(ctx.places, from, to);
  const mentions = all
    .map((m, i) => {
      let start = m.start;
      for (let j = i - 1; j >= 0 && namesWhereNext(ctx, all[j]!, all[j + 1]); j--)
        start = all[j]!.start;
      return { ...m, start };
    })
    .filter(
      (m, i) =>
        (m.place.type === "region" || (m.place.type === "outside" && !m.partner)) &&
        !m.aside &&
        !namesWhereNext(ctx, all[i]!, all[i + 1]),
    );
  let run: typeof mentions = [];
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    const between = ctx.text.slice(
      asideEnd(ctx.text, m.end, run[0]?.start ?? m.end),
      run[0]?.start,
    );
    if (run.length && LIST_CONNECTORS.has(between)) {
      run.unshift(m);
    } else if (run.length >= 2) break;
    else run = [m];
  }
  if (run.length < 2 || run.every((m) => m.place.type === "outside")) return [];
  return run.map((m) => (m.place.type === "region" ? m.place.key : OUTSIDE));
}

/** True when `m` is a region written right before one of its parts (苏州昆山, 无锡江阴): it only says
 * where the part is, and is no item of a list. */
function namesWhereNext(ctx: DocContext, m: PlaceMention, next: PlaceMention | undefined): boolean {
  return (
    m.place.type === "region" &&
    next?.start === m.end &&
    next.place.type === "region" &&
    insideRegion(ctx.gaz, next.place.key, m.place.key)
  );
}

/** Where a bracketed aside that opens text[at, to) ends (（不含广海湾）), else `at`. A bracket
 * holding a figure (阳江（6.1%）) is no aside: it ends the place's item, and the list with it. */
function asideEnd(text: string, at: number, to: number): number {
  if (text[at] !== "（" && text[at] !== "(") return at;
  for (let i = at + 1; i < to; i++) {
    if (text[i] === "）" || text[i] === ")") return i + 1;
    if (isDigitChar(text, i)) return at;
  }
  return at;
}
const isDigitChar = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** True when text[from, to) says 分别: the figures after it are one per item. */
export function saysRespectively(text: string, from: number, to: number): boolean {
  const words = text.slice(from, to);
  return RESPECTIVELY.some((w) => words.includes(w));
}

/** A figure after 分别 opens a list of its subject's items (进出口分别增长): it takes the first. */
export function openItems(state: BindState, tc: TokenContext, draft: Draft): void {
  const { text } = state.ctx;
  if (saysRespectively(text, tc.scope, tc.token.start))
    tc.items = fittingItems(draft.subject, listLength(state, tc.t));
  if (tc.items.length > 1) draft.subject = tc.items[0]!;
}

/** The items of a list subject, as many as the figures when that tells: 电气机械及器材制造业、
 * 汽车制造业 with two figures is two items split at the enumeration mark alone, since 及 and 和
 * also join the words of one name. */
function fittingItems(subject: string, figures: number): string[] {
  const all = listItems(subject);
  if (all.length === figures || figures < 2) return all;
  const byMark = subject
    .replace(LIST_PARTNER_PREFIX, "")
    .split(ENUMERATION_MARK)
    .map((x) => x.trim())
    .filter(Boolean);
  if (byMark.length === figures) return byMark;
  // A及B、C和D: marks between the items, and 和 before the last.
  const last = listItems(byMark[byMark.length - 1] ?? "");
  const lastJoined = [...byMark.slice(0, -1), ...last];
  return lastJoined.length === figures ? lastJoined : all;
}

/** The next figure of the list the figure before opened, or undefined when this one does not
 * continue it. A list continued after 分别 (增长7.4%和6.0%): same binding, next subject. */
export function continueList(state: BindState, tc: TokenContext): Draft | undefined {
  const { prev } = state;
  const { token } = tc;
  if (!prev || !prev.draft || prev.token.unit !== token.unit) return undefined;
  const step = listStep(state.ctx.text, prev.token.end, token.start, token.unit);
  if (!step) return undefined;
  const p = prev.draft;
  const index = prev.index + 1;
  // A growth list that follows a list of values pairs with it item by item.
  const pair = prev.pairs[index];
  const subject = prev.items[index] ?? pair?.subject ?? p.subject;
  const listed = prev.families[index] ?? (pair?.family.growth ? pair.family : undefined);
  const family = listed ?? p.family;
  const indicator = listed ? indicatorOf(family, p.unit)! : p.indicator;
  const draft: Draft = {
    ...newDraft(tc, family, indicator, p.unit, token.value, subject),
    region: prev.regions[index] ?? pair?.region ?? p.region,
    period: prev.years[index] ?? pair?.period ?? p.period,
    kind: p.kind,
  };
  // …分别增长11.3%和7.9% after a quantity of no indicator's: its rate is no fact either.
  if (pair?.dropped) draft.dropped = true;
  // 4月16日…总投资分别为168.3亿元和112.5亿元: the event's month reaches every figure of the list.
  if (p.eventMonth && draft.period === undefined) draft.eventMonth = p.eventMonth;
  // 先后跨过2.5万亿元、3万亿元: the next threshold of a list of thresholds, dropped as the first was.
  if (p.milestone) {
    draft.milestone = true;
    draft.dropped = p.dropped && !prev.regions.length;
  }
  // 佛山、江门…分别增长2.1%、5.3%: an item outside the table gives no fact.
  if (draft.region === OUTSIDE) {
    draft.region = undefined;
    draft.dropped = true;
  }
  // 分别增长3.2%、下降4.1%: a growth word inside the list sets the sign from there on.
  const sign = step.sign ?? prev.growthSign;
  if (token.unit === "percent") draft.value = token.value * (sign === -1 ? -1 : 1);
  tc.items = prev.items;
  tc.growthSign = sign;
  if (draft.unit !== "percent") state.valueList.push(draft);
  state.prev = { ...prev, token, draft, items: tc.items, index, growthSign: tc.growthSign };
  return draft;
}

/** Records a figure bound on its own as the head of a list the next figures may continue. */
export function openList(state: BindState, tc: TokenContext, draft: Draft): void {
  const { ctx } = state;
  const { token } = tc;
  // 蓬江区、江海区分别引进项目10个、8个: the places of a 分别 list pair with its figures.
  let regions: string[] = [];
  // 依次为鹤山（12.6%）、江海（10.3%）: each figure after its own place pairs no list.
  const own = placeOpeningBracket(ctx, tc.scope, token.start);
  if (!own && saysRespectively(ctx.text, tc.cs, token.start)) {
    regions = placeRun(ctx, tc.near, token.start);
    if (regions[0] === OUTSIDE) draft.dropped = true;
    else if (regions.length && (!draft.dropped || tc.outside)) {
      // 江门、佛山…分别增长5.3%、2.1%: the clause's last place was outside, the first item is not.
      draft.region = regions[0];
      draft.dropped = false;
    }
  }
  // 2019—2022年地区生产总值分别为210亿元、230亿元…: a list over a span of years, one a year.
  let years: string[] = [];
  if (!regions.length && tc.items.length < 2 && saysRespectively(ctx.text, tc.cs, token.start)) {
    years = seriesYears(draft.period);
    // 一季度、二季度、三季度…分别增长16.9%、9.1%和5.2%: a list of periods, one figure each.
    if (!years.length) years = periodRun(ctx, tc.near, token.start);
  }
  // Only when the list has one figure a year: otherwise which figure is which year is unknown.
  if (years.length && listLength(state, tc.t) !== years.length) years = [];
  if (years.length) draft.period = years[0];
  // 地区生产总值和规上工业增加值分别达到950亿元和420亿元: one indicator per figure.
  let families: Family[] = [];
  let items = tc.items;
  if (!regions.length && !years.length && tc.referredFamilies) {
    // 两项指标分别增长6.9%和4.9%: the indicators the reference stands for, one per figure.
    families = tc.referredFamilies;
  } else if (!regions.length && !years.length && saysRespectively(ctx.text, tc.cs, token.start)) {
    const run = cueRun(ctx.text, tc.cs, token.start);
    const subjects = run.map((c) => c.subject);
    if (run.length && run.length !== listLength(state, tc.t)) {
      // 地区生产总值、规上工业增加值、固定资产投资分别增长5.5%和7.1%: which is which is unknown.
      draft.dropped = true;
      state.prev = undefined;
      return;
    } else if (run.length && new Set(run.map((c) => c.family)).size === run.length) {
      families = run.map((c) => c.family);
      if (families.some((f) => !indicatorOf(f, draft.unit))) families = [];
    } else if (run.length && subjects.every(Boolean) && new Set(subjects).size === run.length) {
      // 出口、进口分别增长6.1%、下降12.4%: one indicator, a subject per cue.
      items = subjects;
      draft.subject = items[0]!;
    }
    if (families.length) {
      draft.family = families[0]!;
      draft.indicator = indicatorOf(families[0]!, draft.unit)!;
      draft.subject = "";
    }
  }
  const pairs = tc.inheritedList ? state.valueList : [];
  if (draft.unit !== "percent") state.valueList = [draft];
  state.prev = {
    token,
    draft,
    items,
    index: 0,
    growthSign: tc.growthSign,
    regions,
    pairs,
    years,
    families,
  };
}

/** The indicator of `family` a figure of `unit` states: its growth for a rate, else its value. */
function indicatorOf(family: Family, unit: Draft["unit"]): Indicator | undefined {
  if (unit === "percent") return family.growth;
  return family.unit === unit ? family.value : undefined;
}

/** The run of two or more value cues that ends with the last one in text[from, to), joined by
 * list marks alone (GDP、规上工业增加值; 出口、进口), in order, each with the subject its words
 * say (出口); [] otherwise. */
function cueRun(text: string, from: number, to: number): { family: Family; subject: string }[] {
  let run: { family: Family; subject: string }[] = [];
  let end = -1;
  for (const m of CUES.scan(text, from, to)) {
    if (m.value.type !== "value" || m.value.nameOnly) {
      if (m.value.type === "none") run = [];
      continue;
    }
    const cue = { family: m.value.family, subject: cueSubject(text.slice(m.start, m.end)) };
    if (run.length && LIST_CONNECTORS.has(text.slice(end, m.start))) run.push(cue);
    else run = [cue];
    end = m.end;
  }
  return run.length >= 2 ? run : [];
}

/** How many figures of one unit, joined by list marks, run from tokens[t]. */
export function listLength(state: BindState, t: number): number {
  const { tokens, ctx } = state;
  let n = 1;
  while (
    t + n < tokens.length &&
    tokens[t + n]!.unit === tokens[t]!.unit &&
    listStep(ctx.text, tokens[t + n - 1]!.end, tokens[t + n]!.start, tokens[t]!.unit)
  )
    n++;
  return n;
}

/** What joins two figures of a list: a list mark ({}), or for rates a list mark and a growth word
 * (、下降4.1%: { sign }); undefined when they are not one list. */
function listStep(
  text: string,
  from: number,
  to: number,
  unit: Draft["unit"] | NumberToken["unit"],
): { sign?: 1 | -1 } | undefined {
  const between = text.slice(from, to);
  if (LIST_CONNECTORS.has(between)) return {};
  if (unit !== "percent" || !LIST_CONNECTORS.has(between[0] ?? "")) return undefined;
  const m = CUES.matchAt(text, from + 1, to);
  if (!m || m.end !== to || m.value.type !== "growth" || m.value.family) return undefined;
  return { sign: m.value.sign };
}

/** The last enumeration of two or more periods in text[from, to) (一季度、二季度、三季度; 上半年和前
 * 三季度), joined by list marks alone, each with a label: the periods a 分别 list pairs with its
 * figures. A base (比2019年) or an event's day has no label and breaks the run. */
function periodRun(ctx: DocContext, from: number, to: number): string[] {
  const mentions = within(ctx.periods, from, to);
  const run: typeof mentions = [];
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.label === "") break;
    if (run.length && !LIST_CONNECTORS.has(ctx.text.slice(m.end, run[0]!.start))) break;
    run.unshift(m);
  }
  return run.length >= 2 ? run.map((m) => m.label) : [];
}

/** The years of a span of whole years (2019/2022 → 2019, 2020, 2021, 2022); none otherwise. */
function seriesYears(period: string | undefined): string[] {
  const m = period ? /^(\d{4})\/(\d{4})$/.exec(period) : null;
  if (!m) return [];
  const years: string[] = [];
  for (let y = Number(m[1]); y <= Number(m[2]); y++) years.push(String(y));
  return years;
}
