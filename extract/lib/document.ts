// The document model: the page read as a document before any number is bound. Its headline, its
// lead, its headings and numbered section titles, the colon lines that head lists, and what each of
// them says for the text it governs — the indicator it names, the period, the place, and whether
// it announces a plan. Binders read a paragraph's carried context here instead of searching back
// through the text, so look-back is bounded by the outline, not by the page.

import { CUES, KIND_MARKERS, type Family } from "./indicators.ts";
import { contextLexicon, kindLexicon } from "./lexicon.ts";
import { isBylineLine } from "./normalize.ts";
import { within } from "./spans.ts";
import type { Paragraph } from "./segment.ts";
import type { PeriodMention } from "./periods.ts";
import { headingRegion, type Gazetteer, type PlaceMention } from "./regions.ts";

/** What a title (or the headline) says for the text below it. */
export interface TitleContext {
  /** The finest place it names. */
  region: string | undefined;
  /** The first period it names. */
  period: string | undefined;
  /** The one indicator it names (各县区固定资产投资增速：, 27省份一季度GDP出炉). */
  topic: Family | undefined;
  /** It announces a plan (2023年重点项目计划, 力争…): the figures below it are targets. */
  plan: boolean;
}

export interface DocModel {
  /** The first line, when it reads as a headline: short, with no full stop. */
  headline: number | undefined;
  /** The first paragraph of body text. */
  lead: number | undefined;
  /** The period a lead announcing a release names (江门市统计局发布1—10月全市经济运行数据), when the
   * headline names none: what the article reports, as a headline naming it would say. */
  releasePeriod: string | undefined;
  /** What the headline says; empty when there is none. */
  headlineContext: TitleContext;
  /** The place the article is about: the headline's, else its lead's first sentence's. 全市 and
   * 全区 stand for it when nothing nearer says otherwise. */
  place: string | undefined;
  /** Per paragraph, what its governing titles say, the innermost first field by field. */
  carried: TitleContext[];
  /** The one place the headline names, when it names exactly one and nothing outside the table
   * (鹤山：前10月规上工业增加值增长8.6%), a place it compares with or ranks among (增速居湖州各区县首位)
   * aside; undefined for a headline over several places (粤苏鲁…). */
  headlinePlace: string | undefined;
  /** A page of short stories (快讯, 简讯), each under a bulleted title of its own (■ 蓬江：…), about
   * different places: no place dominates it, and each story's place is its own. */
  digest: boolean;
  /** Per paragraph, where its story starts (a digest's story title), else 0. */
  storyStart: number[];
}

const EMPTY: TitleContext = Object.freeze({
  region: undefined,
  period: undefined,
  topic: undefined,
  plan: false,
});

const PLAN_TITLE_MARKERS: readonly string[] = kindLexicon.planTitleMarkers;
const PLACE_TITLE_MARKS: ReadonlySet<string> = new Set(contextLexicon.placeTitleMarks);

/** Longest first line, in characters, read as the article's headline. */
const HEADLINE_LIMIT = 60;
/** How much of the lead is read for the article's place, in characters. */
const LEAD_LIMIT = 120;

export interface DocInput {
  text: string;
  gaz: Gazetteer;
  paragraphs: readonly Paragraph[];
  places: readonly PlaceMention[];
  periods: readonly PeriodMention[];
}

