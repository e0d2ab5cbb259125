// Amounts (CNY): a money figure binds to the value cue before it, to the cue after it (3151.08亿元的
// 经济总量), or continues the figure before it; thresholds (10亿元以上项目) and differences
// (增加了约1.36万亿元) are no figures.

import type { NumberToken } from "../numbers.ts";
import { SENTENCE_WINDOW, within, type DocContext } from "../context.ts";
import { kindLexicon } from "../lexicon.ts";
import { clauseStart } from "../segment.ts";
import {
  CARRY_CUES,
  BREAKDOWN_FAMILIES,
  BREAKDOWN_MARKERS,
  CUES,
  cueSubject,
  LEVEL_MARKERS,
  LIST_CONNECTORS,
  PROJECT_NOUNS,
  THRESHOLD_NOUNS,
} from "../indicators.ts";
import type { Family } from "../indicators.ts";
import {
  newDraft,
  type BindState,
  type BreakdownHead,
  type Draft,
  type TokenContext,
} from "./state.ts";
import {
  ATTRIBUTIVE,
  CONTRIBUTION_WORDS,
  withoutAttributive,
  INDUSTRY_NAME_ENDINGS,
  PROJECT_NAME_COUNT,
  PROJECT_NAME_NOUN,
  SUBJECT_BARE,
  PUNCT,
  THRESHOLD_BOUND,
  THRESHOLD_CONDITIONS,
  POLICY_TARGETS,
  COUNTED_GROUP,
  REFERENCE_WORDS,
} from "./lexicon.ts";
import {
  cueAfter,
  hasDigit,
  namedCueAfter,
  notCueAfter,
  fillerPlacesOrPeriodsOnly,
  isDigitCode,
  onlyFiller,
  onlyFillerOrComparisons,
  onlyFillerOrPeriods,
  afterRankingHead,
  onlyFillerOrPlaces,
  placeBeforeBracket,
  subjectBefore,
  productBetween,
  trimFiller,
  valueCueBefore,
  datingPeriods,
  sectorsCue,
  undatedFromLevel,
  placeFromLevel,
  onlyFillerPeriodsAndPlaces,
  onlyFillerPlacesOrPeriods,
} from "./text.ts";
import { openItems } from "./lists.ts";
import { breakdownHead } from "./breakdown.ts";
import { isGoal } from "./kinds.ts";

/** How far back an open cue (总产值突破万亿，达…) may stand from its amount, in characters. */
const OPEN_CUE_WINDOW = 40;

/** A money amount that is part of a class of projects or firms (10亿元以上项目, 超百亿元项目). */
export function isThreshold(
  text: string,
  token: NumberToken,
  clauseStop: number,
  clauseFrom = token.start,
): boolean {
  const window = text.slice(token.numEnd, Math.min(clauseStop, token.numEnd + 12));
  const m = THRESHOLD_BOUND.exec(window)!;
  let rest = window.slice(m[0].length);
  // 超10亿元的内资项目 is a class as 10亿元以上的项目 is; 投资10亿元的项目 names one amount.
  // 总投资逾100亿元的24个重大项目 is the batch's total: a count before the noun names the batch.
  const qualified = token.qualifier === "more_than" || token.qualifier === "less_than";
  // 对总投资5亿元以上、且投资强度达标的制造业项目: in a clause naming whom a measure is for (对…),
  // a bound amount and a further condition of the same class, joined, up to 的 and its noun.
  if (
    (m[1] || qualified) &&
    THRESHOLD_CONDITIONS.some((w) => rest.startsWith(w)) &&
    POLICY_TARGETS.some((w) => text.startsWith(w, clauseFrom))
  )
    return conditionedClass(text, token.numEnd + m[0].length, clauseStop);
  if ((m[1] || qualified) && rest.startsWith(ATTRIBUTIVE)) rest = rest.slice(ATTRIBUTIVE.length);
  else if (rest.startsWith(ATTRIBUTIVE)) return false;
  if (!m[1] && /^\d/.test(rest)) return false;
  for (let i = 0; i <= Math.min(6, rest.length); i++) {
    if (PUNCT.test(rest[i] ?? "") || rest[i] === ATTRIBUTIVE) return false;
    if (THRESHOLD_NOUNS.some((n) => rest.startsWith(n, i))) return true;
  }
  return false;
}

