// Growth rates (percent): a rate binds to the growth cue before it and the indicator that cue
// follows, to the value before it (503.2亿元，增长8.1%), to a breakdown's head (其中，汽车产业增长
// 14.0%), to the cue after it (10.5%的经济增速), or repeats the rate before it place by place.

import { clauseEnd } from "../segment.ts";
import { within, type DocContext } from "../context.ts";
import { indicatorLexicon, periodLexicon } from "../lexicon.ts";
import { mentionRegion } from "../resolve.ts";
import { TermMatcher } from "../termMatcher.ts";
import { inYear } from "../periods.ts";
import {
  INDICATOR_REFERENCE,
  CUES,
  LEVEL_MARKERS,
  NOT_SHARED,
  PREVIOUS_PERIOD_BASES,
  SHARED_MARKERS,
  cueSubject,
  type Family,
} from "../indicators.ts";
import { smallNumber } from "../numbers.ts";
import { namedFamilies, newDraft, type BindState, type Draft, type TokenContext } from "./state.ts";
import { ATTRIBUTIVE, PUNCT, SHARE_WORDS } from "./lexicon.ts";
import {
  afterRankingHead,
  causeStart,
  placeBeforeBracket,
  placeOfCauseBefore,
  cueAfter,
  fillerPlacesOrPeriodsOnly,
  isDigitCode,
  onlyFiller,
  onlyFillerOrComparisons,
  onlyFillerOrPeriods,
  onlyFillerOrPlaces,
  onlyFillerPlacesOrPeriods,
  onlyFillerPeriodsAndPlaces,
  onlyPeriodAndComparisons,
  regionKeys,
  sameTimeOnly,
  sectorsCue,
  sharedByClauseBefore,
  subjectBefore,
  valueCueBefore,
} from "./text.ts";
import { listLength, openItems, saysRespectively } from "./lists.ts";
import { openCueBefore, topicApplies } from "./amounts.ts";
import { GOAL_TIERS, isGoal } from "./kinds.ts";
import { breakdownHead } from "./breakdown.ts";

/** Words that may stand between a compared place and its figure (乙省同期的2%). */
const SAME_TIME_WORDS: readonly string[] = periodLexicon.sameTimeSuffixes;

const RATE_LEVEL_VERBS = new TermMatcher(
  indicatorLexicon.rateLevelVerbs.map((t) => [t, true] as const),
);

// 名义增速为2.4%，实际增速为3.9%; 名义增速与实际增速均为4.0%: a rate said at current or at constant
// prices, and the words naming the other basis before it (名义增速与).
const PRICE_BASES: readonly string[] = indicatorLexicon.priceBases;
const BASIS_WORDS = new RegExp(
  `^(?:(?:${PRICE_BASES.join("|")})(?:${indicatorLexicon.growthCues.join("|")})?(?:${indicatorLexicon.priceBaseJoiners.join("|")})?)*$`,
);

/** The figure a rate on another price basis goes on with (…3002.4亿元，名义增速与实际增速均为4.0%;
 * 名义增速为2.8%，实际增速为4.2%): the last one of the sentence whose indicator has a growth, when
 * a price basis opens the rate's growth word or stands right before it, and only words naming the
 * other basis stand before that in its clause. */
function priceBasisOf(
  state: BindState,
  tc: TokenContext,
  growth: { start: number; end: number },
): Draft | undefined {
  const { text } = state.ctx;
  const prev = state.lastDraft;
  if (!prev?.family.growth) return undefined;
  // 珠海名义增速和实际增速分别为…: the place the clause opens with may stand first.
  const places = within(state.ctx.places, tc.scope, growth.start);
  const last = places[places.length - 1];
  const from = last && onlyFillerOrPlaces(state.ctx, tc.scope, last.end) ? last.end : tc.scope;
  const before = text.slice(from, growth.start).trim();
  const basis =
    PRICE_BASES.some((w) => text.startsWith(w, growth.start)) ||
    PRICE_BASES.some((w) => before.endsWith(w));
  return basis && BASIS_WORDS.test(before) ? prev : undefined;
}

/** Words that open the first of two dated levels a rate moved between (增速由一季度的6.3%…). */
const FROM_WORDS: readonly string[] = periodLexicon.sinceMarkers.before;

/** True when text[from, at) is a period said as the date of the level after it, with 的, opened by
 * a word of moving from (由一季度的, 从2024年的) or, after a verb of level, alone (回落至上半年的):
 * 增速由一季度的6.3%回落至上半年的3.4% gives both rates, each dated by its own period. */
function datedLevelGap(ctx: DocContext, from: number, at: number): boolean {
  if (ctx.text[at - 1] !== ATTRIBUTIVE) return false;
  const opener =
    FROM_WORDS.find((w) => ctx.text.startsWith(w, from)) ??
    LEVEL_MARKERS.find((w) => ctx.text.startsWith(w, from));
  const list = within(ctx.periods, from, at - 1);
  // 由2024年 may be one period mention, its opener inside it.
  const start = list[0]?.start === from ? from : from + (opener?.length ?? 0);
  return list.length === 1 && list[0]!.start === start && list[0]!.end === at - 1;
}