export function buildDocModel(input: DocInput): DocModel {
  const { text, paragraphs } = input;
  const first = paragraphs[0];
  // A headline may exclaim (重磅！…来了！), but a full stop makes the line a sentence.
  const headline =
    first &&
    first.end - first.start <= HEADLINE_LIMIT &&
    !/。/.test(text.slice(first.start, first.end))
      ? 0
      : undefined;
  let lead: number | undefined;
  for (let i = headline === undefined ? 0 : 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    // A byline (台山发布 2025年10月28日 18:06, 来源：…, 点击上方蓝字关注我们) is no body text.
    if (!p.titleLike && !isBylineLine(text.slice(p.start, p.end))) {
      lead = i;
      break;
    }
  }
  const headlineContext =
    headline === undefined ? EMPTY : titleContext(input, first!.start, first!.end, true);
  let place = headlineContext.region;
  if (!place && lead !== undefined) {
    const p = paragraphs[lead]!;
    place = leadRegion(input, p.start, firstSentenceEnd(text, p, LEAD_LIMIT));
  }
  const releasePeriod =
    headlineContext.period === undefined && lead !== undefined
      ? announcedPeriod(input, paragraphs[lead]!)
      : undefined;
  const stories = digestStories(input, headline);
  if (stories) place = headlineContext.region;
  // Each governing title is read once; a paragraph's context is its titles', innermost first.
  const titles = new Map<number, TitleContext>();
  let story: { start: number; region: string | undefined } | undefined;
  const storyStart: number[] = [];
  // The place of the last line that is only a place's name (【蓬江区】, ■ 台山市): it heads the
  // paragraphs below it, inside the headings around it, so a heading ends it.
  let placeTitle: string | undefined;
  const carried = paragraphs.map((p, index) => {
    if (p.role === "heading" || p.role === "section") placeTitle = story = undefined;
    if (index !== headline && p.titleLike) placeTitle = placeTitleRegion(input, p) ?? placeTitle;
    const opened = stories?.get(index);
    if (opened) story = { start: p.start, region: opened.region ?? place ?? input.gaz.root };
    storyStart.push(story?.start ?? 0);
    let region: string | undefined = placeTitle ?? story?.region;
    let period: string | undefined;
    let topic: Family | undefined;
    let plan = false;
    for (let k = p.headings.length - 1; k >= 0; k--) {
      const h = p.headings[k]!;
      let c = titles.get(h);
      if (!c) {
        const hp = paragraphs[h]!;
        titles.set(h, (c = titleContext(input, hp.start, hp.titleEnd, false)));
      }
      region ??= c.region;
      period ??= c.period;
      topic ??= c.topic;
      plan ||= c.plan;
    }
    topic ??= headlineContext.topic;
    return { region, period, topic, plan };
  });
  const headlinePlace =
    headline === undefined ? undefined : onlyPlace(input.places, first!.start, first!.end);
  return {
    headline,
    lead,
    releasePeriod,
    headlineContext,
    place,
    carried,
    headlinePlace,
    digest: stories !== undefined,
    storyStart,
  };
}

/** Where the first sentence of paragraph `p` ends (its 。！？, else the paragraph's end), reading at
 * most `limit` characters of it. */
function firstSentenceEnd(text: string, p: Paragraph, limit = Infinity): number {
  const to = Math.min(p.end, p.start + limit);
  const stop = text.slice(p.start, to).search(/[。！？!?]/);
  return stop < 0 ? to : p.start + stop;
}

const RELEASE_VERBS: readonly string[] = contextLexicon.releaseLeads.verbs;
const RELEASE_NOUNS: readonly string[] = contextLexicon.releaseLeads.nouns;
/** A period label with a day: when something happened (10月27日，记者获悉), not what a figure covers. */
const DAY_LABEL = /^\d{4}-\d{2}-\d{2}/;

/** The period the lead's first sentence names when it announces a release of figures (a verb and
 * a noun of releaseLeads: 发布…经济运行数据, 获悉…主要经济指标): its first period that is neither a
 * day nor the base of a comparison. Undefined for any other lead (2025年，全市GDP增长5%). */
function announcedPeriod(input: DocInput, lead: Paragraph): string | undefined {
  const { text } = input;
  const end = firstSentenceEnd(text, lead);
  const sentence = text.slice(lead.start, end);
  if (!RELEASE_VERBS.some((w) => sentence.includes(w))) return undefined;
  if (!RELEASE_NOUNS.some((w) => sentence.includes(w))) return undefined;
  return within(input.periods, lead.start, end).find(
    (m) => m.label && !DAY_LABEL.test(m.label) && m.base === undefined && !m.singleMonth,
  )?.label;
}

const STORY_MARKS: ReadonlySet<string> = new Set(contextLexicon.storyMarks);
/** Longest story title, in characters. */
const STORY_TITLE_LIMIT = 40;

/** The stories of a digest page, by the index of their titles, each with its place: the title's,
 * else its first sentence's. A story title is a short bulleted line (■ 蓬江：前11月外贸进出口增长
 * 9.3%, ■ 江海区新增企业45家) with no comma or full stop, followed by body text; a page is a digest
 * when it has two such stories or more, about two places or more. Undefined for any other page. */
