// Binding: each number of a sentence to an indicator through the cue lexicon, with its kind,
// qualifier, subject, region and period. Growth figures bind to the value they follow, 分别 lists
// give one figure per item, thresholds (10亿元以上项目) and counts of firms at an event give none.
//
// This module picks the binder by the number's unit and then resolves what every figure needs:
//   bind/state.ts    the draft, the sentence's shared state, one number's context
//   bind/text.ts     filler, places, subjects and value cues, shared by the binders
//   bind/kinds.ts    kind markers (预计, 力争) and milestones (突破4万亿)
//   bind/amounts.ts  money amounts (CNY)
//   bind/growth.ts   growth rates (percent)
//   bind/counts.ts   counts of projects and enterprises
//   bind/lists.ts    分别 lists, lists continued after their first figure, runs of places

import type { Sentence } from "./segment.ts";
import { clauseEnd, clauseStart } from "./segment.ts";
import { smallNumber, type NumberToken } from "./numbers.ts";
import { CLAUSE_WINDOW, SENTENCE_WINDOW, within, type DocContext } from "./context.ts";
import { mentionRegion, resolvePeriod, resolveRegion } from "./resolve.ts";
import {
  BREAKDOWN_FAMILIES,
  BREAKDOWN_MARKERS,
  BREAKDOWN_LINE_OPENERS,
  CUES,
  LIST_CONNECTORS,
  BATCH_EVENTS,
  COMPONENT_SUBJECT_ENDINGS,
  NOT_SHARED,
  OUTWARD_PROJECT_WORDS,
  PER_TIME_WORDS,
  PER_UNIT_WORDS,
  PROJECT_FAMILIES,
  SHARED_MARKERS,
  type Cue,
  type Family,
} from "./indicators.ts";
import {
  namedFamilies,
  newBindState,
  newCarry,
  type BindState,
  type Draft,
  type SentenceCarry,
  type TokenContext,
} from "./bind/state.ts";
import { isGoal, isMilestone, isSuccessive, kindBefore } from "./bind/kinds.ts";
import { bindAmount, changeOfFigureBefore, isThreshold } from "./bind/amounts.ts";
import { bindRate } from "./bind/growth.ts";
import { bindCount } from "./bind/counts.ts";
import { continueList, openList } from "./bind/lists.ts";
import { hasDigit, itemEnd, itemStart, onlyFiller, sharedByClauseBefore } from "./bind/text.ts";

import {
  ATTRIBUTIVE as ATTRIBUTIVE_CHAR,
  COUNTED_GROUP,
  COUNTED_GROUP_NOUN,
  MEMBER_OPENERS,
  OTHERS_GROUP,
  FLOW_WORDS,
  FROM_WORDS,
  STATE_WORDS,
  RUNNING_TOTAL_WORDS,
  GAP_BASES,
  GAP_WORDS,
  MEASURE_OPENERS,
  REFERENCE_GROUP,
  REFERENCE_WORDS,
  SIZE_LABELS,
  SUM_MARKERS,
} from "./bind/lexicon.ts";
import { contextLexicon, kindLexicon, periodLexicon } from "./lexicon.ts";
import { charTable } from "./charTable.ts";
import { TermMatcher, type TermMatch } from "./termMatcher.ts";
import { periodEndMonth, type PeriodMention } from "./periods.ts";
import { INDICATORS, type Indicator } from "./types.ts";

/** Indicators whose figures an event's day may date (periods.json: eventDatedIndicators). */
const EVENT_DATED: ReadonlySet<string> = new Set(
  periodLexicon.eventDatedIndicators.map((key) => {
    if (!(INDICATORS as readonly string[]).includes(key))
      throw new Error(`periods.json: eventDatedIndicators: "${key}" is not an indicator`);
    return key as Indicator;
  }),
);

export { newCarry, type Draft, type SentenceCarry };

