// The pipeline for one document: normalize → segment → numbers, periods, places → bind each
// number to an indicator → facts. Pure: the same document and regions give the same facts.

import type { DocumentResult, Fact, Region, SourceDocument } from "./types.ts";
import { normalize } from "./normalize.ts";
import { kindLexicon } from "./lexicon.ts";
import { segment, type Sentence } from "./segment.ts";
import { findNumbers, type NumberToken } from "./numbers.ts";
import { findPeriods, periodEndMonth, periodStartMonth, type PublicationDate } from "./periods.ts";
import { inferPublished, parsePublished } from "./published.ts";
import {
  buildGazetteer,
  countRegions,
  findPlaces,
  resolveContext,
  type Gazetteer,
} from "./regions.ts";
import { SENTENCE_WINDOW, dominantRegion, within, type DocContext } from "./context.ts";
import { buildDocModel, furniture, inRanges } from "./document.ts";
import { bindSentence, nameBatches, newCarry, noteSentence, type Draft } from "./bind.ts";
import { defaultPeriod, restated, toFact } from "./facts.ts";
import { cleanSubject } from "./bind/subject.ts";
import { deadlineYear } from "./bind/kinds.ts";

export interface ExtractOptions {
  regions: Region[];
}

export function extractDocument(doc: SourceDocument, options: ExtractOptions): DocumentResult {
  const given = parsePublished(doc.published) ? doc.published! : undefined;
  const published = given ?? inferPublished(doc.text) ?? "";
  const pub = parsePublished(published);
  const norm = normalize(doc.text);
  const text = norm.text;
  const gaz = gazetteerFor(options.regions);
  const { paragraphs, sentences } = segment(text);
  // 相关阅读： and the link titles after it are other articles' headlines: no facts, no places.
  const links = furniture(text, paragraphs);
  const periods = findPeriods(text, pub);
  const places = findPlaces(gaz, text).filter((m) => !inRanges(links, m.start));
  const numbers = findNumbers(text, 0, text.length, periods).filter(
    (t) =>
      (t.unit === "CNY" || t.unit === "percent" || t.unit === "count") && !inRanges(links, t.start),
  );
  const pageCounts = countRegions(places);
  // 全市 on a city's work report names the city as surely as 江门市 does: context words count
  // toward the page's region, each for the region it stands for on this page.
  const withContext = new Map(pageCounts);
  const model = buildDocModel({ text, gaz, paragraphs, places, periods });
  for (let i = 0; i < places.length; i++) {
    const m = places[i]!;
    if (m.place.type !== "context") continue;
    // 湖南全省, 四川全省: a context word right after a place is that place, when its name fits.
    const before = places[i - 1];
    const named =
      before?.end === m.start && before.place.type === "region" ? before.place.key : undefined;
    // The page's own place (its headline's, else its lead's) before the place named most: 全市
    // under 江门七市（区）…：鹤山增速领跑全市 is 江门, however often 鹤山 is named.
    const r = resolveContext(gaz, m.place.suffix, undefined, pageCounts, [named, model.place]);
    if (r) withContext.set(r, (withContext.get(r) ?? 0) + 1);
  }
  const ctx: DocContext = {
    text,
    gaz,
    pub,
    places,
    periods,
    paragraphs,
    pageCounts,
    // A digest's stories are each about their own place: none dominates the page.
    pageRegion: model.digest ? undefined : dominantRegion(withContext),
    doc: model,
  };

  const facts: Fact[] = [];
  // The same figure restated in another sentence (a lead repeating the body) is one fact; two
  // equal figures in one sentence (小巨人1家、单项冠军1家) are two.
  const seen = new Map<string, { subject: string; sentence: Sentence }[]>();
  const figuresSeen = new Map<string, Sentence>();
  // A heading or title restates, often rounded, a figure of the story below it (鹤山集中签约15个项目
  // 总投资超300亿元 over 总投资约312亿元): it stands as a fact only when the body states nothing
  // of that indicator for that region.
  const headingDrafts: { d: Draft; sentence: Sentence }[] = [];
  const bodyFigures = new Map<string, Stated[]>();
  let n = 0;
  const carry = newCarry();
  const sameTitlePeriod = (a: Sentence, b: Sentence) =>
    ctx.doc.carried[a.paragraph]!.period === ctx.doc.carried[b.paragraph]!.period;
  for (const sentence of sentences) {
    while (n < numbers.length && numbers[n]!.start < sentence.start) n++;
    const tokens: NumberToken[] = [];
    for (let k = n; k < numbers.length && numbers[k]!.start < sentence.end; k++) {
      if (numbers[k]!.end <= sentence.end) tokens.push(numbers[k]!);
    }
    if (isQuestion(text, sentence)) continue;
    if (!tokens.length) {
      noteSentence(ctx, sentence, carry);
      continue;
    }
    const drafts = bindSentence(ctx, sentence, tokens, carry);
    // The headline is a title even with a colon or comma in it (新会区区长：明年力争…增长6%).
    if (paragraphs[sentence.paragraph]!.titleLike || sentence.paragraph === ctx.doc.headline) {
      headingDrafts.push(...drafts.map((d) => ({ d, sentence })));
      continue;
    }
    const batch = drafts.some((d) => d.family.name === "project_count");
    const plan = ctx.doc.carried[sentence.paragraph]!.plan;
    // A sentence that names no period of its own: a figure stated earlier in the text with the
    // same indicator, place, subject and value is said again (目前58.3%的增速 after 一季度…增长
    // 58.3%), whatever period the paragraph around it would give.
    const undated = !within(periods, sentence.start, sentence.end).some((p) => p.label && !p.now);
    // The combined investment of a batch is of the batch's period (新签约项目412个，总投资5320.6亿元
    // under a 上半年 headline): an undated amount takes the period of the count before it.
    let batchPeriod: string | undefined;
    for (const d of drafts)
      if (!d.dropped && d.region && pub) d.subject = cleanSubject(gaz, d.subject);
    // 签约项目18个、新开工项目21个: batches of two events in one sentence are told apart by them.
    nameBatches(text, drafts);
    for (const d of drafts) {
      if (d.family.name === "project_count" && !d.dropped) batchPeriod = d.period;
      else if (d.family.name === "project_investment" && d.period === undefined && !d.state)
        d.period = batchPeriod;
      if (d.dropped || !d.region || !pub) continue;
      const figure = `${d.indicator}|${d.region}|${d.subject}|${d.value}`;
      const earlier = figuresSeen.get(figure);
      if (earlier === undefined) figuresSeen.set(figure, sentence);
      // …unless a title between them changed the period (二、2026年主要预期目标 over 增长5%左右
      // after 五年来…年均增长5.0%): under titles dating it otherwise, the figure is another one.
      else if (undated && earlier !== sentence && sameTitlePeriod(earlier, sentence)) continue;
      // A batch of projects signed or started on a day (11月18日…签约项目18个) is of that month; a
      // named project's investment keeps the publication month, whatever day it was approved.
      const period = d.period ?? ((batch && d.eventMonth) || defaultPeriod(d, pub, batch));
      if (isFuture(period, pub) && d.kind === "actual") d.kind = "target";
      // 到今年底…突破2200亿元, published in January: a figure of this year, due by a year's end not
      // yet come, is a goal.
      const due =
        d.kind === "actual" && Number(period.slice(0, 4)) >= pub.year && pub.month < 12
          ? deadlineYear(
              text,
              Math.max(sentence.start, d.token.start - SENTENCE_WINDOW),
              d.token.start,
              pub.year,
            )
          : undefined;
      if (due !== undefined && due >= pub.year) d.kind = "target";
      // 今年全市地区生产总值增长5%左右, said in January: the year's rate is no result yet, a goal.
      if (
        d.kind === "actual" &&
        d.unit === "percent" &&
        period === String(pub.year) &&
        pub.month <= GOAL_MONTHS
      )
        d.kind = "target";
      // Under a plan's title (2023年重点项目计划：) the figures of its year on are the plan's.
      if (plan && d.kind === "actual" && Number(period.slice(0, 4)) >= pub.year) d.kind = "target";
      const figures = bodyFigures.get(`${d.indicator}|${d.region}`);
      const stated = { period, kind: d.kind, subject: d.subject, value: d.value };
      if (figures) figures.push(stated);
      else bodyFigures.set(`${d.indicator}|${d.region}`, [stated]);
      if (restated(seen, d, period, sentence)) continue;
      facts.push(toFact(doc, norm, sentence, d, period, published));
    }
  }
  for (const { d, sentence } of headingDrafts) {
    if (d.dropped || !d.region || !pub) continue;
    d.subject = cleanSubject(gaz, d.subject);
    const period = d.period ?? defaultPeriod(d, pub, false);
    if (isFuture(period, pub) && d.kind === "actual") d.kind = "target";
    // …unless the title names its period and the body gives no figure for that indicator and
    // place of its kind and span, other than a part's (江门前10月固定资产投资增长2.4% over the
    // districts' rates, a 全年…增长3%以上 goal, 1—5月 and 6月 rates, 出口增长…): then the title is
    // the figure's only statement. A title's month (10月浙江经济…进出口超4万亿元) names the
    // release: a body figure up to that month that the title's figure rounds or bounds is the same.
    const body = bodyFigures.get(`${d.indicator}|${d.region}`);
    const dated = within(periods, sentence.start, sentence.end).some((p) => p.label && !p.now);
    const restates = (b: Stated) =>
      b.kind === d.kind &&
      !(b.subject && !d.subject) &&
      (sameSpan(b.period, period) ||
        (periodEndMonth(b.period) === periodEndMonth(period) && rounds(d, b.value)));
    if (body && (!dated || body.some(restates))) continue;
    if (restated(seen, d, period, sentence)) continue;
    facts.push(toFact(doc, norm, sentence, d, period, published));
  }
  facts.sort(
    (a, b) => a.start - b.start || a.end - b.end || a.indicator.localeCompare(b.indicator),
  );
  // One figure may stand for several places (成都、杭州也达到10%): their ids name the place.
  const ids = new Set<string>();
  for (const f of facts) {
    if (ids.has(f.id)) f.id = `${f.id}-${f.region}`;
    ids.add(f.id);
  }
  return { facts, published, publishedGuessed: !given };
}

