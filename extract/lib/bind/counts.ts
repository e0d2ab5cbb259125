// Counts (projects, enterprises): a count binds when the noun it counts stands right after it or
// right before it (24个重大项目, 企业1681家); firms counted at an event (组织30家企业参展) are no
// stock of the place. A bare count after a count of the same kind breaks it down or restates it.

import type { NumberToken } from "../numbers.ts";
import { within, type DocContext } from "../context.ts";
import { clauseStart } from "../segment.ts";
import { kindLexicon, periodLexicon } from "../lexicon.ts";
import {
  COUNT_MEASURES,
  COUNT_NOUN_WINDOW,
  ENTERPRISE_CLASSIFIERS,
  ENTERPRISE_NOUNS,
  EVENT_AFTER,
  ENTERPRISE_SAMPLE_WORDS,
  EVENT_BEFORE,
  FAMILIES,
  FILLERS,
  LEVEL_MARKERS,
  LIST_CONNECTORS,
  PROJECT_CLASSIFIERS,
  PROJECT_NOUNS,
  PROJECT_VERBS,
} from "../indicators.ts";
import { newDraft, type BindState, type Draft, type TokenContext } from "./state.ts";
import {
  asideStartBefore,
  datingPeriods,
  isDigitCode,
  onlyFiller,
  onlyFillerOrPeriods,
  afterRankingHead,
  onlyFillerOrPlaces,
  onlyFillerPlacesOrPeriods,
  subjectBefore,
  type Span,
  placeBeforeBracket,
} from "./text.ts";
import {
  ATTRIBUTIVE,
  BOUND_AMOUNT,
  CHANGE_SINCE_BASE,
  FLOW_WORDS,
  FROM_WORDS,
  PART_LOCATORS,
  PART_OF,
  PART_STATE_ADVERBS,
  PART_STATE_LEADS,
  PUNCT,
} from "./lexicon.ts";

/** An amount bounded by 以上/以下 (1000万美元以上), which qualifies a noun rather than counting. */