/** Binds the numbers of one sentence to indicators. */
export function bindSentence(
  ctx: DocContext,
  sentence: Sentence,
  tokens: NumberToken[],
  carry: SentenceCarry = newCarry(),
): Draft[] {
  const { text } = ctx;
  enterSentence(ctx, carry, sentence);
  if (!carry.topic) carry.topic = measuredLater(ctx, sentence);
  const state = newBindState(ctx, sentence, tokens, carry, carry.rate);
  carry.rate = undefined;

  for (let t = 0; t < tokens.length; t++) {
    const tc = tokenContext(state, t);
    const { token } = tc;

    const continued = continueList(state, tc);
    if (continued) {
      state.drafts.push(continued);
      if (continued.unit !== "percent") state.lastValue = continued;
      state.prevEnd = token.end;
      continue;
    }
    // 10亿元以上项目9个: the threshold stays in the subject of the count after it.
    if (token.unit === "CNY" && isThreshold(text, token, tc.ce, tc.cs)) continue;
    if (statesNoFigure(text, tc)) {
      state.prevEnd = token.end;
      continue;
    }

    const draft =
      token.unit === "CNY"
        ? bindAmount(state, tc)
        : token.unit === "percent"
          ? bindRate(state, tc)
          : token.unit === "count"
            ? bindCount(state, tc)
            : undefined;

    state.prevEnd = token.end;
    if (!draft) {
      state.prev = undefined;
      // An amount that binds to nothing (一般公共预算收入7284.5亿元) stands between the figures
      // before it and the words after it: a growth rate after it is not theirs. A change
      // (比上年增加1200亿元) is no such amount: it speaks of the figure before, whose rate may follow.
      if (token.unit === "CNY" && !changeOfFigureBefore(text, tc.scope, token.start)) {
        if (state.lastValue) state.cutValue = state.lastValue;
        state.lastValue = undefined;
        state.lastDraft = undefined;
        state.valueList = [];
      }
      continue;
    }
    if (countedGroupBefore(text, tc)) {
      // 超过万亿的有11个省份，包括广东、江苏…: the bar is each listed member's bound; with no
      // list it is nobody's figure.
      const members = memberList(state, tc);
      if (members.length > 1 && token.qualifier !== "exact") {
        tc.ellipticalPlaces = members;
        draft.region = members[0];
        draft.subject = "";
      } else draft.dropped = true;
    }
    // 平均每个项目投资5.2亿元, 单个项目投资额平均5.2亿元: an average per project or firm, no total.
    if (
      draft.unit === "CNY" &&
      PER_UNIT_WORDS.some((w) => text.slice(tc.scope, token.start).includes(w))
    )
      draft.dropped = true;
    // 平均每个工作日新增企业超过120家, 日均进出口3.2亿元: an average per day or month, no total.
    if (
      draft.unit !== "percent" &&
      PER_TIME_WORDS.some((w) => text.slice(tc.scope, token.start).includes(w))
    )
      draft.dropped = true;
    // 房地产开发企业完成投资79.4亿元: a sector's investment, a part of fixed-asset investment.
    if (
      draft.family.name === "project_investment" &&
      COMPONENT_SUBJECT_ENDINGS.some((w) => draft.subject.endsWith(w))
    )
      draft.dropped = true;
    // 境外投资项目2个，总投资3.2亿元: projects the place's firms invest in abroad, outside the region.
    if (
      PROJECT_FAMILIES.has(draft.family.name) &&
      OUTWARD_PROJECT_WORDS.some((w) => draft.subject.includes(w))
    )
      draft.dropped = true;
    place(state, tc, draft);
    if (draft.unit !== "percent") state.lastValue = draft;
    state.lastDraft = draft;
    if (draft.unit === "percent" && draft.subject === "") {
      if (BREAKDOWN_FAMILIES.has(draft.family.name)) carry.head = draft;
      carry.rate = draft;
    } else carry.rate = undefined;
    openList(state, tc, draft);
  }
  // The sentence's cues, scanned once for the two notes below that may need them.
  let cues: CueMatch[] | undefined;
  const sentenceCues = () => (cues ??= CUES.scan(text, sentence.start, sentence.end));
  if (!state.drafts.some((d) => d.unit === "percent"))
    noteStatedGrowth(ctx, sentence, sentenceCues(), carry);
  const amounts = state.drafts.filter((d) => d.unit === "CNY");
  if (amounts.length) carry.topic = amounts[amounts.length - 1]!.family;
  else if (tokens.some((tk) => tk.unit === "CNY")) carry.topic = undefined;
  else carry.topic = nextTopic(carry.topic, statedCue(sentenceCues()));
  if (state.drafts.length) carry.named = namedFamilies(state.drafts);
  const firms = state.drafts.filter((d) => d.indicator === "enterprise_count" && d.subject);
  if (firms.length) {
    carry.firms = firms[firms.length - 1]!.subject;
    carry.firmsPeriod = firms[firms.length - 1]!.period;
  }
  return state.drafts;
}

/** 签约项目18个、新开工项目21个，总投资分别为168.3亿元和112.5亿元: counts of projects with no subject
 * of their own, of batches of two events or more in one sentence, are told apart by their event
 * (签约项目, 开工项目: indicators.json batchEvents), and the investments with no subject after them
 * take theirs: in order when as many follow the last count, else the nearest count's before them.
 * A batch alone keeps no subject. */
export function nameBatches(text: string, drafts: readonly Draft[]): void {
  const labels = new Map<Draft, string>();
  let prevEnd = 0;
  for (const d of drafts) {
    if (d.indicator === "project_count" && d.subject === "" && !d.dropped) {
      const words = text.slice(
        Math.max(prevEnd, clauseStart(text, d.token.start, 0)),
        d.token.start,
      );
      const event = BATCH_EVENTS.find(([w]) => words.includes(w));
      if (event) labels.set(d, event[1]);
    }
    prevEnd = d.token.end;
  }
  if (new Set(labels.values()).size < 2) return;
  const counts = [...labels.keys()];
  const lastAt = drafts.indexOf(counts[counts.length - 1]!);
  const unnamed = (d: Draft) => d.indicator === "project_investment" && d.subject === "";
  const inOrder = drafts.slice(lastAt + 1).filter(unnamed).length === counts.length;
  let current: string | undefined;
  let next = 0;
  drafts.forEach((d, i) => {
    const label = labels.get(d);
    if (label) current = label;
    else if (unnamed(d) && current)
      d.subject = inOrder && i > lastAt ? labels.get(counts[next++]!)! : current;
  });
  for (const [d, label] of labels) d.subject = label;
}

/** A sentence without numbers still tells the next what the paragraph is about (从GDP总量来看). */
export function noteSentence(ctx: DocContext, sentence: Sentence, carry: SentenceCarry): void {
  enterSentence(ctx, carry, sentence);
  carry.rate = undefined;
  const cues = CUES.scan(ctx.text, sentence.start, sentence.end);
  carry.topic = nextTopic(carry.topic, statedCue(cues));
  noteStatedGrowth(ctx, sentence, cues, carry);
}

/** …41个行业中有30个行业增加值保持增长。其中，汽车制造业增长12.6%: a breakdown family's growth
 * stated with no figure heads the list of parts after it, as a rate would. */
function noteStatedGrowth(
  ctx: DocContext,
  sentence: Sentence,
  cues: readonly CueMatch[],
  carry: SentenceCarry,
): void {
  const stated = statedGrowth(ctx, sentence, cues);
  if (stated) carry.head = { unit: "percent", family: stated, token: { end: sentence.end } };
}

/** A cue found in a sentence. */
type CueMatch = TermMatch<Cue>;

const nextTopic = (topic: Family | undefined, stated: Family | null | undefined) =>
  stated === null ? undefined : (stated ?? topic);

/** A new paragraph starts from what its titles (or the headline) name: 各县区固定资产投资增速： over
 * 甲县增长12.1%，乙区增长9.8%. */