function digestStories(
  input: DocInput,
  headline: number | undefined,
): Map<number, { region: string | undefined }> | undefined {
  const { text, paragraphs } = input;
  const stories = new Map<number, { region: string | undefined }>();
  const places = new Set<string>();
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const next = paragraphs[i + 1]!;
    if (i === headline || !STORY_MARKS.has(text[p.start]!)) continue;
    if (p.end - p.start > STORY_TITLE_LIMIT || /[，,；;。]/.test(text.slice(p.start, p.end)))
      continue;
    if (next.titleLike || next.role !== "body") continue;
    const leadEnd = firstSentenceEnd(text, next, LEAD_LIMIT);
    const region =
      headingRegion(input.gaz, within(input.places, p.start, p.end)) ??
      leadRegion(input, next.start, leadEnd);
    stories.set(i, { region });
    if (region) places.add(region);
  }
  return stories.size >= 2 && places.size >= 2 ? stories : undefined;
}

/** The one region of the table that [from, to) names, if it names exactly one and no place
 * outside the table nor group of places. */
function onlyPlace(places: readonly PlaceMention[], from: number, to: number) {
  let key: string | undefined;
  for (const m of within(places, from, to)) {
    if (m.place.type === "context" || (m.compared && m.place.type === "region")) continue;
    if (m.place.type !== "region" || (key !== undefined && key !== m.place.key)) return undefined;
    key = m.place.key;
  }
  return key;
}

/** The region of a line that says only a place's name, with at most brackets, bullets and a
 * colon around it (【蓬江区】, ■ 台山市, 恩平：) and the period it covers (【鹤山市·1—9月】);
 * undefined for any other line. */
function placeTitleRegion(input: DocInput, p: Paragraph): string | undefined {
  const mentions = within(input.places, p.start, p.end);
  const only = mentions[0];
  if (mentions.length !== 1 || only!.place.type !== "region") return undefined;
  // 【鹤山市·1—9月】, 鹤山市（1—9月）: the period the section covers may stand beside the name.
  let at = p.start;
  const spans = [only!, ...within(input.periods, p.start, p.end).filter((m) => m.label)].sort(
    (a, b) => a.start - b.start,
  );
  for (const span of spans) {
    if (span.start < at) return undefined;
    for (const c of input.text.slice(at, span.start))
      if (!PLACE_TITLE_MARKS.has(c)) return undefined;
    at = span.end;
  }
  for (const c of input.text.slice(at, p.end)) if (!PLACE_TITLE_MARKS.has(c)) return undefined;
  return only!.place.key;
}

/** The place a lead's first sentence at [from, to) is about: the first place of the table it
 * names; but when it names several parts of one region and nothing else of the table (台山市、开平市
 * 进出口分别增长…), the whole they are parts of: a lead going through districts is the city's. */
function leadRegion(input: DocInput, from: number, to: number) {
  const keys: string[] = [];
  for (const m of within(input.places, from, to))
    if (m.place.type === "region" && !keys.includes(m.place.key)) keys.push(m.place.key);
  const parent = keys.length > 1 ? input.gaz.regions.get(keys[0]!)?.parent : undefined;
  if (parent && keys.every((k) => input.gaz.regions.get(k)?.parent === parent)) return parent;
  return keys[0];
}

const PART_GROUPS = contextLexicon.partGroups;
/** Most count characters before a part noun (17镇). */
const PART_COUNT_LIMIT = 2;

/** The place of the table that the title at [from, to) names with a count of its parts (江门七市（区）
 * 投资“赛马”：鹤山增速领跑全市; 台山17镇（街）…), not as the field of a ranking (增速居江门各市（区）首位):
 * the title is about it and its parts together. Undefined when it names none so. */
function wholeWithParts(input: DocInput, from: number, to: number): string | undefined {
  const { text } = input;
  for (const m of within(input.places, from, to)) {
    if (m.place.type !== "region" || m.partner) continue;
    if (PART_GROUPS.fieldVerbs.some((w) => text.startsWith(w, m.start - w.length))) continue;
    let at = m.end;
    while (at < to && at - m.end < PART_COUNT_LIMIT && PART_GROUPS.counts.includes(text[at]!)) at++;
    if (at === m.end) continue;
    if (PART_GROUPS.nouns.some((w) => text.startsWith(w, at))) return m.place.key;
  }
  // 各市（区）主要经济指标, 1—10月各县（市、区）经济运行: the parts with no place named before them
  // are the table's parts, so the title is about its whole (the region with no parent), not the
  // part the page names most. 各镇（街） are a district's parts: no bare noun.
  const root = input.gaz.root;
  if (root === undefined) return undefined;
  for (
    let at = text.indexOf(BARE_GROUP, from);
    at >= 0 && at < to;
    at = text.indexOf(BARE_GROUP, at + 1)
  ) {
    if (!PART_GROUPS.bareNouns.some((w) => text.startsWith(w, at + BARE_GROUP.length))) continue;
    if (within(input.places, from, to).some((m) => m.end === at)) continue;
    if (PART_GROUPS.fieldVerbs.some((w) => text.startsWith(w, at - w.length))) continue;
    return root;
  }
  return undefined;
}
/** The count of a group of parts that names no whole (各市（区）). */
const BARE_GROUP = PART_GROUPS.bareCount;