/** The noun right after a count (24个重大项目): its end, or -1. */
function nounAfter(text: string, from: number, stop: number, nouns: readonly string[]): number {
  let end = Math.min(stop, from + COUNT_NOUN_WINDOW);
  if (text[from] === "、") return -1; // 145家、… : the count has ended
  for (let i = from; i < end; i++) {
    const ch = text[i]!;
    if (isDigitCode(text.charCodeAt(i))) {
      // 38个投资总额300万美元以上新设外资项目: a threshold inside the noun phrase.
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

const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const STATE_VERBS = longestFirst(PROJECT_VERBS);
const STATE_LEADS = longestFirst(PART_STATE_LEADS);
const STATE_ADVERBS = longestFirst(PART_STATE_ADVERBS);

/** The project verb of a bare part count (其中61个已开工建设, 已有20个投产: right after it; 其中已竣工
 * 12个: right before it), when only a lead word (其中, 已有), filler, places and periods open its
 * clause; undefined otherwise. */
function partStateVerb(
  ctx: DocContext,
  scope: number,
  token: NumberToken,
  ce: number,
): string | undefined {
  const { text } = ctx;
  let at = token.start;
  let verb: string | undefined;
  const endingAt = (words: readonly string[]) =>
    words.find((w) => text.startsWith(w, at - w.length));
  const before = endingAt(STATE_VERBS);
  if (before && at - before.length >= scope) {
    verb = before;
    at -= before.length;
    const adverb = endingAt(STATE_ADVERBS);
    if (adverb) at -= adverb.length;
  } else {
    let after = token.end;
    const adverb = STATE_ADVERBS.find((w) => text.startsWith(w, after));
    if (adverb) after += adverb.length;
    verb = STATE_VERBS.find((w) => text.startsWith(w, after) && after + w.length <= ce);
    if (!verb) return undefined;
  }
  const lead = endingAt(STATE_LEADS);
  if (lead && at - lead.length >= scope) at -= lead.length;
  return onlyFiller(text, scope, at) ||
    onlyFillerPlacesOrPeriods(ctx, scope, at) ||
    onlyFillerAndDates(ctx, scope, at)
    ? verb
    : undefined;
}

const DATE_BEFORE = longestFirst([
  ...periodLexicon.cumulativePrefixes,
  ...kindLexicon.deadlines.before,
]);
const DATE_AFTER = longestFirst(kindLexicon.deadlines.ends);

/** True when text[from, to) holds only filler and dates said up to a month's end (到11月底,
 * 截至10月末): the period mentions with the words around them. */
function onlyFillerAndDates(ctx: DocContext, from: number, to: number): boolean {
  const { text } = ctx;
  let at = from;
  for (const p of within(ctx.periods, from, to)) {
    let start = p.start;
    const pre = DATE_BEFORE.find(
      (w) => start - w.length >= at && text.startsWith(w, start - w.length),
    );
    if (pre) start -= pre.length;
    if (!onlyFiller(text, at, start)) return false;
    at = p.end;
    const post = DATE_AFTER.find((w) => at + w.length <= to && text.startsWith(w, at));
    if (post) at += post.length;
  }
  return at > from && onlyFiller(text, at, to);
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
 * (41家和37家科创板上市公司 counts 科创板上市公司 twice). */
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

/** Longest modifier of one item in a list of counts sharing a noun (3个百亿级、8个十亿级项目). */
const SHARED_MODIFIER_LIMIT = 8;
/** The list marks, as a list to search (LIST_CONNECTORS is a set). */
const LIST_MARKS = [...LIST_CONNECTORS];

/**
 * Counts that share the noun of the last one (3个百亿级、8个十亿级项目; 5家国家级、12家省级专精特新
 * 企业): each earlier count is followed by its own modifier and a list mark, the last by the noun
 * phrase. The earlier count's subject is its modifier and the part of the last phrase after the
 * last item's modifier of the same shape (百亿级 + 项目 after 十亿级; 国家级 + 专精特新企业 after
 * 省级). Undefined when tokens[t] opens no such list.
 */
function sharedNounSubject(
  text: string,
  tokens: readonly NumberToken[],
  t: number,
  stop: number,
  nouns: readonly string[],
): string | undefined {
  const token = tokens[t]!;
  let modifier = "";
  let prevEnd = token.end;
  let first = true;
  for (let k = t + 1; k < tokens.length && tokens[k]!.start < stop; k++) {
    const next = tokens[k]!;
    // A bare magnitude inside a modifier (百亿级) is a word here, not a figure.
    if (next.classifier === "" && next.unit !== "percent") continue;
    if (next.classifier !== token.classifier) return undefined;
    const between = text.slice(prevEnd, next.start);
    prevEnd = next.end;
    const mark = LIST_MARKS.find((c) => between.endsWith(c) && between.length > c.length);
    if (!mark) return undefined;
    const own = between.slice(0, between.length - mark.length);
    if (own.length > SHARED_MODIFIER_LIMIT || PUNCT.test(own) || /\d/.test(own)) return undefined;
    if (nouns.some((n) => own.includes(n))) return undefined;
    if (first) [modifier, first] = [own, false];
    const end = nounAfter(text, next.end, stop, nouns);
    if (end < 0) continue;
    const phrase = text.slice(next.end, end);
    const noun = nouns.find((n) => phrase.endsWith(n)) ?? "";
    // The last item's own modifier ends where the first modifier's last character first recurs
    // (级, 类, 型): items of one shape. Without it (3个镇、8个十亿级项目) the first count is of
    // something else, and precision comes first.
    const shape = phrase.indexOf(modifier[modifier.length - 1] ?? "");
    if (shape < 0 || shape >= phrase.length - noun.length) return undefined;
    return modifier + phrase.slice(shape + 1);
  }
  return undefined;
}

/** The noun a count counts, when the text before the count ends with it (产业项目共51个,
 * 企业1681家), perhaps with an aside (（产品）) or the first level of a change between (企业从2019年的
 * 1000家, 企业由1000家): where the noun ends, and whether a 从/由 and a dating period stood between. */
function nounBefore(
  text: string,
  from: number,
  at: number,
  nouns: readonly string[],
  dating: readonly Span[],
  verbs: readonly string[] = [],
):
  | { end: number; fromWord: boolean; dated: boolean; verbed: boolean; changed: boolean }
  | undefined {
  let e = at;
  let fromWord = false;
  let changed = false;
  let dated = false;
  let verbed = false;
  for (let guard = 0; guard < 6 && e > from; guard++) {
    // 制造业项目签约1035个: one word of what was done with the projects, once.
    const verb: string | undefined = verbed
      ? undefined
      : verbs
          .filter((v) => e - v.length >= from && text.startsWith(v, e - v.length))
          .sort((a, b) => b.length - a.length)[0];
    if (verb) {
      [e, verbed] = [e - verb.length, true];
      continue;
    }
    const f = FILLERS.matchEndingAt(text, e, from);
    const period = dating.find((p) => p.end === e);
    const opens = FROM_WORDS.find((w) => e - w.length >= from && text.startsWith(w, e - w.length));
    const aside = asideStartBefore(text, e, from);
    const change: string | undefined = changed
      ? undefined
      : CHANGE_SINCE_BASE.find((w) => e - w.length >= from && text.startsWith(w, e - w.length));
    if (change) [e, changed] = [e - change.length, true];
    else if (f) e = f.start;
    else if (period) [e, dated] = [period.start, true];
    else if (opens) [e, fromWord] = [e - opens.length, true];
    else if ('”’"'.includes(text[e - 1]!)) e--;
    else if (aside >= 0) e = aside;
    // 高新技术企业的数量增至3126家: the particle between the noun and its measure (a filler).
    else if (text[e - 1] === ATTRIBUTIVE && e - 1 > from && endsWithNoun(text, from, e - 1, nouns))
      e--;
    else break;
  }
  const found = endsWithNoun(text, from, e, nouns);
  return found ? { end: e, fromWord, dated, verbed, changed } : undefined;
}

/** True when one of `nouns` ends at `e`, inside text[from, e). */
function endsWithNoun(text: string, from: number, e: number, nouns: readonly string[]): boolean {
  return nouns.some((n) => e - n.length >= from && text.startsWith(n, e - n.length));
}

/** The words naming what a number of firms or projects counts (专精特新中小企业) when the clause
 * right before the count's, in its sentence, states that number's rate (…企业数量增长35%): the noun
 * then one of countMeasures, then a percentage; undefined otherwise. */
function measuredNounBefore(
  state: BindState,
  tc: TokenContext,
  nouns: readonly string[],
): string | undefined {
  const { ctx, tokens, sentence } = state;
  const { text } = ctx;
  const end = tc.cs - 1;
  if (end <= sentence.start) return undefined;
  const start = clauseStart(text, end, sentence.start);
  const rate = tokens.find((t) => t.unit === "percent" && t.start >= start && t.end <= end);
  if (!rate) return undefined;
  for (const measure of COUNT_MEASURES) {
    const at = text.lastIndexOf(measure, rate.start);
    if (at <= start) continue;
    // 专精特新中小企业的数量: the particle may stand between the noun and its measure.
    const end = text[at - 1] === ATTRIBUTIVE ? at - 1 : at;
    const noun = nouns.find((n) => !n.endsWith(measure) && text.startsWith(n, end - n.length));
    if (noun) return subjectBefore(ctx, start, end);
  }
  return undefined;
}

const GOALS_AFTER: readonly string[] = kindLexicon.goalsAfter;

/** True when nothing but a list mark or the clause end follows a count: 项目11个, not 项目’六个要素;
 * or a word of reaching a level (1000家增加到…): the count is the level moved from. */
function endsPhrase(text: string, at: number, clauseStop: number): boolean {
  if (at >= clauseStop) return true;
  const ch = text[at]!;
  if (PUNCT.test(ch) || LIST_CONNECTORS.has(ch)) return true;
  // 新增规上工业企业150家以上的目标: the goal the count is the object of (kinds.json goalsAfter).
  if (GOALS_AFTER.some((w) => text.startsWith(w, at))) return true;
  const word = FILLERS.matchAt(text, at, clauseStop);
  return !!word && LEVEL_MARKERS.includes(text[word.end - 1]!);
}

/** True when an event word of `matcher` (not a neutral one) stands in text[from, to). */
function hasEventWord(
  matcher: typeof EVENT_AFTER,
  text: string,
  from: number,
  to: number,
): boolean {
  return matcher.scan(text, from, to).some((m) => m.value);
}

/** True when `between` two counts is the first one's noun and a word opening a part of it. */
function opensPart(between: string, noun: string): boolean {
  return noun !== "" && PART_OF.some((w) => between === noun + w);
}

/** True when the sentence names a period before `at`. */
function datedBefore(state: BindState, at: number): boolean {
  return within(state.ctx.periods, state.sentence.start, at).some((p) => p.label !== "");
}

/**
 * A row of a list of figures (规模以上工业企业：1—10月712家, 个体工商户：3.2万户, 规上工业企业10月
 * 当月新增：18家): a count standing alone after the colon that ends its clause's name, or after a
 * period and a word of what is new (新增), counts what the name before the colon names, as it would
 * with no colon between. Where the name starts and the subject it gives (新增 kept in it), or
 * undefined when the count is no such row's.
 */
function rowName(
  ctx: DocContext,
  sentenceStart: number,
  tc: TokenContext,
  nouns: readonly string[],
): { start: number; subject: string } | undefined {
  const { text } = ctx;
  const { token, cs, ce, scope } = tc;
  const colon = cs - 1;
  if (scope !== cs || colon <= sentenceStart || !ROW_COLONS.includes(text[colon]!))
    return undefined;
  if (!endsPhrase(text, token.end, ce)) return undefined;
  const endingWith = (at: number, from: number) =>
    FLOW_WORDS.find((w) => at - w.length >= from && text.startsWith(w, at - w.length));
  const flowAfter = endingWith(token.start, cs);
  const at = token.start - (flowAfter?.length ?? 0);
  if (at > cs && !onlyFiller(text, cs, at) && !onlyFillerOrPeriods(ctx, cs, at)) return undefined;
  const start = clauseStart(text, colon, sentenceStart);
  const flowBefore = endingWith(colon, start + 1);
  const nameEnd = colon - (flowBefore?.length ?? 0);
  const noun = nounBefore(text, start, nameEnd, nouns, datingPeriods(ctx, start, nameEnd));
  if (!noun || noun.fromWord) return undefined;
  const flow = flowAfter ?? flowBefore ?? "";
  return { start, subject: flow + subjectBefore(ctx, start, noun.end) };
}
/** The colons that end a row's name. */
const ROW_COLONS = "：:";

/** Binds a count of projects or enterprises, or undefined. */
export function bindCount(state: BindState, tc: TokenContext): Draft | undefined {
  const { ctx, tokens, lastValue } = state;
  const { text } = ctx;
  const { token, t, cs, ce, scope } = tc;
  // 每千人拥有企业数55.1户, 平均每个项目2.5个: firms and projects come whole; a fraction is a
  // ratio or an average, no count.
  if (!Number.isInteger(token.value)) return undefined;
  // A count of what its noun names, before it (企业1681家) or after it (24个重大项目); firms
  // counted at an event (组织20家企业参加) are no enterprise count.
  const countOf = (
    family: string,
    nouns: readonly string[],
    events: boolean,
    verbs: readonly string[] = [],
  ) => {
    const noun = endsPhrase(text, token.end, ce)
      ? nounBefore(text, scope, token.start, nouns, datingPeriods(ctx, scope, token.start), verbs)
      : undefined;
    const before = noun !== undefined;
    const after = before ? -1 : nounAfterList(text, tokens, t, ce, nouns);
    const shared = after < 0 && !before ? sharedNounSubject(text, tokens, t, ce, nouns) : undefined;
    const row =
      after < 0 && !before && shared === undefined
        ? rowName(ctx, state.sentence.start, tc, nouns)
        : undefined;
    if (after < 0 && !before && shared === undefined && !row) return undefined;
    const event =
      events &&
      (hasEventWord(EVENT_BEFORE, text, row?.start ?? cs, token.start) ||
        hasEventWord(EVENT_AFTER, text, after >= 0 ? after : token.end, ce) ||
        // 42家重点监测的限额以上零售企业: a sample watched to report a measure.
        ENTERPRISE_SAMPLE_WORDS.scan(text, cs, ce).length > 0);
    if (event) return undefined;
    const f = FAMILIES.get(family)!;
    if (row) {
      const draft = newDraft(tc, f, f.value, "count", token.value, row.subject);
      draft.rowName = row.start;
      return draft;
    }
    // The subject ends at the noun when a change's first level or a verb follows it (企业从2019年的
    // 1000家, 项目签约1035个); otherwise at the count, so that closing quotes and asides stay in it.
    const subjectEnd =
      noun && (noun.fromWord || noun.dated || noun.verbed || noun.changed) ? noun.end : token.start;
    const subject =
      shared ??
      (after >= 0
        ? text.slice(listEnd(text, tokens, t), after)
        : subjectBefore(ctx, scope, subjectEnd));
    const draft = newDraft(tc, f, f.value, "count", token.value, subject);
    // 企业由1000家增加到2300家: the level it rose from, of no stated time, is no figure; it still
    // names what the level reached counts.
    if (noun?.fromWord && !noun.dated) draft.dropped = true;
    // 企业比年初净增48家: a change against a base, no figure; it still names what the level said
    // after it counts (，达到2315家).
    if (noun?.changed) draft.dropped = true;
    return draft;
  };
  let draft: Draft | undefined;
  if (PROJECT_CLASSIFIERS.has(token.classifier))
    draft = countOf("project_count", PROJECT_NOUNS, false, PROJECT_VERBS);
  else if (ENTERPRISE_CLASSIFIERS.has(token.classifier))
    draft = countOf("enterprise_count", ENTERPRISE_NOUNS, true);
  // 全市引进项目50个，其中蓬江区12个: a bare count after a count of the same kind, broken down
  // by place; 新增单项冠军企业18家，累计达63家: or restated as a total. A part may say where or
  // what its items are after it (其中3家位于新会区), or follow the whole's noun (4家公司中有3家).
  if (
    !draft &&
    lastValue?.unit === "count" &&
    lastValue.token.classifier === token.classifier &&
    (endsPhrase(text, token.end, ce) || PART_LOCATORS.some((w) => text.startsWith(w, token.end))) &&
    (onlyFiller(text, scope, token.start) ||
      onlyFillerOrPlaces(ctx, afterRankingHead(ctx, scope, token.start), token.start) ||
      onlyFillerOrPeriods(ctx, scope, token.start) ||
      opensPart(text.slice(lastValue.token.end, token.start), lastValue.subject))
  ) {
    draft = newDraft(
      tc,
      lastValue.family,
      lastValue.indicator,
      "count",
      token.value,
      lastValue.subject,
    );
    // 广东以870家居首，江苏、浙江分别有720家和710家 after a dated count of firms: the same date.
    if (
      state.carry.firmsPeriod &&
      lastValue.indicator === "enterprise_count" &&
      lastValue.period === state.carry.firmsPeriod &&
      !datedBefore(state, token.start)
    )
      draft.period = lastValue.period;
  }
  // 新增规上工业企业43家，数量比肩新会区（45家）; 仅次于蓬江区（52个）: a place compared or ranked
  // with its bare count in brackets counts the kind counted before, for that place.
  const counted =
    draft || !endsPhrase(text, token.end, ce)
      ? undefined
      : state.drafts.findLast(
          (d) =>
            !d.dropped &&
            d.unit === "count" &&
            (PROJECT_CLASSIFIERS.has(token.classifier)
              ? d.indicator === "project_count"
              : ENTERPRISE_CLASSIFIERS.has(token.classifier) && d.indicator === "enterprise_count"),
        );
  const bracketed = counted
    ? countedPlaceBeforeBracket(ctx, scope, token.start, counted.indicator)
    : undefined;
  if (counted && bracketed) {
    draft = newDraft(tc, counted.family, counted.indicator, "count", token.value, counted.subject);
    draft.region = bracketed;
    draft.period = counted.period;
  }
  // 新签约项目86个，总投资340亿元，其中61个已开工建设: a bare count of projects with a project verb
  // is the part of the projects counted before in the sentence that is in that state.
  if (!draft && PROJECT_CLASSIFIERS.has(token.classifier)) {
    const whole = state.drafts.findLast((d) => d.indicator === "project_count" && !d.dropped);
    const verb = whole ? partStateVerb(ctx, scope, token, ce) : undefined;
    if (whole && verb)
      draft = newDraft(tc, whole.family, whole.indicator, "count", token.value, `${verb}项目`);
  }
  // 专精特新中小企业数量增长35%，达到860家: the level the number of firms reached, after its rate.
  if (!draft && onlyFiller(text, scope, token.start) && endsPhrase(text, token.end, ce)) {
    const project = PROJECT_CLASSIFIERS.has(token.classifier);
    if (project || ENTERPRISE_CLASSIFIERS.has(token.classifier)) {
      const subject = measuredNounBefore(state, tc, project ? PROJECT_NOUNS : ENTERPRISE_NOUNS);
      const f = FAMILIES.get(project ? "project_count" : "enterprise_count")!;
      if (subject !== undefined) draft = newDraft(tc, f, f.value, "count", token.value, subject);
    }
  }
  // 国家级专精特新“小巨人”企业1.46万家。从城市分布看，北京以1012家位居首位: a bare count of firms
  // right after a place, in a later sentence of the paragraph, counts the kind counted before.
  if (
    !draft &&
    state.carry.firms &&
    ENTERPRISE_CLASSIFIERS.has(token.classifier) &&
    onlyFillerOrPlaces(ctx, scope, token.start) &&
    !hasEventWord(EVENT_BEFORE, text, cs, token.start)
  ) {
    const f = FAMILIES.get("enterprise_count")!;
    draft = newDraft(tc, f, f.value, "count", token.value, state.carry.firms);
    // The same statistic at the same date, unless its own sentence dates it before the count.
    if (!datedBefore(state, token.start)) draft.period = state.carry.firmsPeriod;
  }
  return draft;
}

/** placeBeforeBracket for a bare count: the clause may open with the noun of what was counted
 * before (项目数量比肩佛山（291个）). */
function countedPlaceBeforeBracket(
  ctx: DocContext,
  scope: number,
  at: number,
  indicator: string,
): string | undefined {
  const found = placeBeforeBracket(ctx, scope, at);
  if (found) return found;
  const nouns = indicator === "project_count" ? PROJECT_NOUNS : ENTERPRISE_NOUNS;
  const noun = nouns.find((w) => ctx.text.startsWith(w, scope));
  return noun ? placeBeforeBracket(ctx, scope + noun.length, at) : undefined;
}