function enterSentence(ctx: DocContext, carry: SentenceCarry, sentence: Sentence): void {
  if (carry.paragraph === sentence.paragraph) return;
  // 其中：先进制造业… on a line of its own (a table's row, a list under its total): the parts of
  // the figure of the paragraph right before it, as after 其中 in the same paragraph.
  const listsParts =
    carry.paragraph === sentence.paragraph - 1 && opensWithBreakdown(ctx, sentence.paragraph);
  if (!listsParts) carry.head = undefined;
  carry.rate = undefined;
  carry.firms = undefined;
  carry.firmsPeriod = undefined;
  carry.named = [];
  const titled = ctx.doc.carried[sentence.paragraph]!.topic;
  // 从总量看，甲省以…亿元领跑 right after a paragraph on GDP: a measure with no indicator goes on
  // with the one the paragraph before was about.
  const goesOn =
    carry.paragraph === sentence.paragraph - 1 && opensWithMeasure(ctx, sentence.paragraph);
  carry.topic = titled ?? (goesOn ? carry.topic : undefined);
  carry.paragraph = sentence.paragraph;
}

/** True when paragraph `p` opens, after its indent, with 其中 and its colon or comma: a list of
 * the parts of what the paragraph before stated. */
function opensWithBreakdown(ctx: DocContext, p: number): boolean {
  const { text } = ctx;
  const { start, end } = ctx.paragraphs[p]!;
  let at = start;
  while (at < end && /\s/.test(text[at]!)) at++;
  return BREAKDOWN_LINE_OPENERS.some((w) => text.startsWith(w, at));
}

/** True when paragraph `p` opens, after its indent, with a measure and no indicator (增速方面). */
function opensWithMeasure(ctx: DocContext, p: number): boolean {
  const { start, end } = ctx.paragraphs[p]!;
  return measureOpenerStart(ctx.text, start, end) !== undefined;
}

/** Where text[start, end) opens, after its indent, with a measure (从总量看): the opener's start;
 * undefined when it opens with none. */
function measureOpenerStart(text: string, start: number, end: number): number | undefined {
  let at = start;
  while (at < end && /\s/.test(text[at]!)) at++;
  return MEASURE_OPENERS.some((w) => text.startsWith(w, at)) ? at : undefined;
}

/** 从总量看，甲省以…亿元领跑，乙省、丙省分别实现地区生产总值…: a sentence that opens with a measure
 * and has no indicator to go on with is about the money indicator it names first, later on. */
function measuredLater(ctx: DocContext, sentence: Sentence): Family | undefined {
  const at = measureOpenerStart(ctx.text, sentence.start, sentence.end);
  if (at === undefined) return undefined;
  const first = CUES.scan(ctx.text, at, sentence.end).find((m) => m.value.type !== "growth");
  if (first?.value.type !== "value" || first.value.nameOnly) return undefined;
  return first.value.family.unit === "CNY" ? first.value.family : undefined;
}

/** The money indicator a sentence names without an amount (广东21个地市GDP出炉): its last value
 * cue; null when its last cue names something else (人均GDP, 服务业增加值), which ends the topic;
 * undefined when it names nothing. */
function statedCue(cues: readonly CueMatch[]): Family | null | undefined {
  let family: Family | null | undefined;
  for (const m of cues) {
    if (m.value.type === "none") family = null;
    else if (m.value.type === "value")
      family = !m.value.nameOnly && m.value.family.unit === "CNY" ? m.value.family : null;
  }
  return family;
}

/** The breakdown family (增加值) whose growth the sentence states with no figure of its own
 * (30个行业增加值保持增长): a value cue, then a growth word in its clause with no digit after
 * either before the clause ends. */
function statedGrowth(
  ctx: DocContext,
  sentence: Sentence,
  cues: readonly CueMatch[],
): Family | undefined {
  const { text } = ctx;
  for (let i = 0; i + 1 < cues.length; i++) {
    const cue = cues[i]!;
    const next = cues[i + 1]!;
    if (cue.value.type !== "value" || cue.value.nameOnly) continue;
    if (!BREAKDOWN_FAMILIES.has(cue.value.family.name) || next.value.type !== "growth") continue;
    const end = clauseEnd(text, next.end, sentence.end);
    if (onlyFiller(text, cue.end, next.start) && !hasDigit(text, cue.end, end))
      return cue.value.family;
  }
  return undefined;
}

/** What is known about tokens[t] before a binder looks at it: its clause, scope and kind. */
function tokenContext(state: BindState, t: number): TokenContext {
  const { ctx, sentence } = state;
  const { text } = ctx;
  const token = state.tokens[t]!;
  const near = Math.max(sentence.start, token.start - SENTENCE_WINDOW);
  const window: Sentence = { ...sentence, start: near };
  const cs = clauseStart(text, token.start, Math.max(near, token.start - CLAUSE_WINDOW));
  const ce = clauseEnd(text, token.end, Math.min(sentence.end, token.end + CLAUSE_WINDOW));
  const scope = Math.max(cs, state.prevEnd);
  const before = kindBefore(text, near, cs, token.start, {
    start: itemStart(text, near, token.start),
    end: itemEnd(text, token.end, Math.min(sentence.end, token.end + SENTENCE_WINDOW)),
  });
  const { capacity } = before;
  // 完成全年增长5%左右的目标: a figure that is the object of a goal is planned, whatever came before.
  const kind = isGoal(text, token) ? "target" : before.kind;
  return {
    token,
    t,
    near,
    window,
    cs,
    ce,
    scope,
    kind,
    capacity,
    items: [],
    growthSign: 0,
    inheritedList: false,
    ellipticalPlaces: [],
  };
}

/** True when the number is no one's figure whatever its cue: a difference or gap (上海高出安徽
 * 35.32亿元, 与目标仍存在差距) or a size class (6万亿元量级). A gap word that is the number's own
 * bound word (经济总量已超出1.6万亿元) is a level passed, unless its clause compares (比上年超出…). */