/** A figure the body states, as a title's figure is checked against it. */
interface Stated {
  period: string;
  kind: string;
  subject: string;
  value: number;
}

/** How far a rounded (约, 左右) figure may stand from the one it rounds, as a share of it. */
const ROUNDING = 0.1;

/** True when the title's figure `d` rounds or bounds `value` (超4万亿元 over 4.36万亿元). */
function rounds(d: Draft, value: number): boolean {
  const gap = Math.abs(value - d.value);
  if (d.qualifier === "more_than") return value >= d.value;
  if (d.qualifier === "less_than") return value <= d.value;
  if (d.qualifier === "approx") return gap <= ROUNDING * Math.abs(d.value);
  return gap <= 0.005 * Math.abs(d.value);
}

/** True when two period labels cover the same months (2026-H1 and 2026-01/2026-06). */
function sameSpan(a: string, b: string): boolean {
  return periodStartMonth(a) === periodStartMonth(b) && periodEndMonth(a) === periodEndMonth(b);
}

/** True when a period ends in a year after publication (到2025年, 十四五 seen from 2022): no
 * result yet, so a figure for it is a target however it is worded. */
function isFuture(period: string, pub: PublicationDate): boolean {
  const end = period.slice(period.lastIndexOf("/") + 1);
  return Number(end.slice(0, 4)) > pub.year;
}

const QUESTION_MARKERS: readonly string[] = kindLexicon.questionMarkers;
/** Months of a year in which a rate of that whole year can only be a goal (kinds.json goalMonths). */
const GOAL_MONTHS: number = kindLexicon.goalMonths;

/** A question (能破2万亿吗, 今年破两亿元？) states no figure: a rhetorical question is no fact. */
function isQuestion(text: string, sentence: Sentence): boolean {
  const body = text.slice(sentence.start, sentence.end);
  return QUESTION_MARKERS.some((m) => body.includes(m));
}

// Compiling the gazetteer costs more than extracting a short article, and a run passes the same
// region array for every document: remember it per array (a cache, invisible in the results).
const gazetteers = new WeakMap<readonly Region[], Gazetteer>();
function gazetteerFor(regions: readonly Region[]): Gazetteer {
  let gaz = gazetteers.get(regions);
  if (!gaz) gazetteers.set(regions, (gaz = buildGazetteer(regions)));
  return gaz;
}