/** The growth cue that ends right before `at` (a few characters such as 了/达/为 may sit between,
 * or the date of a level: 增速由一季度的6.3%, 回落至上半年的3.4%). */
function growthCueBefore(ctx: DocContext, from: number, at: number) {
  const { text } = ctx;
  let found:
    | { start: number; end: number; sign: 1 | -1; family?: Family; bare?: boolean; dated?: boolean }
    | undefined;
  // A level's date may stand between (增速由一季度的6.3%): read from far enough back that the cue
  // is not cut (固定资产投资增速).
  for (let m of CUES.scan(text, Math.max(from, at - 20), at)) {
    // 电力工业增长2.7%, 家具制造业下降1.9%: a bare word that names its indicator (工业增长)
    // with more than filler, places and periods before it is only its growth word, so that the
    // name before it may be a part of a breakdown.
    if (
      m.value.type === "growth" &&
      m.value.bare &&
      !onlyFillerPlacesOrPeriods(ctx, from, m.start)
    ) {
      const end = m.end;
      const inner = CUES.scan(text, m.start + 1, end).find(
        (n) => n.end === end && n.value.type === "growth" && !n.value.family,
      );
      if (inner) m = inner;
    }
    if (m.value.type === "growth") {
      const named = found?.family && !m.value.family ? found : undefined;
      found = { start: m.start, end: m.end, sign: m.value.sign };
      if (m.value.family) found.family = m.value.family;
      if (m.value.bare) found.bare = true;
      // 投资增速则回落至4.2%: a growth word after one that names its indicator, with only filler
      // between, moves that indicator's rate (the bare test then reads from the first word).
      if (named && plainFiller(text, named.end, m.start)) {
        found.family = named.family;
        if (named.bare) found.bare = true;
        found.start = named.start;
        found.end = m.end;
      }
    } else found = undefined;
  }
  // 增长了/达/为 (short), or filler such as 目标为 (增长目标为6%).
  // 上半年回升至6.8%, 增速由2024年的3.2%提高至2025年的7.5%: a verb of the level a rate moved to,
  // read as a growth word only for a rate (回升至500亿元 is an amount's level), and only where no
  // growth word stands.
  if (!found) {
    const verb =
      RATE_LEVEL_VERBS.matchEndingAt(text, at, Math.max(from, at - 3)) ??
      RATE_LEVEL_VERBS.scan(text, Math.max(from, at - 12), at).find((m) =>
        datedLevelGap(ctx, m.end, at),
      );
    if (verb) found = { start: verb.start, end: verb.end, sign: 1 };
  }
  if (!found) return undefined;
  const dated = at - found.end > 2 && datedLevelGap(ctx, found.end, at);
  if (!dated && (at - found.end > 5 || (at - found.end > 2 && !onlyFiller(text, found.end, at))))
    return undefined;
  if (dated) found.dated = true;
  for (let i = found.end; i < at; i++) {
    // 回落至上半年的3.4%: the level the rate fell to, its date between.
    if (dated && LEVEL_MARKERS.includes(text[i]!)) found.sign = 1;
    if (dated && !PUNCT.test(text[i]!)) continue;
    if (PUNCT.test(text[i]!) || isDigitCode(text.charCodeAt(i))) return undefined;
    // 回落至3%: the level the rate fell to, not a fall.
    if (LEVEL_MARKERS.includes(text[i]!)) found.sign = 1;
  }
  return found;
}

/** True when text[from, to) is filler only, with no mark and no digit (则, 也). */
function plainFiller(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++)
    if (PUNCT.test(text[i]!) || isDigitCode(text.charCodeAt(i))) return false;
  return onlyFiller(text, from, to);
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

/** Binds a percent: a growth rate with its indicator and sign, or undefined. */
export function bindRate(state: BindState, tc: TokenContext): Draft | undefined {
  const { text } = state.ctx;
  const growth = growthCueBefore(state.ctx, tc.scope, tc.token.start);
  let draft = growth ? rateAfterCue(state, tc, growth) : rateWithoutCue(state, tc);
  // 地区生产总值确保增长5%、力争增长5.5%: a goal's higher tier, the same indicator's target.
  const tier = draft ? undefined : goalTierOf(state, tc, growth?.start ?? tc.token.start);
  if (tier) {
    if (growth) tc.growthSign = growth.sign;
    const value = tc.token.value * (growth?.sign ?? 1);
    draft = newDraft(tc, tier.family, tier.family.growth!, "percent", value, tier.subject);
  }
  // 环比增长0.8%, 比上月增长3%: against the period just before, not the year-on-year growth
  // the indicators mean. It is no figure, but still says which indicator the clauses after it
  // are about (较上季度增长1.1%，同比增长4.9%).
  if (
    draft &&
    growth &&
    PREVIOUS_PERIOD_BASES.some((w) => text.slice(tc.cs, growth.start).includes(w))
  )
    draft.dropped = true;
  return draft;
}