/** Longest further condition of a class after a bound amount, in characters. */
const CONDITION_LIMIT = 24;

/** True when text[from, clauseStop) goes on, with no figure, to 的 and a threshold noun within a
 * few characters (、且固定资产投资强度达到要求的制造业项目): the condition's class. */
function conditionedClass(text: string, from: number, clauseStop: number): boolean {
  const rest = text.slice(from, Math.min(clauseStop, from + CONDITION_LIMIT));
  for (let at = rest.indexOf(ATTRIBUTIVE); at >= 0; at = rest.indexOf(ATTRIBUTIVE, at + 1)) {
    if (/\d/.test(rest.slice(0, at))) return false;
    const noun = rest.slice(at + 1, at + 1 + 8);
    if (PUNCT.test(noun.slice(0, 1))) return false;
    for (let i = 0; i <= 6; i++) {
      if (PUNCT.test(noun[i] ?? "")) break;
      if (THRESHOLD_NOUNS.some((n) => noun.startsWith(n, i))) return true;
    }
  }
  return false;
}

/** True when a growth or decline word stands right before an amount (增加了约1.36万亿元): the
 * amount is a difference between two figures, not a figure. A level marker (增长到, 回落至) states
 * the figure itself. */
function changeBefore(text: string, from: number, at: number): boolean {
  return changeWordBefore(text, from, at) !== undefined;
}

/** The start of the growth or decline word that makes the amount at `at` a change (see
 * changeBefore), or undefined. */
function changeWordBefore(text: string, from: number, at: number): number | undefined {
  let found: { start: number; end: number } | undefined;
  for (const m of CUES.scan(text, Math.max(from, at - 10), at))
    found = m.value.type === "growth" && !m.value.family ? m : undefined;
  if (!found) return undefined;
  for (let i = found.end; i < at; i++) if (LEVEL_MARKERS.includes(text[i]!)) return undefined;
  return onlyFiller(text, found.end, at) ? found.start : undefined;
}

/** True when the amount at `at` is a change said in a clause of its own with nothing but filler
 * before its growth word (，比上年增加1200多亿元，): the change of the figure just stated, so a
 * rate after it (，增长5.8%) is still that figure's. */