/** What the title at [from, to) says. A headline names a topic only when every indicator it
 * names is the same one (GDP出炉 names GDP; GDP增量…财政收入 names none). */
function titleContext(input: DocInput, from: number, to: number, whole: boolean): TitleContext {
  const { text, gaz } = input;
  let topic: Family | undefined;
  let mixed = false;
  for (const m of CUES.scan(text, from, to)) {
    if (m.value.type === "none") mixed = true;
    else if (m.value.type === "value" && !m.value.nameOnly) {
      if (whole && topic && topic !== m.value.family) mixed = true;
      topic = m.value.family;
    }
  }
  const title = text.slice(from, to);
  let plan = PLAN_TITLE_MARKERS.some((w) => title.includes(w));
  for (const m of KIND_MARKERS.scan(text, from, to)) plan ||= m.value.kind === "target";
  return {
    region: wholeWithParts(input, from, to) ?? headingRegion(gaz, within(input.places, from, to)),
    period: within(input.periods, from, to).find((m) => m.label)?.label,
    topic: mixed ? undefined : topic,
    plan,
  };
}

const RELATED_LINKS: readonly string[] = contextLexicon.relatedLinks;
const FOOTER_WORDS: readonly string[] = contextLexicon.footerWords;
/** Longest line, in characters, read as the title of a linked article. */
const LINK_LIMIT = 60;
/** A link's title may exclaim or ask (总投资超300亿元！…); a full stop is body text's. */
const SENTENCE_END = /。/;

/**
 * The page furniture of a web page pasted as text: from a related-links header (相关阅读：) to the
 * end of the link titles after it (short lines with no full stop, bulleted or not), as [start, end)
 * ranges of the text. A link's title is another article's headline (江门前三季度GDP增长4.2%): no
 * fact of this one, and its places say nothing about what this page is about.
 */
export function furniture(text: string, paragraphs: readonly Paragraph[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const at = linksHeader(text, p.start, p.end);
    if (at < 0) continue;
    let end = p.end;
    while (i + 1 < paragraphs.length) {
      const next = paragraphs[i + 1]!;
      const line = text.slice(next.start, next.end);
      // The site's footer is furniture too, even joined to the last link title (a title with a
      // colon reads as body text to normalize, which joins the footer line after it).
      const footer = FOOTER_WORDS.some((w) => line.includes(w));
      if (!footer && (line.length > LINK_LIMIT || SENTENCE_END.test(line))) break;
      end = next.end;
      i++;
    }
    ranges.push([at, end]);
  }
  return ranges;
}

/** Where the first related-links header starts in text[from, to): one of the words followed by a
 * colon or by the line's end; -1 when there is none. The earliest counts, whatever the words'
 * order in the lexicon: 上一篇：…下一篇：…相关新闻 joined on one line are links from 上一篇 on. */
function linksHeader(text: string, from: number, to: number): number {
  // Searched in the line alone: an indexOf over the rest of the page for each line would make a
  // page of many lines cost its length squared.
  const line = text.slice(from, to);
  let first = -1;
  for (const w of RELATED_LINKS) {
    for (
      let at = line.indexOf(w);
      at >= 0 && (first < 0 || at < first);
      at = line.indexOf(w, at + 1)
    ) {
      const after = at + w.length;
      if (after === line.length || line[after] === "：" || line[after] === ":") {
        first = at;
        break;
      }
    }
  }
  return first < 0 ? -1 : from + first;
}

/** True when `at` lies in one of `ranges`. */
export function inRanges(ranges: readonly [number, number][], at: number): boolean {
  return ranges.some(([s, e]) => s <= at && at < e);
}