/** The goal rate a higher tier of the same goal follows (地区生产总值确保增长5%、力争增长5.5%;
 * 规上工业增加值增长6%，力争达到7%): a target itself, with nothing before its rate in its clause
 * but a tier word (kinds.json goalTiers) and filler or a bare growth word, right after a target
 * rate of an indicator in its sentence. */
function goalTierOf(state: BindState, tc: TokenContext, at: number): Draft | undefined {
  const goal = state.lastDraft;
  if (tc.kind !== "target" || !goal || goal.unit !== "percent" || goal.kind !== "target")
    return undefined;
  if (!goal.family.growth || goal.dropped || goal.token.start < state.sentence.start)
    return undefined;
  const { text } = state.ctx;
  let from = tc.scope;
  while (from < at && PUNCT.test(text[from]!)) from++;
  const word = GOAL_TIERS.find((w) => text.startsWith(w, from));
  if (!word || !onlyFiller(text, from + word.length, at)) return undefined;
  return goal;
}

/** The rate just stated and its base period, when the clause before `at` holds only a 同期 of a
 * year (，去年同期为3.6%; ；上年同期为下降2.5%): the clause states that rate once more, for the
 * same span of the base year. */
function baseRate(
  state: BindState,
  tc: TokenContext,
  at: number,
): { rate: Draft; period: string } | undefined {
  const base = sameTimeOnly(state.ctx, tc.scope, at);
  const rate = state.lastDraft ?? state.rateBefore;
  if (base === undefined || rate?.unit !== "percent" || rate.period === undefined) return undefined;
  return { rate, period: inYear(rate.period, base) };
}

/** The value cue of an earlier clause of the sentence that no number took, if any. */
const openCue = (state: BindState, tc: TokenContext) =>
  openCueBefore(state.ctx.text, state.tokens, tc.t, tc.near, tc.scope, true, state.ctx);

/** A rate after a growth cue (增长8.1%): of the indicator named before the cue, or of the figure
 * it follows. */