function statesNoFigure(text: string, tc: TokenContext): boolean {
  const { token } = tc;
  const clause = text.slice(tc.cs, tc.ce);
  for (const w of GAP_WORDS) {
    for (let i = clause.indexOf(w); i >= 0; i = clause.indexOf(w, i + 1)) {
      const at = tc.cs + i;
      const ownBound = at >= token.start && at < token.numStart;
      if (!ownBound || GAP_BASES.some((b) => text.slice(tc.cs, token.start).includes(b)))
        return true;
    }
  }
  return token.unit === "CNY" && SIZE_LABELS.some((w) => text.startsWith(w, token.end));
}

/** True when a count of places or trades stands before the number in its clause (15个省份GDP超过
 * 2万亿元, 27个行业增速高于15%): the figure is a bar they pass, nobody's figure. It still binds, so
 * that what follows may continue it (其中，湖北为18.7%). 这3个省份 refers to places named before. */
function countedGroupBefore(text: string, tc: TokenContext): boolean {
  // 有11个省份超过万亿; 超2万亿元的省份共5个 (the group right after the bound and 的).
  const after = text.slice(tc.token.end, Math.min(tc.ce, tc.token.end + GROUP_AFTER_LIMIT));
  if (after.startsWith(ATTRIBUTIVE_CHAR) && COUNTED_GROUP_NOUN.test(after.slice(1))) return true;
  // 除了甲市…之外，其他城市均有6%以上的增长: the places left unnamed, none of them the one named.
  if (OTHERS_GROUP.test(text.slice(tc.cs, tc.token.start))) return true;
  const m = COUNTED_GROUP.exec(text.slice(tc.cs, tc.token.start));
  if (!m) return false;
  const at = tc.cs + m.index;
  return !REFERENCE_WORDS.some((w) => text.startsWith(w, at - w.length));
}

/** How far after a bound its counted group (的省份共8个) may stand, in characters. */
const GROUP_AFTER_LIMIT = 12;

/** The members a counted group's sentence lists after the number, behind an opener (包括, 分别是,
 * a colon): the first run of two or more places joined by list marks. */
function memberList(state: BindState, tc: TokenContext): string[] {
  const { ctx, sentence } = state;
  const { text } = ctx;
  let keys: string[] = [];
  let end = -1;
  let opened = false;
  // No further than a sentence window: a page without full stops is one sentence.
  const stop = Math.min(sentence.end, tc.token.end + SENTENCE_WINDOW);
  for (const m of within(ctx.places, tc.token.end, stop)) {
    if (m.place.type !== "region") continue;
    if (keys.length && LIST_CONNECTORS.has(text.slice(end, m.start))) {
      if (!keys.includes(m.place.key)) keys.push(m.place.key);
    } else if (keys.length > 1) break;
    else {
      const before = text.slice(end < 0 ? tc.token.end : end, m.start);
      opened = MEMBER_OPENERS.some((w) => before.endsWith(w));
      keys = opened ? [m.place.key] : [];
    }
    end = m.end;
  }
  return opened && keys.length > 1 ? keys : [];
}

/** The places listed before the number in its own words, joined by list marks (蓬江、新会和台山),
 * and where the list ends. */
function placeList(ctx: DocContext, tc: TokenContext): { keys: string[]; end: number } {
  const keys: string[] = [];
  // Where the words after the list begin: the number's own words when no place is named (never
  // further back, so that a page without punctuation costs no more per number).
  let end = tc.scope;
  for (const m of within(ctx.places, tc.scope, tc.token.start)) {
    if (m.place.type !== "region") continue;
    if (keys.length && !LIST_CONNECTORS.has(ctx.text.slice(end, m.start))) {
      keys.length = 0;
    }
    if (!keys.includes(m.place.key)) keys.push(m.place.key);
    end = m.end;
  }
  return { keys, end };
}

/** The places a reference (这五省份, 两地, 上述3个区) before the number stands for, when a shared
 * marker (均) follows it, or with `sum` a sum marker (三区GDP合计): the last run of places named
 * before it, joined by list marks, exactly as many as it counts; [] when no such run is found (the
 * figure is a group's, and which is unknown); undefined when there is no such reference. */
function referredPlaces(ctx: DocContext, tc: TokenContext, sum = false): string[] | undefined {
  const { text } = ctx;
  const markers = sum ? SUM_MARKERS : SHARED_MARKERS;
  // A sum closes the list's sentence with one of its own: its places may stand a sentence before.
  const from = sum ? sumReach(ctx, tc) : tc.near;
  // From the clause's start: the reference's count (三个) is a number of its own.
  const m = REFERENCE_GROUP.exec(text.slice(tc.cs, tc.token.start));
  if (!m) return undefined;
  const at = tc.cs + m.index;
  const end = at + m[0].length;
  // 西部三市合计, 珠江西岸六市合计: a count inside a name the table gives (an alias of a grouping)
  // is part of that name, no reference to places named before.
  if (within(ctx.places, tc.cs, tc.token.start).some((p) => p.start < at && p.end >= end))
    return undefined;
  const words = markerWords(ctx, end, tc.token.start);
  if (!markers.some((w) => words.includes(w))) return undefined;
  const n = smallNumber(m[2]!);
  // Without 这/上述, only a bare count of places (两地, 两市) refers back; for a sum any count of
  // places does (两座城市的经济总量之和, 三个城市合计): a sum is no one place's either way.
  if (!sum && !m[1] && m[0].length > m[2]!.length + 1) return undefined;
  // 江门西部三市…合计: for a sum, a count right after a place restates that place, no reference.
  if (sum && within(ctx.places, from, at).some((p) => p.end === at)) return undefined;
  let run: string[] = [];
  let last: string[] = [];
  let prevEnd = -1;
  for (const p of within(ctx.places, from, at)) {
    if (p.place.type === "group") {
      // 粤苏鲁3省份…这3个省份: a group written as one name.
      last = run = [...p.place.keys];
      prevEnd = p.end;
      continue;
    }
    if (p.place.type !== "region") continue;
    // 珠江西岸六市陆续公布…，六市合计: a grouping of the table named with its members' count.
    const members = ctx.gaz.regions.get(p.place.key)?.members ?? [];
    if (members.length >= 2) {
      last = run = [...members];
      prevEnd = p.end;
      continue;
    }
    if (run.length && LIST_CONNECTORS.has(text.slice(prevEnd, p.start))) run.push(p.place.key);
    else run = [p.place.key];
    if (run.length >= 2) last = run.slice();
    prevEnd = p.end;
  }
  return last.length === n ? last : [];
}

