// Lists: a 分别 list (A和B分别增长7.4%和6.0%) gives one figure per item, paired with its subjects or
// its places (蓬江区、江海区分别引进项目10个、8个); a list continued after its first figure binds as
// that figure did; a growth list after a list of values pairs with the values item by item.

import { within, type DocContext } from "../context.ts";
import { LIST_CONNECTORS } from "../indicators.ts";
import { newDraft, type BindState, type Draft, type TokenContext } from "./state.ts";
import {
  ENUMERATION_MARK,
  LIST_ITEM_SEPARATOR,
  LIST_PARTNER_PREFIX,
  RESPECTIVELY,
} from "./lexicon.ts";

/** Split a list subject (“一带一路”沿线国家和RCEP贸易伙伴) into its items. */
export function listItems(subject: string): string[] {
  return subject
    .replace(LIST_PARTNER_PREFIX, "")
    .split(LIST_ITEM_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The last enumeration of two or more places in text[from, to) (宁波、青岛、无锡), joined only by
 * list marks: the places a 分别 list pairs with its figures. */
function placeRun(ctx: DocContext, from: number, to: number): string[] {
  // Places inside an aside (台山（不含广海湾）) spell out a name; the aside itself stands between
  // an item and its list mark.
  const mentions = within(ctx.places, from, to).filter(
    (m) => m.place.type === "region" && !m.aside,
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
  return run.length >= 2 ? run.map((m) => (m.place as { type: "region"; key: string }).key) : [];
}

/** Where a bracketed aside that opens text[at, to) ends (（不含广海湾）), else `at`. */
function asideEnd(text: string, at: number, to: number): number {
  if (text[at] !== "（" && text[at] !== "(") return at;
  for (let i = at + 1; i < to; i++) if (text[i] === "）" || text[i] === ")") return i + 1;
  return at;
}

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
  if (
    !prev ||
    !prev.draft ||
    prev.token.unit !== token.unit ||
    !LIST_CONNECTORS.has(state.ctx.text.slice(prev.token.end, token.start))
  )
    return undefined;
  const p = prev.draft;
  const index = prev.index + 1;
  // A growth list that follows a list of values pairs with it item by item.
  const pair = prev.pairs[index];
  const subject = prev.items[index] ?? pair?.subject ?? p.subject;
  const draft: Draft = {
    ...newDraft(tc, p.family, p.indicator, p.unit, token.value, subject),
    region: prev.regions[index] ?? pair?.region ?? p.region,
    period: prev.years[index] ?? pair?.period ?? p.period,
    kind: p.kind,
  };
  if (token.unit === "percent") draft.value = token.value * (prev.growthSign === -1 ? -1 : 1);
  tc.items = prev.items;
  tc.growthSign = prev.growthSign;
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
  if (saysRespectively(ctx.text, tc.cs, token.start)) {
    regions = placeRun(ctx, tc.near, token.start);
    if (regions.length && !draft.dropped) draft.region = regions[0];
  }
  // 2019—2022年地区生产总值分别为210亿元、230亿元…: a list over a span of years, one a year.
  let years: string[] = [];
  if (!regions.length && tc.items.length < 2 && saysRespectively(ctx.text, tc.cs, token.start))
    years = seriesYears(draft.period);
  // Only when the list has one figure a year: otherwise which figure is which year is unknown.
  if (years.length && listLength(state, tc.t) !== years.length) years = [];
  if (years.length) draft.period = years[0];
  const pairs = tc.inheritedList ? state.valueList : [];
  if (draft.unit !== "percent") state.valueList = [draft];
  state.prev = {
    token,
    draft,
    items: tc.items,
    index: 0,
    growthSign: tc.growthSign,
    regions,
    pairs,
    years,
  };
}

/** How many figures of one unit, joined by list marks, run from tokens[t]. */
function listLength(state: BindState, t: number): number {
  const { tokens, ctx } = state;
  let n = 1;
  while (
    t + n < tokens.length &&
    tokens[t + n]!.unit === tokens[t]!.unit &&
    LIST_CONNECTORS.has(ctx.text.slice(tokens[t + n - 1]!.end, tokens[t + n]!.start))
  )
    n++;
  return n;
}

/** The years of a span of whole years (2019/2022 → 2019, 2020, 2021, 2022); none otherwise. */
function seriesYears(period: string | undefined): string[] {
  const m = period ? /^(\d{4})\/(\d{4})$/.exec(period) : null;
  if (!m) return [];
  const years: string[] = [];
  for (let y = Number(m[1]); y <= Number(m[2]); y++) years.push(String(y));
  return years;
}