function rateAfterCue(
  state: BindState,
  tc: TokenContext,
  growth: NonNullable<ReturnType<typeof growthCueBefore>>,
): Draft | undefined {
  const { ctx, sentence, carry, lastDraft, valueList } = state;
  // 外贸进出口1386.4亿元，实现旅游收入312亿元，分别增长7.9%和10.3%: the value an amount of no
  // indicator cut off, in this sentence, still heads a 分别 list of rates after both.
  const cut = state.cutValue;
  const lastValue =
    state.lastValue ??
    (cut &&
    !lastDraft &&
    cut.token.start >= sentence.start &&
    saysRespectively(ctx.text, tc.scope, tc.token.start)
      ? cut
      : undefined);
  const { text } = ctx;
  const { token, scope } = tc;
  const cue =
    valueCueBefore(text, scope, growth.start) ?? looseCueBefore(text, scope, growth.start);
  let family: Family | undefined;
  let subject = "";
  let inherited: Draft | undefined;
  let open: { start: number; family: Family } | undefined;
  let based: ReturnType<typeof baseRate>;
  let referred: Family[] | undefined;
  let tied: string[];
  let caused: string | undefined;
  // Where the words placing the rate end: before a cause said after the place (台山受…影响下降2.3%).
  const placed = causeStart(ctx, scope, growth.start);
  // 台山、开平、恩平分别增长4.1%、3.6%和2.9%: with 分别 the places listed before the rate pair
  // with its figures one by one (openList), they do not share this one.
  const paired = saysRespectively(text, scope, token.start);
  if (cue && sectorsCue(text, tc.near, cue)) {
    // 第三产业增速最快，增加值增长9%: the sector's growth.
    return undefined;
  } else if (cue && SHARE_WORDS.some((w) => text.slice(cue.end, growth.start).includes(w))) {
    // 占规上工业增加值的比重同比上升至35.2%: the share's change, not the indicator's.
    return undefined;
  } else if (cue) {
    family = cue.family;
    subject = subjectBefore(ctx, scope, cue.start) || cueSubject(text.slice(cue.start, cue.end));
    // 超亿元项目投资总额347.72亿元，投资额增速127.6%: a cue that names the value just stated,
    // alone at its clause's head, rates that value and keeps what it was about.
    if (!subject && lastValue?.family === family && onlyFiller(text, scope, cue.start))
      subject = lastValue.subject;
  } else if (paired && (referred = referredIndicators(state, tc, growth.start))) {
    // 前4个月，两项指标分别增长6.9%和4.9%: the indicators named before, one per figure.
    family = referred[0]!;
    tc.referredFamilies = referred;
  } else if ((inherited = priceBasisOf(state, tc, growth))) {
    // 名义增速为2.8%，实际增速为4.2%: the same indicator's rate at constant prices.
    family = inherited.family;
    subject = inherited.subject;
    inherited = undefined;
  } else if (
    growth.dated &&
    lastDraft?.unit === "percent" &&
    onlyFiller(text, scope, growth.start)
  ) {
    // 增速由一季度的6.3%回落至上半年的3.4%: the level the rate moved to, of the same indicator.
    family = lastDraft.family;
    subject = lastDraft.subject;
  } else if (growth.family) {
    // 投资增长 with more than filler, places and periods before it (工业投资增长, 项目投资增速)
    // names a part or another indicator: unread, and no part of a breakdown named 工业.
    if (growth.bare && !onlyFillerPlacesOrPeriods(ctx, scope, growth.start)) return undefined;
    family = growth.family;
  } else if (
    (tied = sharedByClauseBefore(state, tc, growth.start)).length > 1 &&
    (family = tiedFamily(state, tc))
  ) {
    // 新疆、湖北并列第二，均增长6.1%: the rate the sentence is about, for each place of the clause
    // before.
    if (!paired) tc.ellipticalPlaces = tied;
  } else if (
    lastDraft?.unit === "percent" &&
    (caused = placeOfCauseBefore(state, tc, growth.start))
  ) {
    // 鹤山增长10.2%，台山受核电机组检修影响，下降2.3%: the place of the cause before, the same rate.
    family = lastDraft.family;
    subject = lastDraft.subject;
    tc.ellipticalPlaces = [caused];
  } else if ((based = baseRate(state, tc, growth.start))) {
    // 同比增长7.2%；上年同期为下降2.5%: the same rate, for the base period (not a comparison:
    // 比上年同期 never names a period of its own).
    family = based.rate.family;
    subject = based.rate.subject;
  } else if (
    lastValue &&
    (onlyFiller(text, scope, growth.start) ||
      onlyFillerOrComparisons(ctx, scope, growth.start) ||
      // …增至8107.9亿元，2023年比上年下降3.4%: the level's own period said again with its rate.
      (lastValue.period !== undefined &&
        onlyPeriodAndComparisons(ctx, scope, growth.start) === lastValue.period))
  ) {
    family = lastValue.family;
    subject = lastValue.subject;
    inherited = lastValue;
  } else if (
    lastDraft &&
    (onlyFillerOrPlaces(ctx, scope, placed) || onlyFillerPeriodsAndPlaces(ctx, scope, placed))
  ) {
    // 其中蓬江区增长9.1%，江海区下降1.3%: the same indicator, broken down by place; ；2022年山东
    // 增长6.1%: and by year; 台山受核电机组检修影响下降2.3%: a cause after the place is filler.
    family = lastDraft.family;
    if (!paired) tc.ellipticalPlaces = regionKeys(ctx, scope, placed);
  } else if (
    (lastDraft ?? state.rateBefore)?.unit === "percent" &&
    onlyFillerOrPeriods(ctx, scope, growth.start) &&
    !(!lastDraft && openCue(state, tc))
  ) {
    // 增长6.8%。分季度看，一季度增长6.0%，二季度增长7.6%: the same rate, period by period; but
    // not when an earlier clause names another indicator that no number took (…增长5.2%。南昌固定
    // 资产投资持续低迷，上半年下降6.4%).
    const rate = (lastDraft ?? state.rateBefore)!;
    family = rate.family;
    subject = rate.subject;
  } else if (
    !lastDraft &&
    fillerPlacesOrPeriodsOnly(ctx, scope, growth.start) &&
    (open = openCue(state, tc))
  ) {
    // 固定资产投资增速由负转正，增长2.1%: the cue of an earlier clause that no number took (its
    // clause may open with its period: 投资持续低迷，上半年下降6.4%); 从
    // 地区生产总值增速看，台山、开平增速均超过6%: each place listed before the rate.
    family = open.family;
    subject = subjectBefore(ctx, Math.max(tc.near, open.start - 30), open.start);
    const keys = regionKeys(ctx, scope, growth.start);
    if (keys.length > 1 && !paired) tc.ellipticalPlaces = keys;
  } else if (carry.topic && !lastDraft && topicApplies(state, tc, placed)) {
    // 从增速看，深圳增长3.3%: the growth of the paragraph's topic, place by place; 浙江、山西增速
    // 也均超过10%: each place listed before it.
    family = carry.topic;
    const keys = regionKeys(ctx, scope, placed);
    if (keys.length > 1 && !paired) tc.ellipticalPlaces = keys;
  } else if (
    onlyFiller(text, scope, growth.start) &&
    saysRespectively(text, scope, token.start) &&
    (open = rateTopicOpen(state, tc))
  ) {
    // 丙省、丁省紧随其后，增速分别为9.6%、8.4%: places of an earlier clause, a bare growth word,
    // 分别: the topic's growth, place by place (openList pairs the places).
    family = open.family;
  } else if (lastDraft?.unit === "percent" && lastDraft.family.growth && isGoal(text, token)) {
    // …增长4.5%，有信心完成全年增长5%左右的目标: a bare growth word whose rate is the object of
    // a goal, after a rate of the sentence: that indicator's goal.
    family = lastDraft.family;
    subject = lastDraft.subject;
  } else {
    // 其中，装备制造业增长9.1%: an industry of the region-wide figure the list breaks down.
    const head = breakdownHead(
      ctx,
      carry.head ?? lastDraft,
      sentence,
      scope,
      growth.start,
      lastDraft,
    );
    if (head) {
      family = head.family;
      subject = head.subject;
    }
  }
  if (!family?.growth) return undefined;
  tc.growthSign = growth.sign;
  const draft = newDraft(tc, family, family.growth, "percent", token.value * growth.sign, subject);
  if (based) draft.period = based.period;
  openItems(state, tc, draft);
  if (inherited) {
    // 全国GDP达60.1万亿元，同比增长3.1%: the growth of a figure that is no fact is none either.
    if (inherited.dropped) draft.dropped = true;
    draft.region = inherited.region;
    draft.period = inherited.period;
    // 4200.5亿元，…，比2022年增长9.8%: growth over more than a year, no year's growth rate.
    if (longBase(ctx, scope, growth.start, draft.period)) draft.dropped = true;
    // 总产值6800亿元，增加值1400亿元，分别增长4.5%和5.1%: values stated one by one, each with
    // its cue, pair with a 分别 list of as many rates.
    if (valueList.length < 2 && saysRespectively(text, scope, token.start)) {
      const values = valuesSinceRate(state.drafts);
      const n = listLength(state, tc.t);
      if (values.length > 1 && values.length === n) state.valueList = values;
      // 集装箱吞吐量142.6万标箱，外贸进出口1386.4亿元，分别增长11.3%和7.9%: quantities stated clause
      // by clause pair with the rates one by one; a quantity of no indicator takes its rate along.
      else if (n > 1 && values.length < n && tc.items.length < 2) {
        const slots = quantitySlots(state, tc, values);
        if (slots.length === n) state.valueList = slots;
      }
    }
    const first = state.valueList[0];
    const shared = first ? sharedByValues(state, tc, growth.start) : [];
    const items = first && shared.length < 2 ? itemsSharing(state, tc, growth.start) : [];
    if (items.length > 1) {
      // 出口、进口分别为1163.4亿元、419.2亿元，均增长6.1%; 对东盟、欧盟进出口分别为…，均增长10%以上:
      // one rate that each value's item (partner, product, indicator) shares.
      draft.family = first!.family;
      draft.indicator = first!.family.growth!;
      draft.region = first!.region;
      draft.period = first!.period;
      draft.subject = first!.subject;
      tc.sharedValues = items;
    } else if (first && shared.length > 1 && first.family.growth) {
      // 蓬江、江海GDP分别为810亿元和400亿元，均增长5.1%: one rate that each of them shares.
      draft.family = first.family;
      draft.indicator = first.family.growth;
      draft.region = first.region;
      draft.period = first.period;
      draft.subject = first.subject;
      tc.ellipticalPlaces = shared;
    } else if (first && state.valueList.length > 1 && tc.items.length < 2) {
      tc.inheritedList = true;
      // 集装箱吞吐量…，外贸进出口…，分别增长11.3%和7.9%: the first rate is the throughput's.
      if (first.dropped) draft.dropped = true;
      draft.region = first.region;
      draft.period = first.period;
      draft.subject = first.subject;
      // 地区生产总值和规上工业增加值分别达到…，分别增长5.1%和6.2%: the first value's indicator.
      if (first.family.growth) {
        draft.family = first.family;
        draft.indicator = first.family.growth;
      } else if (first.family !== draft.family) {
        // 总产值6800亿元，增加值1400亿元，分别增长4.5%和5.1%: output value's growth is no
        // indicator; the list goes on pairing.
        draft.dropped = true;
      }
    }
  }
  return draft;
}