/** Every marker the words of markerWords are tested for. */
const ANY_MARKER: readonly string[] = [...SHARED_MARKERS, ...SUM_MARKERS];

/** text[from, to) without the names of places in it and without the words that only look like a
 * marker of sharing (年均, 人均): the 都 of 成都 or 南京都市圈 is no 都 (all). */
function markerWords(ctx: DocContext, from: number, to: number): string {
  // Taking names and words out only removes markers: with none in the raw words, they are the answer.
  const raw = ctx.text.slice(from, to);
  if (!ANY_MARKER.some((w) => raw.includes(w))) return raw;
  let words = "";
  let at = from;
  for (const m of within(ctx.places, from, to)) {
    if (m.start < at) continue;
    words += ctx.text.slice(at, m.start) + "|";
    at = m.end;
  }
  words += ctx.text.slice(at, to);
  for (const w of NOT_SHARED) words = words.split(w).join("");
  return words;
}

/** Words that close a list of places with places left unnamed (杭州等地, 甘肃、青海等省份). */
const EXAMPLE_CLOSERS: readonly string[] = contextLexicon.exampleMarkers;

/** Where the places a sum refers to (三区GDP合计) may be listed: from the sentence before it in
 * its paragraph on, since a sum usually closes the list's sentence with a sentence of its own. */
function sumReach(ctx: DocContext, tc: TokenContext): number {
  const paragraph = ctx.paragraphs[tc.window.paragraph]!;
  return Math.max(paragraph.start, tc.near - SENTENCE_WINDOW);
}

/** How far after a batch's count its investment may stand (，总投资), in characters. */
const BATCH_AMOUNT_GAP = 8;

/** True when text[from, to), between a batch's count and an amount, is short and holds no other
 * figure (在建项目23个，总投资186亿元): the amount is that batch's. */
function batchAmount(text: string, from: number, to: number): boolean {
  return to - from <= BATCH_AMOUNT_GAP && !hasDigit(text, from, to);
}

/** True when the amount is the 总投资 of the batch `count` counted earlier in its sentence, with
 * only words and quantities of no indicator between them (目前在建项目共5个，总装机容量约350万千瓦，
 * 计划总投资约560亿元): the batch's size, at the batch's moment, as when it follows right after. */
function batchTotal(state: BindState, count: Draft, tc: TokenContext): boolean {
  const { text } = state.ctx;
  const { token } = tc;
  if (count.token.start < state.sentence.start) return false;
  if (!PROJECT_TOTAL_WORDS.some((w) => text.slice(tc.cs, token.start).includes(w))) return false;
  return !state.tokens.some((t) => t.start >= count.token.end && t.end <= token.start);
}

/** True when the number's own clause, before it, names a period that ended before the publication
 * month, and holds no marker of kind itself. */
function spanOver(state: BindState, tc: TokenContext): boolean {
  const { ctx } = state;
  const pub = ctx.pub;
  if (!pub) return false;
  if (kindBefore(ctx.text, tc.cs, tc.cs, tc.token.start).kind !== "actual") return false;
  const own = within(ctx.periods, tc.cs, tc.token.start).filter((p) => p.label && !p.now);
  const last = own[own.length - 1];
  return !!last && periodEndMonth(last.label) < pub.year * 12 + pub.month;
}

/** The region of the table whose members are exactly `keys` (taishan, kaiping, enping →
 * jiangmen_west), if any. */
function regionOfMembers(ctx: DocContext, keys: readonly string[]): string | undefined {
  for (const r of ctx.gaz.regions.values()) {
    if (r.members.length === keys.length && keys.every((k) => r.members.includes(k))) return r.key;
  }
  return undefined;
}

/** True when the number's own words, before it in its clause or after it, name a place. */
function namesPlace(ctx: DocContext, tc: TokenContext): boolean {
  return [
    ...within(ctx.places, tc.scope, tc.token.start),
    ...within(ctx.places, tc.token.end, tc.ce),
  ].some((m) => m.place.type !== "context");
}

/** Resolves a bound figure's region and period and adds it to the sentence's drafts, once for
 * each place an elliptical figure stands for. */
