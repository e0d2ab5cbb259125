// What the binders share: the draft a number becomes, what one sentence hands the next, the state
// of one sentence as its numbers are bound left to right, and what is known about one number
// before any binder looks at it.

import type { Indicator, Kind, Qualifier, Unit } from "../types.ts";
import type { Sentence } from "../segment.ts";
import type { NumberToken } from "../numbers.ts";
import type { DocContext } from "../context.ts";
import type { Family } from "../indicators.ts";

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
  /** A threshold crossed (突破4万亿): the figures continuing its list (、3万亿元) are thresholds too. */
  milestone?: boolean;
  /** A count of what stands at a moment (在建项目23个), or the investment of that batch: dated like
   * a stock, to its sentence or else the publication month. */
  state?: boolean;
  /** A running total of projects (累计引进项目186个), its batch's investment or a part of it: with
   * nothing to date it, it stands at the publication month. */
  runningTotal?: boolean;
  /** A count of a stock indicator said as what is new (新增规上工业企业35家): a flow over a period;
   * a part of it said after 其中 in the same sentence is one too. */
  flow?: boolean;
  /** The figure is the sum of places listed before it (蓬江、新会…合计): a figure continuing it with
   * no place of its own is the same sum's. */
  sum?: boolean;
  /** The month of an event's day before the figure in its sentence (11月18日), when the figure may
   * count that event's outcome: it dates the figure if its sentence counts a batch of projects. */
  eventMonth?: string;
  /** Where the name of a row of figures starts (规模以上工业企业：1—10月新增61家): the count's
   * clause, for what it says of the count (新增, 在建), reaches back to it over the colon. */
  rowName?: number;
}

/** What one sentence hands the next in its paragraph: the region-wide growth figure a list of
 * industries below it breaks down (规上工业增加值增长7.4%。主要行业中，甲业增长9.2%…). */
export interface SentenceCarry {
  paragraph: number;
  /** A region-wide rate, or a growth stated with no figure (行业增加值保持增长): its family and
   * where it ends are all a breakdown reads. */
  head: BreakdownHead | undefined;
  /** The last region-wide rate of the sentence before (甲市经济增速达到9.8%。此外，乙市达到8.9%). */
  rate: Draft | undefined;
  /** The money indicator the paragraph is about so far: the family of the last amount bound, or
   * of a cue stated with no amount (广东21个地市GDP出炉。深圳以32387.68亿元居首…). */
  topic: Family | undefined;
  /** The kind of enterprise an earlier sentence of the paragraph counted (…“小巨人”企业1.46万家。
   * 北京以1012家位居首位): what a bare count of firms after a place counts. */
  firms: string | undefined;
  /** The period of that count (截至今年8月底), which the bare counts after it share. */
  firmsPeriod: string | undefined;
  /** The indicators the sentence before (in the paragraph) gave region-wide figures of, in the order
   * last named: what 两项指标 at the start of this one may refer back to. */
  named: Family[];
  /** Figures of a batch counted as an event's outcome (12月9日…签约项目58个，总投资612亿元), by
   * indicator: the event's month and the end of its sentence, so that a breakdown right after it
   * (其中，…项目21个) shares the month. */
  eventBatches: Map<Family, { month: string; end: number }>;
}

/** What a breakdown's head must give: a rate's family, and the end of its figure. */
export type BreakdownHead = Pick<Draft, "unit" | "family"> & { token: { end: number } };

export function newCarry(): SentenceCarry {
  return {
    paragraph: -1,
    head: undefined,
    rate: undefined,
    topic: undefined,
    firms: undefined,
    firmsPeriod: undefined,
    named: [],
    eventBatches: new Map(),
  };
}

/** The figure before, as a list that the next figure may continue (分别增长7.4%和6.0%). */
export interface ListLink {
  token: NumberToken;
  draft: Draft | undefined;
  /** The subjects of a 分别 list, one per figure. */
  items: string[];
  /** Which item the figure is. */
  index: number;
  growthSign: 0 | 1 | -1;
  /** The places of a 分别 list, one per figure. */
  regions: string[];
  /** The values a growth list pairs with, item by item. */
  pairs: Draft[];
  /** The years of a 分别 list over a span of years (2019—2022年…分别为), one per figure. */
  years: string[];
  /** The indicators of a 分别 list over indicators (GDP、规上工业增加值分别增长…), one per figure. */
  families: Family[];
}

/** The state of one sentence as its numbers are bound, left to right. */
export interface BindState {
  ctx: DocContext;
  sentence: Sentence;
  tokens: readonly NumberToken[];
  carry: SentenceCarry;
  /** The last region-wide rate of the sentence before, taken from the carry. */
  rateBefore: Draft | undefined;
  drafts: Draft[];
  /** The last value (amount or count) bound, that a growth rate after it may be the growth of. */
  lastValue: Draft | undefined;
  /** The value an amount of no indicator cut off (外贸进出口1386.4亿元，实现旅游收入312亿元): a 分别
   * list of rates after both may still pair with it. */
  cutValue?: Draft;
  lastDraft: Draft | undefined;
  /** The drafts of the latest list of values (503.2亿元和420.1亿元), for a growth list to pair with. */
  valueList: Draft[];
  /** Where the last number ended: a cue before it belongs to that number, not the next. */
  prevEnd: number;
  prev: ListLink | undefined;
}

export function newBindState(
  ctx: DocContext,
  sentence: Sentence,
  tokens: readonly NumberToken[],
  carry: SentenceCarry,
  rateBefore: Draft | undefined,
): BindState {
  return {
    ctx,
    sentence,
    tokens,
    carry,
    rateBefore,
    drafts: [],
    lastValue: undefined,
    lastDraft: undefined,
    valueList: [],
    prevEnd: sentence.start,
    prev: undefined,
  };
}

/** One number and the text around it, and what its binder found besides the draft. */
export interface TokenContext {
  token: NumberToken;
  /** Its index in the sentence's tokens. */
  t: number;
  /** How far back the sentence is read for it. */
  near: number;
  window: Sentence;
  /** Its clause: [cs, ce). */
  cs: number;
  ce: number;
  /** Where its own words begin: its clause, after the number before it. */
  scope: number;
  kind: Kind;
  capacity: boolean;
  /** The subjects of the 分别 list it opens. */
  items: string[];
  /** The indicators a reference (两项指标分别增长…) before it stands for, one per figure. */
  referredFamilies?: Family[];
  growthSign: 0 | 1 | -1;
  /** It inherited a list of values, which a growth list after it pairs with. */
  inheritedList: boolean;
  /** The places an elliptical figure stands for (苏州为10.9%; 成都、杭州也达到10%): each gets it. */
  ellipticalPlaces: string[];
  /** The values listed before it that share it (出口、进口分别为…，均增长6.1%): each gets it, of its
   * own indicator and subject. */
  sharedValues?: Draft[];
  /** The figure was dropped because its clause's place is outside the table (佛山), which a 分别
   * list of places may undo for an item that is in it. */
  outside?: boolean;
}

/** A draft of the number of `tc`, with its kind and qualifier. */
export function newDraft(
  tc: TokenContext,
  family: Family,
  indicator: Indicator,
  unit: Unit,
  value: number,
  subject: string,
): Draft {
  const { token, kind, capacity } = tc;
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

/** The indicators of region-wide figures among `drafts`, each once, in the order last named. */
export function namedFamilies(drafts: readonly Draft[]): Family[] {
  const out: Family[] = [];
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i]!;
    if (!d.dropped && d.subject === "" && !out.includes(d.family)) out.unshift(d.family);
  }
  return out;
}