/** The indicators a reference before a 分别 list of rates stands for (两项指标分别增长6.9%和4.9%):
 * exactly as many as it counts, named region-wide before it in the sentence, or else in the sentence
 * before, in the order last named, each with a growth indicator, and as many as the figures;
 * undefined otherwise. */
function referredIndicators(state: BindState, tc: TokenContext, at: number): Family[] | undefined {
  // From the clause's start: the reference's count (两项) is a number of its own.
  const m = INDICATOR_REFERENCE.exec(state.ctx.text.slice(tc.cs, at));
  if (!m) return undefined;
  const n = smallNumber(m[1]!);
  if (listLength(state, tc.t) !== n) return undefined;
  let families = namedFamilies(state.drafts);
  if (!families.length) families = state.carry.named;
  // …增长6.8%，…增长4.5%，…增长3%；两项指标分别…: which two of three is unknown.
  if (families.length !== n || !families.every((f) => f.growth)) return undefined;
  return families;
}

/** The places of the values listed one by one before a rate (蓬江、江海GDP分别为810亿元和400亿元) when
 * the rate's own words share it among them (，均增长5.1%) and do not pair (分别): one place each,
 * all of one indicator and subject; [] otherwise. */
function sharedByValues(state: BindState, tc: TokenContext, at: number): string[] {
  const values = state.valueList;
  const first = values[0];
  if (!first || values.length < 2) return [];
  if (!sharesAmongValues(state, tc, at)) return [];
  const keys: string[] = [];
  for (const v of values) {
    if (!v.region || v.dropped || v.family !== first.family || v.subject !== first.subject)
      return [];
    if (keys.includes(v.region)) return [];
    keys.push(v.region);
  }
  return keys;
}