function place(state: BindState, tc: TokenContext, draft: Draft): void {
  const { ctx, drafts } = state;
  const { text } = ctx;
  const { token, window, cs, ce, capacity } = tc;
  const ref = draft.region === undefined ? referredPlaces(ctx, tc) : undefined;
  if (ref?.length) {
    // 西藏、贵州…和宁夏，这五省份GDP增速均低于9.8%; 蓬江、新会两地均突破千亿: a reference to
    // the places just named, and a bound each of them shares.
    tc.ellipticalPlaces = ref;
    draft.region = ref[0];
    draft.subject = "";
  } else if (ref) draft.dropped = true; // a group whose members cannot be told
  const summed =
    draft.region === undefined && ref === undefined ? referredPlaces(ctx, tc, true) : undefined;
  if (summed) {
    // …分别为812.3亿元、401.2亿元和735.6亿元。三区GDP合计1949.1亿元: the sum of the places the
    // reference counts, no one's, unless they are exactly a region's members (三市 after 台山、开平、恩平
    // listed together); places named one by one (台山…，开平…，恩平…。三市共) are no list: no one's
    // either. A count right after a place (江门西部三市…合计) names that place's parts: read as before.
    draft.sum = true;
    draft.subject = "";
    draft.region = summed.length ? regionOfMembers(ctx, summed) : undefined;
    if (draft.region === undefined) draft.dropped = true;
  }
  if (draft.region === undefined) {
    let tied: string[];
    const r = resolveRegion(ctx, window, cs, ce, token.start, token.end);
    const listed = tc.ellipticalPlaces.length ? { keys: [], end: cs } : placeList(ctx, tc);
    // Words after the list: 年均 and 人均 are no 均, nor is the 都 of 成都.
    const words = markerWords(ctx, listed.end, token.start);
    if (r === "outside") {
      draft.dropped = true;
      tc.outside = true;
    } else if (listed.keys.length > 1 && SUM_MARKERS.some((w) => words.includes(w))) {
      // 蓬江、新会地区生产总值合计突破1200亿元: their sum, no region's, unless the places are
      // exactly a region's members (台山、开平、恩平三市共… is 江门西部's).
      draft.sum = true;
      draft.region = regionOfMembers(ctx, listed.keys);
      if (draft.region === undefined) draft.dropped = true;
    } else if (state.lastDraft?.sum && !namesPlace(ctx, tc)) {
      // 四市共签约项目14个，总投资184.4亿元: the sum goes on.
      draft.sum = true;
      draft.region = state.lastDraft.region;
      draft.dropped = state.lastDraft.dropped;
    } else if (listed.keys.length > 1 && SHARED_MARKERS.some((w) => words.includes(w))) {
      // 甲省、乙省上半年GDP双双突破5万亿元: a bound shared by the places listed before it.
      tc.ellipticalPlaces = listed.keys;
      draft.region = listed.keys[0];
    } else if ((tied = sharedByClauseBefore(state, tc, tc.token.start)).length > 1) {
      // 新疆、湖北并列第二，均增长6.1%; 吉林、黑龙江增速相同，均为4.6%: each of them.
      tc.ellipticalPlaces = tied;
      draft.region = tied[0];
    } else if (
      listed.keys.length &&
      draft.qualifier === "exact" &&
      !SHARED_MARKERS.some((w) => words.includes(w)) &&
      EXAMPLE_CLOSERS.some((w) => text.startsWith(w, listed.end))
    ) {
      // 杭州等地GDP增长8%, 杭州、宁波等城市…: one figure for places some of which go unnamed is
      // theirs together, no named one's, and so is what goes on with it (，总投资88亿元); a bound
      // each of them passes (杭州等地增速超过6%, 甘肃、青海等省份增速均在6%以上) stays theirs.
      draft.sum = true;
      draft.dropped = true;
    } else if (typeof r === "object") {
      // 粤苏鲁…GDP均增长了8%: each of the group; 总量相加超30万亿元: their sum, no region's.
      const shared = SHARED_MARKERS.some((w) => text.slice(cs, token.start).includes(w));
      if (shared) tc.ellipticalPlaces = [...r.group];
      draft.region = shared ? r.group[0] : undefined;
      if (!shared) draft.dropped = true;
    } else draft.region = r;
  }
  if (draft.period === undefined) {
    // 新增规上工业企业35家: a stock indicator's count of what is new, said in its clause before
    // the figure, is a flow over a period (the subject no longer holds the word: it is the event).
    const clause = text.slice(draft.rowName ?? cs, token.start);
    const last = state.lastValue;
    // 今年以来，全市新设立企业1.2万家，其中制造业企业3200家: a part of a flow counted just before in
    // the sentence is a flow over the same period, not a stock at the publication month.
    const before = text.slice(clauseStart(text, cs - 1, state.sentence.start), cs);
    const partOfFlow =
      BREAKDOWN_MARKERS.some((w) => clause.startsWith(w)) &&
      ((!!last?.flow && last.family === draft.family && last.token.start >= state.sentence.start) ||
        // 新增经营主体5.2万户，其中企业1.6万户: a part of new market entities, which are no firms.
        (cs > state.sentence.start && FLOW_WORDS.some((w) => before.includes(w))));
    const flow = draft.family.stock && (FLOW_WORDS.some((w) => clause.includes(w)) || partOfFlow);
    if (flow) draft.flow = true;
    // 目前…在建项目23个，总投资186亿元: projects under way now, and their investment, are a state.
    if (
      (draft.indicator === "project_count" && STATE_WORDS.some((w) => clause.includes(w))) ||
      (draft.indicator === "project_investment" &&
        last?.state &&
        last.indicator === "project_count" &&
        (batchAmount(text, last.token.end, token.start) || batchTotal(state, last, tc)))
    )
      draft.state = true;
    // 已累计引进项目186个，其中投产项目112个: a running total to date, and its parts and batch amount.
    if (
      (draft.indicator === "project_count" || draft.indicator === "project_investment") &&
      (RUNNING_TOTAL_WORDS.some((w) => clause.includes(w)) ||
        (last?.runningTotal &&
          last.indicator === "project_count" &&
          (batchAmount(text, last.token.end, token.start) ||
            BREAKDOWN_MARKERS.some((w) => clause.startsWith(w)))))
    )
      draft.runningTotal = true;
    // 其中，…一个新能源电池项目总投资120亿元: one project's investment, dated as a named one's.
    // 总投资32亿元的某新型储能电池项目: the article may follow the amount and its 的.
    const single =
      draft.indicator === "project_investment" &&
      (singleProject(text, cs, token.start) ||
        (text.startsWith(ATTRIBUTIVE_CHAR, token.end) &&
          SINGLE_PROJECT_WORDS.some((w) =>
            text.startsWith(w, token.end + ATTRIBUTIVE_CHAR.length),
          )));
    const stock = (draft.family.stock && !flow) || draft.state || single;
    const reach = capacity ? "clause" : stock ? "sentence" : "paragraph";
    const reached = draft.kind === "actual";
    const project = draft.family.name === "project_investment";
    // 此外，新会区银洲湖高速公路三期工程总投资约48亿元: one project's size, not a batch's (no count
    // of projects in its sentence), takes no period from the paragraph its own goes on from.
    const projectTotal =
      project &&
      PROJECT_TOTAL_WORDS.some((w) => clause.includes(w)) &&
      !state.drafts.some((d) => d.indicator === "project_count");
    draft.period = resolvePeriod(
      ctx,
      window,
      cs,
      ce,
      token.start,
      token.end,
      reach,
      reached,
      project,
      projectTotal,
    );
  }
  // 力争全年…突破400亿元: a goal for a bare 全年 is of a year not yet over, where the year last
  // named before it (2025年，研发投入强度…) was a past one the text also spoke of.
  if (
    draft.kind === "target" &&
    ctx.pub &&
    draft.period !== undefined &&
    /^\d{4}$/.test(draft.period) &&
    Number(draft.period) < ctx.pub.year &&
    goalOfBareYear(within(ctx.periods, window.start, token.start), draft.period)
  )
    draft.period = String(ctx.pub.year);
  // 截至8月底，…年度计划投资215亿元: a year's plan is of the whole year, not the months run so far.
  if (draft.period && planOfYear(text, cs, token.start)) draft.period = yearOf(draft.period);
  // 由2019年的…增加到2023年的…，年均增长5.6%: an average over the years the levels ran between.
  if (
    draft.unit === "percent" &&
    AVERAGE_WORDS.some((w) => text.slice(cs, token.start).includes(w))
  )
    draft.period =
      levelSpan(ctx, window.start, cs) ?? averageSpan(ctx, tc, draft.period) ?? draft.period;
  // 年度计划投资315亿元，1—9月已完成投资268亿元: a plan said in an earlier clause does not reach a
  // figure whose own clause names a span already over at publication: that is a result. (An
  // estimate may be of a span that is over: 初步预计，2021年…超过4万亿元.)
  if (draft.kind === "target" && spanOver(state, tc)) draft.kind = "actual";
  // 11月18日，…现场签约项目18个，总投资102.6亿元: the outcome of an event dated by its day, with no
  // period of its own, may be of that day's month (a day labels no period: 4月11日召开的会上获悉，
  // 一季度…); extractDocument decides, as only a batch of projects is such an outcome.
  if (draft.period === undefined && draft.kind === "actual" && EVENT_DATED.has(draft.indicator)) {
    const day = within(ctx.periods, window.start, token.start)
      .reverse()
      .find((p) => p.eventMonth);
    if (day?.eventMonth) {
      draft.eventMonth = day.eventMonth;
      state.carry.eventBatches.set(draft.family, { month: day.eventMonth, end: window.end });
    } else {
      const month = partOfEvent(ctx, window, state.carry, draft);
      if (month) draft.eventMonth = month;
    }
  }
  // 有望突破4万亿: a milestone at large, that nothing around it dates, is no fact (it still
  // heads the figures that continue it: 首次突破500亿元，达503.23亿元).
  // 先后跨过2.5万亿元、3万亿元两道关口: thresholds crossed one after another, in years unsaid.
  if (isMilestone(text, token)) {
    draft.milestone = true;
    if (draft.period === undefined || isSuccessive(text, token)) draft.dropped = true;
  }
  drafts.push(draft);
  if (tc.sharedValues && !draft.dropped)
    for (const v of tc.sharedValues.slice(1))
      drafts.push({
        ...draft,
        family: v.family,
        indicator: v.family.growth!,
        subject: v.subject,
        region: v.region,
        period: v.period,
      });
  if (tc.ellipticalPlaces.length > 1 && !draft.dropped) {
    draft.region = tc.ellipticalPlaces[0];
    for (const key of tc.ellipticalPlaces.slice(1)) drafts.push({ ...draft, region: key });
  }
  // 中山增长3.5%，与佛山持平: the places said to have the same figure have it too.
  if (!draft.dropped && !draft.sum && draft.region !== undefined) {
    const own = tc.ellipticalPlaces.length > 1 ? tc.ellipticalPlaces : [draft.region];
    for (const key of equalPlaces(ctx, state.sentence, token.end))
      if (!own.includes(key)) drafts.push({ ...draft, region: key });
  }
}