export function changeOfFigureBefore(text: string, from: number, at: number): boolean {
  const word = changeWordBefore(text, from, at);
  return word !== undefined && onlyFiller(text, from, word);
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

/** The value cue of an earlier clause of the sentence that no number followed (总产值突破千亿，
 * 为1018.6亿元; 从GDP总量来看，甲省稳居第一，为98765.4亿元), for the amount at tokens[t]. */
export function openCueBefore(
  text: string,
  tokens: readonly NumberToken[],
  t: number,
  from: number,
  at: number,
  joinGrowth = false,
  ctx?: DocContext,
): { start: number; end: number; family: Family; growth: boolean } | undefined {
  const floor = Math.max(from, at - OPEN_CUE_WINDOW, t > 0 ? tokens[t - 1]!.end : from);
  let found: { start: number; end: number; family: Family; growth: boolean } | undefined;
  for (const m of CUES.scan(text, floor, at)) {
    if (m.value.type === "value" && !m.value.nameOnly)
      found = { start: m.start, end: m.end, family: m.value.family, growth: false };
    // 投资增速较一季度回升2.1个百分点，达到5.6%: a growth word that names its indicator (alone
    // in its clause but for filler, places and periods, when bare) is that indicator's rate too.
    else if (
      joinGrowth &&
      ctx &&
      m.value.type === "growth" &&
      m.value.family &&
      (!m.value.bare || onlyFillerPlacesOrPeriods(ctx, clauseStart(text, m.start, from), m.start))
    )
      found = { start: m.start, end: m.end, family: m.value.family, growth: true };
    // For a rate, a growth word after the cue in its clause with no figure between (固定资产投资
    // 增速, 固定资产投资已连续多月负增长) is that indicator's.
    else if (
      joinGrowth &&
      m.value.type === "growth" &&
      found &&
      sameClause(text, found.end, m.start)
    ) {
      found.end = m.end;
      found.growth = true;
    } else if (m.value.type !== "value") found = undefined;
  }
  return found;
}

/** True when text[from, to) holds no mark that ends a clause and no digit. */
function sameClause(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (PUNCT.test(text[i]!)) return false;
  return !hasDigit(text, from, to);
}

/** Where a counted group (有5个省份, 共3个区县) starts when text[from, to) is one with only filler
 * around it; -1 otherwise. */
function countedGroupStart(text: string, from: number, to: number): number {
  const m = COUNTED_GROUP.exec(text.slice(from, to));
  if (!m) return -1;
  const at = from + m.index;
  return onlyFiller(text, from, at) && onlyFiller(text, at + m[0].length, to) ? at : -1;
}

/** The base period of a comparison (相比2020年…110760.94亿元, 比2020年的61280亿元) that the amount
 * at `at` states, when no growth word stands between them. */
function comparisonBase(ctx: DocContext, from: number, at: number): string | undefined {
  const periods = within(ctx.periods, from, at);
  const last = periods[periods.length - 1];
  if (!last?.base) return undefined;
  for (const m of CUES.scan(ctx.text, last.end, at))
    if (m.value.type === "growth") return undefined;
  return last.base;
}

/**
 * The name after 的 (投资2.1亿元的金隆电器、…): up to a list mark, a number or the next cue. A
 * count right after 的 (总投资逾100亿元的24个重大项目) is a figure of its own: the name is the noun
 * it counts. A numeral joined to Latin letters (50GWh动力电池项目, 5G基站) is part of the name.
 */
function nameAfter(text: string, from: number, to: number): string | undefined {
  const count = PROJECT_NAME_COUNT.exec(text.slice(from, to));
  if (count) from += count[0].length;
  let end = from;
  while (end < to && !PUNCT.test(text[end]!)) {
    if (isDigitCode(text.charCodeAt(end))) {
      let spec = end;
      while (spec < to && (isDigitCode(text.charCodeAt(spec)) || text[spec] === ".")) spec++;
      if (!LATIN_LETTER.test(text[spec] ?? "")) break;
      end = spec;
      continue;
    }
    const cue = CUES.matchAt(text, end, to);
    if (cue && cue.value.type === "value") break;
    end++;
  }
  while (end > from && LIST_CONNECTORS.has(text[end - 1]!)) end--;
  // A project's name ends with its noun; what follows it (在一季度集中动工) is the event.
  const noun = text.lastIndexOf(PROJECT_NAME_NOUN, end - PROJECT_NAME_NOUN.length);
  if (noun >= from) end = noun + PROJECT_NAME_NOUN.length;
  // A name that is only a count (的24个) says nothing more than the count beside it.
  return end - from >= 2 && !isDigitCode(text.charCodeAt(end)) ? text.slice(from, end) : undefined;
}

const LATIN_LETTER = /[A-Za-z]/;

/** The nearest named project before `at` in the sentence (信义集团鹤山玻璃产业基地项目): the words
 * before a 项目, back to punctuation, 的, or a period named. */
function projectNameBefore(ctx: DocContext, from: number, at: number): string | undefined {
  const { text } = ctx;
  const noun = PROJECT_NAME_NOUN;
  for (
    let i = text.lastIndexOf(noun, at - noun.length);
    i >= from;
    i = text.lastIndexOf(noun, i - 1)
  ) {
    // Place names are often part of a project's name; a period is not.
    let floor = from;
    for (const m of within(ctx.periods, from, i)) floor = Math.max(floor, m.end);
    let s = i;
    while (s > floor && !PUNCT.test(text[s - 1]!) && text[s - 1] !== ATTRIBUTIVE) s--;
    const name = text.slice(s, i + noun.length).replace(PROJECT_NAME_COUNT, "");
    if (name.length >= 4) return name;
    if (i === 0) break;
  }
  return undefined;
}

/** The place of the table right after `at` with a 的 before it (8120.5亿元的乙省). */
function placeAfterOf(ctx: DocContext, at: number, stop: number): string | undefined {
  if (ctx.text[at] !== ATTRIBUTIVE) return undefined;
  const m = within(ctx.places, at + 1, stop)[0];
  return m && m.start === at + 1 && m.place.type === "region" ? m.place.key : undefined;
}

/** True when the amount is named by the bare word 投资 right before it (政府投资45亿元, 社会投资
 * 135亿元) just after an investment figure of the sentence: a part of that investment. */
function investmentPart(state: BindState, tc: TokenContext): boolean {
  const { lastValue, ctx } = state;
  if (!lastValue || lastValue.unit !== "CNY" || !lastValue.family.name.endsWith("investment"))
    return false;
  const m = CUES.matchEndingAt(ctx.text, tc.token.start, tc.scope);
  return !!m && m.value.type === "value" && m.value.nameOnly && m.start - tc.scope <= 8;
}

/** The colons after a row's label (先进制造业：). */
const LABEL_COLONS = "：:";
/** How far back a row's label may start from its colon (其中：计算机通信和其他电子设备制造业：). */
const BREAKDOWN_LABEL_LIMIT = 24;

/** The industry and indicator of an amount with no cue of its own that a breakdown word lists
 * after the sentence's region-wide amount (其中先进制造业486.3亿元; 其中：高技术制造业 in a
 * table's row), a leading breakdown word and its comma left out of the part's name. */
function amountPart(state: BindState, tc: TokenContext): ReturnType<typeof breakdownHead> {
  const { ctx, sentence, drafts, carry } = state;
  const { text } = ctx;
  if (tc.token.classifier === "") return undefined;
  // The head: the sentence's last region-wide amount, else the region-wide rate a breakdown of
  // this sentence or the one before it would list the parts of (…增长6.9%。其中，先进制造业…).
  let head: BreakdownHead | undefined;
  for (let i = drafts.length - 1; i >= 0 && !head; i--) {
    const d = drafts[i]!;
    if (d.unit === "CNY" && d.subject === "" && BREAKDOWN_FAMILIES.has(d.family.name)) head = d;
  }
  head ??= carry.head;
  if (!head) return undefined;
  // A part named as a row's label, before a colon, its figure dated after it (其中：先进制造业：
  // 1—10月486.30亿元, a table's row read as a sentence): the name is the label.
  let from = tc.scope;
  let to = tc.token.start;
  if (LABEL_COLONS.includes(text[from - 1] ?? "") && onlyFillerOrPeriods(ctx, from, to)) {
    to = from - 1;
    from = clauseStart(text, to, Math.max(sentence.start, to - BREAKDOWN_LABEL_LIMIT));
  }
  const marker = BREAKDOWN_MARKERS.find((w) => text.startsWith(w, from));
  if (marker) from += marker.length;
  while (from < to && PUNCT.test(text[from]!)) from++;
  return breakdownHead(ctx, head, sentence, from, to, undefined, head.unit);
}

/** True when an amount with no cue of its own takes the paragraph's topic: a place heads its
 * clause, nothing but filler stands between them, and no cue stands in its sentence before it nor
 * after it in its clause (台山市以200亿元的投资 is investment, not the topic). */
export function topicApplies(state: BindState, tc: TokenContext, at = tc.token.start): boolean {
  const { ctx, carry } = state;
  // A bare amount needs its magnitude (亿元); a rate is a rate.
  if (!carry.topic || (tc.token.unit !== "percent" && tc.token.classifier === "")) return false;
  // 3100亿元，同比增长5%，今年前三季度…: an amount that opens its paragraph, under a headline
  // that names one indicator, is that indicator's when nothing in the paragraph names another.
  const named = (m: { value: { type: string } }) => m.value.type !== "growth";
  const p = state.ctx.paragraphs[state.sentence.paragraph]!;
  if (tc.token.unit === "CNY" && onlyFiller(ctx.text, p.start, at)) {
    // Its sentence must read as a statistic, with a growth word after it (同比增长5.6%): an
    // amount that opens a paragraph of another kind (5亿元！这是一笔订单) is no one's figure.
    const end = Math.min(p.end, tc.token.end + SENTENCE_WINDOW);
    const after = CUES.scan(ctx.text, tc.token.end, end);
    const grows = CUES.scan(ctx.text, tc.token.end, state.sentence.end).some(
      (m) => m.value.type === "growth",
    );
    return grows && !after.some(named);
  }
  // The place may come with the period (上半年安徽增速达到9.6%).
  // 总量排名前三的是蓬江（790亿元）: a ranking head may open the clause.
  const from = afterRankingHead(ctx, tc.scope, at);
  if (!onlyFillerOrPlaces(ctx, from, at) && !onlyFillerPeriodsAndPlaces(ctx, tc.scope, at))
    return false;
  // A cue in the sentence before it (若看人均GDP，甲地仅为3.2万元) or after it in its clause
  // names what the amount is; the topic is only for amounts that nothing names.
  return (
    !CUES.scan(ctx.text, tc.near, tc.scope).some(named) &&
    !CUES.scan(ctx.text, tc.token.end, tc.ce).some(named)
  );
}

/** Where a clause's words start after a deadline word opening it (到2030年突破1000亿元): the
 * period after 到 is the figure's, and 到 only says it is a deadline. */
function afterDeadlineWord(text: string, scope: number): number {
  const word = kindLexicon.deadlines.before.find((w) => text.startsWith(w, scope));
  return word ? scope + word.length : scope;
}

/** A clause's percentage-point figure (高于全国0.8个百分点, 拉动经济增长1.8个百分点). */
const POINTS_CLAUSE = /[^，,；;。]*?\d+(?:\.\d+)?个百分点/g;

/** True when text[from, to) states no figure: no digit but those of percentage-point differences
 * (增长6.1%，高于全国0.8个百分点，总量达2.1万亿元: the difference is said of the rate, and the level
 * after it is still the one the rate brought the indicator to). A contribution (拉动…个百分点) is
 * a figure of its own. */
function noFigureBetween(text: string, from: number, to: number): boolean {
  const rest = text
    .slice(from, to)
    .replace(POINTS_CLAUSE, (clause) =>
      CONTRIBUTION_WORDS.some((w) => clause.includes(w)) ? clause : "",
    );
  return !/\d/.test(rest);
}

/** Binds a money amount: its indicator and subject, or undefined when it states no figure. */
export function bindAmount(state: BindState, tc: TokenContext): Draft | undefined {
  const { ctx, tokens, lastDraft, lastValue } = state;
  const { text } = ctx;
  const { token, t, near, cs, ce, scope } = tc;
  const dating = datingPeriods(ctx, scope, token.start);
  const cue = changeBefore(text, scope, token.start)
    ? undefined
    : valueCueBefore(text, scope, token.start, text[token.end] === ATTRIBUTIVE, dating);
  let family = cue?.family;
  let subject = "";
  let unbound: ReturnType<typeof levelAfterUnboundRate>;
  let part: ReturnType<typeof amountPart>;
  if (changeBefore(text, scope, token.start)) {
    // 增加了约1.36万亿元: a difference between two figures.
    family = undefined;
  } else if (cue && continuesIndicator(text, cue, lastDraft)) {
    // 固定资产投资年均增长9.5%，累计完成投资超7000亿元: the same investment, in total.
    family = lastDraft!.family;
    subject = lastDraft!.subject;
  } else if (cue) {
    subject = subjectBefore(ctx, scope, cue.start);
    const cut = subject.lastIndexOf(ATTRIBUTIVE);
    if (cut >= 0) subject = subject.slice(cut + 1);
    if (cue.family.name === "project_investment" || cue.family.name === "output_value") {
      // Prefer the project's full name when the words before the cue are not one.
      const name = projectNameBefore(ctx, near, cue.start);
      // 十大重点项目完成投资…，水暖卫浴产业集群产值…: an industry its own clause names is what the
      // output is about, not a project of an earlier clause.
      const industry = INDUSTRY_NAME_ENDINGS.some((w) => subject.endsWith(w));
      if (name && !industry && (!subject.endsWith(PROJECT_NAME_NOUN) || name.endsWith(subject)))
        subject = name;
      // 该项目总投资12亿元: the project an earlier sentence of the paragraph named.
      if (REFERENCE_WORDS.some((w) => subject === w + PROJECT_NAME_NOUN)) {
        const p = ctx.paragraphs[state.sentence.paragraph]!;
        const named = projectNameBefore(ctx, Math.max(p.start, near - SENTENCE_WINDOW), near);
        // Only a name that is clearly one: after 的 or opening with a place (新会区的甲乙储能项目,
        // 开平甲乙项目), not words of an event before it (传出甲乙项目动工的消息).
        const at = named ? text.lastIndexOf(named, near) : -1;
        const clear =
          at > 0 &&
          !REFERENCE_WORDS.some((w) => named!.startsWith(w)) &&
          (text[at - 1] === ATTRIBUTIVE || ctx.gaz.matcher.matchAt(text, at, at + named!.length));
        if (clear) subject = named!;
      }
    }
    const after = text.slice(token.end, Math.min(ce, token.end + 31));
    // 实现1000亿元的目标: a goal is what the amount is, not what it is about.
    if (after.startsWith(ATTRIBUTIVE) && !isGoal(text, token)) {
      const name = nameAfter(text, token.end + 1, Math.min(ce, token.end + 31));
      // 的24个项目: a bare noun names nothing more than the words before the amount did.
      if (name && !SUBJECT_BARE.includes(name)) subject = name;
    }
  } else {
    // 但6.8万元的人均GDP仍低于全市平均: the amount is what the word after it names.
    if (notCueAfter(text, token.end, ce)) return undefined;
    family = cueAfter(text, token.end, ce, "CNY");
    const named = family ? undefined : namedCueAfter(text, token.end, ce);
    if (named) {
      // 杜阮镇以186.2亿元的规上工业总产值位居第一: the cue after 的 and a short name.
      family = named.family;
      subject = named.subject;
    }
    const owner = family ? undefined : placeAfterOf(ctx, token.end, ce);
    if (owner && (lastValue?.unit === "CNY" || state.carry.topic?.unit === "CNY")) {
      // 距离8120.5亿元的乙省仅一步之遥; 4.2万亿元的甲市: a value before its place is that
      // place's, of the amount the sentence compares it with or the paragraph's topic.
      const draft = newDraft(
        tc,
        lastValue?.family ?? state.carry.topic!,
        (lastValue?.family ?? state.carry.topic!).value,
        "CNY",
        token.value,
        "",
      );
      draft.region = owner;
      if (lastValue) draft.period = lastValue.period;
      return draft;
    }
    if (
      !family &&
      token.classifier !== "" &&
      lastValue &&
      lastValue.unit === "CNY" &&
      (onlyFiller(text, scope, token.start) ||
        onlyFillerOrPlaces(ctx, afterRankingHead(ctx, scope, token.start), token.start) ||
        // 蓬江区次之（790亿元）; 仅次于新会区（812亿元）: a place ranked, its amount in brackets.
        placeBeforeBracket(ctx, scope, token.start) !== undefined ||
        onlyFillerOrComparisons(ctx, scope, token.start) ||
        onlyFillerOrPeriods(ctx, scope, token.start) ||
        placeFromLevel(ctx, scope, token.start) ||
        onlyFillerPeriodsAndPlaces(ctx, scope, token.start))
    ) {
      // 达503.23亿元 after 首次突破500亿元; 其中蓬江区完成80亿元 after the city's total; 增长到
      // 2023年的4022亿元 after 从2019年的3146亿元: the same indicator, another period.
      family = lastValue.family;
      subject = lastValue.subject;
    } else if (
      !family &&
      token.classifier !== "" &&
      !lastValue &&
      lastDraft?.unit === "percent" &&
      lastDraft.subject === "" &&
      lastDraft.family.unit === "CNY" &&
      scope > lastDraft.token.end &&
      noFigureBetween(text, lastDraft.token.end, scope) &&
      (onlyFiller(text, scope, token.start) ||
        onlyFillerOrPeriods(ctx, afterDeadlineWord(text, scope), token.start))
    ) {
      // 固定资产投资同比增长12%，总量达到300亿元: the level the rate before it brought the same
      // indicator to, when no value was stated yet (年均增长6%以上，到2030年突破1000亿元: by a deadline); 年均增长6.2%，从2020年的612亿元增加到…: the
      // levels it ran between, each dated by its own period.
      family = lastDraft.family;
    } else if (!family && t > 0 && (unbound = levelAfterUnboundRate(state, tc))) {
      // 农业总产值同比增长5.2%，达到9.8亿元: the level of an indicator with no rate of its own.
      family = unbound.family;
      // Its subject is in the cue's own clause (…增长12.1%，其中规上工业产值增长15.3%: 规上工业).
      const from = clauseStart(text, unbound.start, Math.max(near, unbound.start - 30));
      subject = subjectBefore(ctx, from, unbound.start);
    } else if (!family && investmentPart(state, tc)) {
      // 计划安排投资180亿元，其中政府投资45亿元: a part of the investment before it.
      family = lastValue!.family;
      subject = withoutAttributive(trimFiller(text, scope, token.start));
      for (const w of BREAKDOWN_MARKERS)
        if (subject.startsWith(w)) subject = subject.slice(w.length);
    } else if (!family && (part = amountPart(state, tc))) {
      // 规上工业增加值1172.45亿元，增长6.9%，其中先进制造业486.3亿元: an industry's part of the
      // amount the breakdown word follows, as its rate would be (其中，先进制造业增长9.4%).
      family = part.family;
      subject = part.subject;
    } else if (
      !family &&
      (fillerPlacesOrPeriodsOnly(ctx, scope, token.start) ||
        countedGroupStart(text, cs, token.start) >= 0)
    ) {
      // 甲区工业总产值突破千亿，为1018.6亿元: the cue of an earlier clause that no number took;
      // the clause may date its level (地区生产总值稳居全省第一，2024年达到2.67万亿元).
      // 从GDP总量看，有5个省份超过万亿: a counted group passing a bar names what it passes no
      // more than a place does (whose bar it is, bind.ts decides); its count is no figure and
      // does not stand between the bar and the cue.
      const group = countedGroupStart(text, cs, token.start);
      let before = t;
      while (group >= 0 && before > 0 && tokens[before - 1]!.start >= group) before--;
      const open = openCueBefore(text, tokens, before, near, group >= 0 ? group : scope);
      if (open) {
        family = open.family;
        subject = subjectBefore(ctx, Math.max(near, open.start - 30), open.start);
        const cut = subject.lastIndexOf(ATTRIBUTIVE);
        if (cut >= 0) subject = subject.slice(cut + 1);
        // 出口额5.2亿美元，约合人民币36.8亿元: the cue's own subject, as when it stands in the clause.
        if (!subject) subject = cueSubject(text.slice(open.start, open.end));
      } else if (topicApplies(state, tc)) {
        // 广东21个地市GDP出炉。深圳以32387.68亿元居首: a place and its amount, in a paragraph
        // about one money indicator.
        family = state.carry.topic;
      }
    }
  }
  // 出口机电产品694.2亿元: the goods, as 机电产品出口694.2亿元 names them.
  const goods = cue && !subject ? productBetween(text, cue, token.start) : undefined;
  if (goods) subject = goods;
  if (cue && !subject) subject = cueSubject(text.slice(cue.start, cue.end));
  if (!family || family.unit !== "CNY") return undefined;
  // 第二产业增速最快，增加值为2810.6亿元: the sector's value added, no indicator's.
  if (cue && family === cue.family && sectorsCue(text, tc.near, cue)) return undefined;
  const draft = newDraft(tc, family, family.value, "CNY", token.value, subject);
  // 地区生产总值由3146亿元增长到4022亿元: the level it rose from, of no stated time, is no
  // figure; it still names the indicator of the level reached.
  if (cue && undatedFromLevel(text, cue.end, token.start, dating)) draft.dropped = true;
  // ；同期河南由54259.2亿元增加到…: likewise for a place's level with the indicator carried.
  if (!cue && undatedFromLevel(text, scope, token.start, dating)) draft.dropped = true;
  openItems(state, tc, draft);
  // 比2020年的61280亿元: the base of a comparison is that period's figure.
  const basePeriod = comparisonBase(ctx, cs, token.start);
  if (basePeriod) draft.period = basePeriod;
  return draft;
}

/** The indicator whose level an amount states right after a rate that bound nothing, with only a
 * verb of level between (总产值同比增长5.2%，达到9.8亿元): the indicator named right before the rate
 * with its growth word, when it has no growth indicator (output value), so that its rate is no
 * fact but its level is. Undefined otherwise. */
function levelAfterUnboundRate(
  state: BindState,
  tc: TokenContext,
): { start: number; family: Family } | undefined {
  const { ctx, tokens, drafts } = state;
  const { text } = ctx;
  const { token, t, near, scope } = tc;
  const rate = tokens[t - 1]!;
  if (token.classifier === "" || rate.unit !== "percent") return undefined;
  if (drafts.some((d) => d.token === rate)) return undefined;
  if (scope <= rate.end || !onlyFiller(text, scope, token.start)) return undefined;
  const open = openCueBefore(text, tokens, t - 1, near, rate.start, true);
  return open?.growth && !open.family.growth && open.family.unit === "CNY" ? open : undefined;
}