/** True when the rate's own words share it among the values before it (，均增长5.1%; 双双) and do not
 * pair it (分别). */
function sharesAmongValues(state: BindState, tc: TokenContext, at: number): boolean {
  const { text } = state.ctx;
  let words = text.slice(tc.scope, at);
  for (const w of NOT_SHARED) words = words.split(w).join("");
  return SHARED_MARKERS.some((w) => words.includes(w)) && !saysRespectively(text, tc.scope, at);
}

/** The values listed with 分别 before a rate whose words share it (出口、进口分别为1163.4亿元、
 * 419.2亿元，均增长6.1%), when they differ in what they are about (their subject or indicator) and
 * each has a growth indicator: each has the rate. [] otherwise (values of places alone are
 * sharedByValues'). */
function itemsSharing(state: BindState, tc: TokenContext, at: number): Draft[] {
  const values = state.valueList;
  if (values.length < 2 || !sharesAmongValues(state, tc, at)) return [];
  const seen = new Set<string>();
  for (const v of values) {
    if (v.dropped || !v.family.growth || v.region === undefined) return [];
    const item = `${v.family.name} ${v.subject} ${v.region}`;
    if (seen.has(item)) return [];
    seen.add(item);
  }
  return values.every((v) => v.region === values[0]!.region) ? values : [];
}

/** True when the clause before a growth word compares with a year more than one year before the
 * rate's period (比2022年增长 of 2024, 比2019年同期 of 2021's nine months): a growth over several
 * years, not the year-on-year rate the indicators mean. 比上年 is the year before. */
function longBase(ctx: DocContext, from: number, to: number, period: string | undefined): boolean {
  if (!period) return false;
  const year = Number(period.slice(0, 4));
  return within(ctx.periods, from, to).some(
    (p) => p.base !== undefined && Number(p.base.slice(0, 4)) < year - 1,
  );
}

/** The quantities stated clause by clause in the sentence since its last rate, before the rate's
 * clause: the value bound in each clause, or where a clause states a number that bound nothing (万标箱,
 * 亿千瓦时: no indicator's) a stand-in for it that is no fact. [] when a clause holds two values. */
function quantitySlots(state: BindState, tc: TokenContext, values: readonly Draft[]): Draft[] {
  const { ctx, sentence } = state;
  const { text } = ctx;
  const rates = state.tokens.filter((t) => t.unit === "percent" && t.end <= tc.cs);
  let at = Math.max(sentence.start, rates[rates.length - 1]?.end ?? sentence.start);
  const slots: Draft[] = [];
  while (at < tc.cs) {
    const end = Math.min(clauseEnd(text, at, tc.cs), tc.cs);
    const inClause = values.filter((v) => v.token.start >= at && v.token.end <= end);
    if (inClause.length > 1) return [];
    if (inClause.length === 1) slots.push(inClause[0]!);
    else if (statesNumber(ctx, at, end)) slots.push({ ...values[0]!, dropped: true });
    at = end + 1;
  }
  return slots.some((s) => !values.includes(s)) ? slots : [];
}

/** True when text[from, to) holds an Arabic numeral outside any period (142.6万标箱, not 2025年). */
function statesNumber(ctx: DocContext, from: number, to: number): boolean {
  const periods = within(ctx.periods, from, to);
  for (let i = from; i < to; i++)
    if (isDigitCode(ctx.text.charCodeAt(i)) && !periods.some((p) => p.start <= i && i < p.end))
      return true;
  return false;
}

/** The values (amounts, counts) bound in the sentence since its last rate, in order. */
function valuesSinceRate(drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  for (let i = drafts.length - 1; i >= 0 && drafts[i]!.unit !== "percent"; i--)
    out.unshift(drafts[i]!);
  return out;
}

/** A rate with no growth cue before it: the cue after it (10.5%的经济增速), or the rate before it
 * again for other places. */