/** True when the periods of a goal's sentence before it hold a bare 全年 and name the year it took
 * (`year`) nowhere else: 全年 was placed by a year of an earlier sentence. */
function goalOfBareYear(periods: readonly PeriodMention[], year: string): boolean {
  return (
    periods.some((p) => p.wholeOfContextYear && !p.yearEnd) &&
    !periods.some((p) => !p.wholeOfContextYear && p.namesYear && p.label.startsWith(year))
  );
}

const EQUALITY = contextLexicon.equality;
/** How far after a figure its comparison of equality may end, in characters. */
const EQUALITY_REACH = 40;

/** The places of the table that the words right after a figure at `at` give the same figure
 * (，与佛山持平; ，增速与江苏、安徽持平; ，与江海区并列全市第一; ，与全省水平持平): after a comma and a
 * lead word at most, a partner word, places joined by list marks, a level word at most and a word
 * of equality. [] when the words say no such thing (与上年持平, 与全国持平, 与佛山基本持平). */
function equalPlaces(ctx: DocContext, sentence: Sentence, from: number): string[] {
  const { text } = ctx;
  const stop = Math.min(sentence.end, from + EQUALITY_REACH);
  let at = from;
  if (text[at] === "，" || text[at] === ",") at++;
  const lead = EQUALITY.leads.find((w) => text.startsWith(w, at));
  if (lead) at += lead.length;
  const partner = EQUALITY.partners.find((w) => text.startsWith(w, at));
  if (!partner) return [];
  at += partner.length;
  const keys: string[] = [];
  let named = false;
  for (const m of within(ctx.places, at, stop)) {
    if (m.start !== at && !(named && LIST_CONNECTORS.has(text.slice(at, m.start)))) break;
    named = true;
    at = m.end;
    const key = mentionRegion(ctx, m, sentence);
    if (key && !keys.includes(key)) keys.push(key);
  }
  if (!named) return [];
  const level = EQUALITY.levels.find((w) => text.startsWith(w, at));
  if (level) at += level.length;
  return EQUALITY.words.some((w) => text.startsWith(w, at)) ? keys : [];
}

const SINGLE_PROJECT_WORDS: readonly string[] = periodLexicon.singleProjectWords;
const PROJECT_TOTAL_WORDS: readonly string[] = periodLexicon.projectTotalWords;
const NUMERAL_CHAR = /[0-9零〇一二两三四五六七八九十百千万]/;

/** True when an article (一个, 某) stands in text[from, to), not inside a longer numeral (十一个). */
function singleProject(text: string, from: number, to: number): boolean {
  // Searched in the clause alone: indexOf on the whole text would read on to its end for a word
  // the clause lacks, for every figure.
  const clause = text.slice(from, to);
  for (const w of SINGLE_PROJECT_WORDS) {
    for (let i = clause.indexOf(w); i >= 0; i = clause.indexOf(w, i + 1)) {
      const at = from + i;
      if (at === 0 || !NUMERAL_CHAR.test(text[at - 1]!)) return true;
    }
  }
  return false;
}

const PART_OPENERS: readonly string[] = contextLexicon.partOpeners;
const EVENT_REFERENCES: readonly string[] = contextLexicon.eventReferences;
const SENTENCE_ENDS = charTable("。！？!?");

/** The month of the event whose outcome the sentence `window` breaks down (12月9日，…签约项目58个，
 * 总投资612亿元。其中，投资超10亿元的项目21个): a sentence that opens with a word of parts takes the
 * day of the sentence right before it in its paragraph, as that sentence's batch does; one that
 * opens by referring to the event (会上, 当天, 活动现场) takes that sentence's day. */
function partOfEvent(
  ctx: DocContext,
  window: Sentence,
  carry: SentenceCarry,
  draft: Draft,
): string | undefined {
  const { text } = ctx;
  const opening = text.slice(window.start, window.start + 8).trimStart();
  const refers = EVENT_REFERENCES.some((w) => opening.startsWith(w));
  if (!refers && !PART_OPENERS.some((w) => opening.startsWith(w))) return undefined;
  const floor = Math.max(ctx.paragraphs[window.paragraph]!.start, window.start - SENTENCE_WINDOW);
  let start = window.start - 1;
  while (start > floor && !SENTENCE_ENDS[text.charCodeAt(start - 1)]) start--;
  // 11月20日，…大会开幕。会上签约项目16个: a sentence that opens by referring to the event the
  // sentence before dated by its day counts that event's outcome.
  if (refers)
    return within(ctx.periods, start, window.start).findLast((p) => p.eventMonth)?.eventMonth;
  // Only where that sentence's own figure of the indicator is the event's outcome (a meeting's
  // day dates nothing it reports).
  const batch = carry.eventBatches.get(draft.family);
  if (!batch || batch.end <= start || batch.end > window.start) return undefined;
  return batch.month;
}

/** The span from the year of a change's first level to the year of its last (由2019年的A增加到
 * 2023年的B → 2019/2023), in text[from, to); undefined when no such change stands there. */
function levelSpan(ctx: DocContext, from: number, to: number): string | undefined {
  const years = within(ctx.periods, from, to).filter((p) => /^\d{4}$/.test(p.label));
  if (years.length < 2) return undefined;
  const first = years[0]!;
  const opens = (i: number) => i >= 0 && FROM_WORDS.includes(ctx.text[i]!);
  if (!opens(first.start - 1) && !FROM_WORDS.includes(ctx.text[first.start]!)) return undefined;
  const last = years[years.length - 1]!;
  return Number(first.label) < Number(last.label) ? `${first.label}/${last.label}` : undefined;
}
const AVERAGE_WORDS: readonly string[] = periodLexicon.averageWords;

/** For an average rate whose period is no span of years (过去五年…，2022年达到…，五年年均增长6.1%；
 * 规模以上工业增加值年均增长8.4%): the span of whole years named last before it in its paragraph, of
 * which a single year is no average; undefined when none is named or the rate has its own span. */
function averageSpan(ctx: DocContext, tc: TokenContext, period: string | undefined) {
  if (period && YEAR_SPAN.test(period)) return undefined;
  const paragraph = ctx.paragraphs[tc.window.paragraph]!;
  const spans = within(ctx.periods, paragraph.start, tc.token.start).filter((p) =>
    YEAR_SPAN.test(p.label),
  );
  return spans[spans.length - 1]?.label;
}
const YEAR_SPAN = /^\d{4}\/\d{4}$/;

// Year plan words, and the phrases that measure against a plan (完成年度计划的73.8%, kinds.json
// neutral) read whole first so that the plan word inside them does not count.
const YEAR_PLANS = new TermMatcher<boolean>([
  ...kindLexicon.neutral.map((w) => [w, false] as const),
  ...periodLexicon.yearPlans.map((w) => [w, true] as const),
]);

/** True when a plan word of a whole year (年度计划, 年度投资计划) stands in the clause before the
 * figure, not inside a phrase that measures against it (完成年度计划的73.8%). */
function planOfYear(text: string, from: number, at: number): boolean {
  return YEAR_PLANS.scan(text, from, at).some((m) => m.value);
}

/** The year of a period within one year (2024-01/2024-08 → 2024); any other period as it is. */
function yearOf(period: string): string {
  const year = period.slice(0, 4);
  return period.split("/").every((p) => p.startsWith(year)) ? year : period;
}