function rateWithoutCue(state: BindState, tc: TokenContext): Draft | undefined {
  const { ctx, lastDraft, rateBefore } = state;
  const { text } = ctx;
  const { token, ce, scope } = tc;
  const after = cueAfter(text, token.end, ce, "percent");
  if (after?.growth) {
    // 10.5%的经济增速
    return newDraft(tc, after, after.growth, "percent", token.value, "");
  }
  // 甲市GDP实现5%的增长, 保持6%左右的增速: a value cue, a verb of level, the rate and a bare
  // growth word after it: that indicator's rate.
  if (bareGrowthAfter(text, token.end, ce)) {
    const cue = valueCueBefore(text, scope, token.start);
    if (cue?.family.growth && onlyFiller(text, cue.end, token.start))
      return newDraft(tc, cue.family, cue.family.growth, "percent", token.value, "");
  }
  // 甲省以12.3%的增速位居首位: a place, its rate and a bare growth word, of what the text is
  // about. Without a place before it (19.5%的增速，也高于…) the rate restates one: no figure.
  if (bareGrowthAfter(text, token.end, ce) && onlyFillerOrPlaces(ctx, scope, token.start)) {
    const topic = rateTopic(state, tc);
    if (topic) return newDraft(tc, topic, topic.growth!, "percent", token.value, "");
  }
  // 甲区工业增加值增速居全市首位，达到9.1%: the rate an earlier clause named (a cue with its
  // growth word) and said something else of, a rank, before stating it. Nothing but a verb of
  // level (达到, 为) stands before the rate in its clause, and no figure since the cue.
  // 各市（区）规上工业增加值增速中，鹤山、开平、江海依次为9.1%、8.4%和7.7%: so too with the places
  // of a 分别 or 依次 list before it, which pair with its figures (openList).
  if (
    !lastDraft &&
    scope < token.start &&
    (onlyFiller(text, scope, token.start) ||
      (saysRespectively(text, scope, token.start) && onlyFillerOrPlaces(ctx, scope, token.start)))
  ) {
    const open = openCueBefore(text, state.tokens, tc.t, tc.near, scope, true, ctx);
    if (open?.growth && open.family.growth)
      return newDraft(tc, open.family, open.family.growth, "percent", token.value, "");
  }
  // 甲市经济增速达到9.8%，乙市达到8.9%、丙市为8.7%: the same rate, place by place.
  const rate = lastDraft ? lastDraft : rateBefore;
  // 同比增长6.1%，去年同期为3.6%: the same rate, for the base period.
  const based = baseRate(state, tc, token.start);
  if (based) {
    const { family, indicator, subject } = based.rate;
    const draft = newDraft(tc, family, indicator, "percent", token.value, subject);
    draft.period = based.period;
    return draft;
  }
  // 台山紧随其后（4.8%）; 鹤山位居第二（6.0%）: a place ranked, its rate in brackets.
  const bracketed =
    rate?.unit === "percent" && rate.subject === ""
      ? placeBeforeBracket(ctx, scope, token.start)
      : undefined;
  if (bracketed && !placeOfBefore(ctx, scope, token.start)) {
    const draft = newDraft(tc, rate!.family, rate!.indicator, "percent", token.value, "");
    draft.period = rate!.period;
    draft.region = bracketed;
    return draft;
  }
  // 比全市（5.2%）: a compared scope word with its rate in brackets, the whole the place before is
  // compared with.
  const whole = rate?.unit === "percent" ? comparedWhole(state, tc, rate) : undefined;
  if (whole !== undefined) {
    if (!whole) return undefined;
    const draft = newDraft(tc, rate!.family, rate!.indicator, "percent", token.value, "");
    draft.period = rate!.period;
    draft.region = whole;
    return draft;
  }
  if (
    rate?.unit === "percent" &&
    rate.subject === "" &&
    onlyFillerOrPlaces(ctx, scope, token.start)
  ) {
    const draft = newDraft(tc, rate.family, rate.indicator, "percent", token.value, "");
    draft.period = rate.period;
    // 鹤山、开平、江海依次为9.1%、8.4%和7.7%: a 分别 or 依次 list pairs its places with its figures
    // one by one (openList), so the first figure is the first place's, not each place's.
    if (!saysRespectively(ctx.text, scope, token.start))
      tc.ellipticalPlaces = regionKeys(ctx, scope, token.start);
    return draft;
  }
  // 吉林、黑龙江增速相同，均为4.6%: the same rate, for each place of the clause before.
  const tied = sharedByClauseBefore(state, tc, token.start);
  const tiedRate = tied.length > 1 ? tiedFamily(state, tc) : undefined;
  if (tiedRate?.growth) {
    const draft = newDraft(tc, tiedRate, tiedRate.growth, "percent", token.value, "");
    tc.ellipticalPlaces = tied;
    return draft;
  }
  // 高于乙省的7.2%、丙省的6.6%; 仅次于甲省的12.3%: a compared place's rate, of the rate
  // the sentence is comparing (the rate before it).
  const compared = placeOfBefore(ctx, scope, token.start);
  if (compared && rate?.unit === "percent" && rate.subject === "") {
    const draft = newDraft(tc, rate.family, rate.indicator, "percent", token.value, "");
    draft.period = rate.period;
    draft.region = compared;
    return draft;
  }
  // 甲省（6.1%）、乙省（5.8%）; 分别是：丙市9.7%、丁市9.1%: a place and its rate, of the
  // indicator its sentence or paragraph is about.
  if (placeRightBefore(ctx, scope, token.start)) {
    const topic = rateTopic(state, tc);
    if (topic) {
      const draft = newDraft(tc, topic, topic.growth!, "percent", token.value, "");
      tc.ellipticalPlaces = regionKeys(ctx, scope, token.start);
      return draft;
    }
  }
  return undefined;
}

/** The indicator of a rate shared by the places of the clause before it (新疆、湖北并列第二，均增长
 * 6.1%): the rate just stated, when it is region-wide, else what the sentence or paragraph is about. */
function tiedFamily(state: BindState, tc: TokenContext): Family | undefined {
  const last = state.lastDraft;
  if (last?.unit === "percent" && last.subject === "" && last.family.growth) return last.family;
  return rateTopic(state, tc);
}

/** The indicator a rate with no cue of its own is of: the cue of an earlier clause of its
 * sentence that no number took (从GDP同比增速来看，…分别是：北京10.7%), else the topic its
 * paragraph carries (a cue stated before, a title's, the headline's). */
function rateTopic(state: BindState, tc: TokenContext): Family | undefined {
  const open = openCueBefore(
    state.ctx.text,
    state.tokens,
    tc.t,
    tc.near,
    tc.scope,
    true,
    state.ctx,
  );
  // …增长6.9%，居首位；鹤山、恩平紧随其后，增速分别为6.2%、5.8%: the rate before, for others.
  const before = state.lastDraft?.unit === "percent" && !state.lastDraft.subject;
  const family = open?.family ?? (before ? state.lastDraft!.family : state.carry.topic);
  return family?.growth ? family : undefined;
}

/** The place of the table named right before `at` with a 的 between (乙省的7.2%; 乙省同期的
 * 2%: 同期 may stand between), or a compared place right before an opening bracket (高于佛山（-4.2%）),
 * in the number's own words. */
function placeOfBefore(ctx: DocContext, scope: number, at: number): string | undefined {
  const { text } = ctx;
  // 高于佛山（-4.2%）: a compared place with its rate in brackets right after it.
  if (text[at - 1] === "（" || text[at - 1] === "(") {
    const places = within(ctx.places, scope, at - 1);
    const last = places[places.length - 1];
    return last?.end === at - 1 && last.compared && last.place.type === "region"
      ? last.place.key
      : undefined;
  }
  if (text[at - 1] !== ATTRIBUTIVE) return undefined;
  const places = within(ctx.places, scope, at - 1);
  const last = places[places.length - 1];
  if (!last || last.place.type !== "region") return undefined;
  const between = text.slice(last.end, at - 1);
  if (between !== "" && !SAME_TIME_WORDS.includes(between)) return undefined;
  // 占开平的40%: a share, not 开平's figure.
  const words = text.slice(scope, last.start);
  return SHARE_WORDS.some((w) => words.includes(w)) ? undefined : last.place.key;
}

/** The region of a compared context word right before an opening bracket and the rate
 * (台山市…增长6.1%，比全市（5.2%）高…): what the word stands for, or, when that is the place of the rate
 * it is compared with, that place's parent if its name fits (全市 → 江门市); "" when it stands for
 * none; undefined when no such word stands there. */
function comparedWhole(state: BindState, tc: TokenContext, rate: Draft): string | undefined {
  const { ctx, sentence } = state;
  const at = tc.token.start;
  if (ctx.text[at - 1] !== "（" && ctx.text[at - 1] !== "(") return undefined;
  const places = within(ctx.places, tc.scope, at - 1);
  const last = places[places.length - 1];
  if (!last || last.end !== at - 1 || !last.compared || last.place.type !== "context")
    return undefined;
  // 占全市（40%）: a share, no one's rate.
  if (SHARE_WORDS.some((w) => ctx.text.slice(tc.scope, last.start).includes(w))) return "";
  const suffix = last.place.suffix;
  const key = mentionRegion(ctx, last, sentence);
  if (!key || key !== rate.region) return key ?? "";
  const parent = ctx.gaz.regions.get(key)?.parent;
  return parent && ctx.gaz.regions.get(parent)?.name.endsWith(suffix) ? parent : "";
}

/** rateTopic as an open cue for rateAfterCue. */
function rateTopicOpen(
  state: BindState,
  tc: TokenContext,
): { start: number; family: Family } | undefined {
  const family = rateTopic(state, tc);
  return family ? { start: tc.scope, family } : undefined;
}

/** True when a bare growth word (增速, 增幅), perhaps after 的, follows the rate in its clause. */
function bareGrowthAfter(text: string, at: number, stop: number): boolean {
  const m = CUES.matchAt(text, text[at] === ATTRIBUTIVE ? at + 1 : at, stop);
  return !!m && m.value.type === "growth" && !m.value.family && m.value.sign === 1;
}

/** True when a place of the table ends right before the rate, an opening bracket or a short
 * filler word at most between (甲省（6.1%）, 丙市9.7%, 丁省以7.0%领跑), and its words hold nothing but
 * filler and places. */
function placeRightBefore(ctx: DocContext, scope: number, at: number): boolean {
  const open = ctx.text[at - 1] === "（" || ctx.text[at - 1] === "(" ? at - 1 : at;
  const places = within(ctx.places, scope, open);
  const last = places[places.length - 1];
  return (
    !!last &&
    (last.end === open || (open - last.end <= 2 && onlyFiller(ctx.text, last.end, open))) &&
    last.place.type === "region" &&
    !last.compared &&
    // 上半年惠州以6.2%领跑: the period may come with the place; 增速排名前三的是鹤山（12.6%）: a
    // ranking head may open the clause.
    (onlyFillerOrPlaces(ctx, afterRankingHead(ctx, scope, at), at) ||
      onlyFillerPeriodsAndPlaces(ctx, scope, at))
  );
}
