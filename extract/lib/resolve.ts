// Where and when a number is: its region from the clause, the sentence, the paragraph, the
// section headings and the page; its period from the clause, the sentence, the paragraph and the
// section headings.

import { clauseEnd, clauseStart, type Sentence } from "./segment.ts";
import { findNumbers } from "./numbers.ts";
import { inYear, isDeadline, type PeriodMention } from "./periods.ts";
import { resolveContext, type PlaceMention } from "./regions.ts";
import {
  PARAGRAPH_WINDOW,
  SENTENCE_WINDOW,
  lowerBound,
  mentionEndBefore,
  within,
  type DocContext,
} from "./context.ts";
import { CUES, KIND_MARKERS } from "./indicators.ts";
import type { Region } from "./types.ts";
import { itemStart, onlyFiller } from "./bind/text.ts";
import { MEASURE_OPENERS, PRONOUNS } from "./bind/lexicon.ts";
import { contextLexicon, periodLexicon, wordAlternatives } from "./lexicon.ts";
import { isBylineLine } from "./normalize.ts";

const INTERVIEW = contextLexicon.interview;

/** Where a figure is: a region key, "outside" (a place outside the table: no fact), or a group of
 * sibling regions written as one name (粤苏鲁), which the figure speaks for only if it says 均. */
export type RegionAnswer = string | "outside" | { group: readonly string[] } | undefined;

/** The region a mention stands for; "outside" for a place outside the table. A context word (全市)
 * is the section's place, else a fitting place named earlier in its sentence, else the page's,
 * else a fitting place named shortly before. */
function regionAt(
  ctx: DocContext,
  mention: PlaceMention,
  sectionRegion: string | undefined,
  sentenceStart: number,
): RegionAnswer {
  const { place } = mention;
  if (place.type === "region") return place.key;
  if (place.type === "group") return { group: place.keys };
  if (place.type === "outside") return mention.partner ? undefined : "outside";
  // 全市力争新增规上工业企业300家，其中恩平新增40家: a part named after 其中 is no whole; its
  // parent is, when its name fits the context word.
  const parts = partsNamedAfter(ctx, mention.end);
  const whole = (key: string | undefined) =>
    key && parts.has(key) ? ctx.gaz.regions.get(key)?.parent : key;
  // 宁波下辖的慈溪市…。该市规上工业增加值…: the last such place named in its paragraph.
  const paragraph = ctx.paragraphs[lowerBound(ctx.paragraphs, mention.start + 1) - 1];
  const referred =
    place.anaphoric && paragraph
      ? lastNamedBefore(ctx, mention.start, place.suffix, paragraph.start)
      : undefined;
  if (referred && !parts.has(referred)) return referred;
  return resolveContext(
    ctx.gaz,
    place.suffix,
    whole(sectionRegion),
    ctx.pageCounts,
    [
      placeNamedBefore(ctx, mention.start, place.suffix, sentenceStart),
      // 问：台山呢？ / 答：…全市新签约项目86个: an answer's 全市 is the place the question asked.
      paragraph ? questionPlace(ctx, lowerBound(ctx.paragraphs, mention.start + 1) - 1) : undefined,
      ctx.pageRegion,
      ctx.doc.place,
      // Not past the start of its story on a digest page: the story before is about another place.
      placeNamedBefore(
        ctx,
        mention.start,
        place.suffix,
        Math.max(mention.start - CONTEXT_WINDOW, storyStartAt(ctx, mention.start)),
      ),
    ].map(whole),
    parts,
  );
}

/** The last place of the table whose name ends with `suffix` named in text[from, at), not as a
 * partner nor compared (恩平市…，该市 → 恩平, however many of its siblings came before). */
function lastNamedBefore(ctx: DocContext, at: number, suffix: string, from: number) {
  const before = within(ctx.places, from, at);
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (m.place.type !== "region" || m.partner || m.compared) continue;
    const r = ctx.gaz.regions.get(m.place.key);
    if (r && r.members.length === 0 && r.name.endsWith(suffix)) return r.key;
  }
  return undefined;
}

/** Where the story holding text[at] starts on a digest page (0 on any other page). */
function storyStartAt(ctx: DocContext, at: number): number {
  if (!ctx.doc.digest) return 0;
  const index = lowerBound(ctx.paragraphs, at + 1) - 1;
  return index < 0 ? 0 : ctx.doc.storyStart[index]!;
}

const PART_OPENERS: readonly string[] = contextLexicon.partOpeners;

/** The regions named after a part opener (其中) in the rest of the sentence from `at`. */
function partsNamedAfter(ctx: DocContext, at: number): ReadonlySet<string> {
  const { text } = ctx;
  let end = at;
  while (end < text.length && text[end] !== "\n" && !SENTENCE_ENDS.test(text[end]!)) end++;
  const rest = text.slice(at, end);
  let opener = -1;
  for (const w of PART_OPENERS) {
    const i = rest.indexOf(w);
    if (i >= 0 && (opener < 0 || i < opener)) opener = i;
  }
  const parts = new Set<string>();
  if (opener < 0) return parts;
  for (const m of within(ctx.places, at + opener, end))
    if (m.place.type === "region") parts.add(m.place.key);
  return parts;
}

const EXAMPLE_MARKERS: readonly string[] = contextLexicon.exampleMarkers;

/** How far back a context word (全市) looks for the place it stands for, in characters. */
const CONTEXT_WINDOW = 600;

/** The region named last in [from, at) whose name ends with `suffix`: in an article about several
 * cities, 全市 is the city the text was just speaking of (重庆…。同时，全市…). When that stretch
 * names several parts of one region alike (台山市、开平市…分别…，恩平市下降…。全市…), 全市 is the
 * whole they are parts of, if its name has the suffix: the last part named is only the end of a
 * list. */
function placeNamedBefore(
  ctx: DocContext,
  at: number,
  suffix: string,
  from: number,
): string | undefined {
  const before = within(ctx.places, Math.max(0, from), at);
  let last: Region | undefined;
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (m.place.type !== "region" || m.partner) continue;
    const r = ctx.gaz.regions.get(m.place.key);
    if (!r || r.members.length > 0 || !r.name.endsWith(suffix)) continue;
    if (!last) last = r;
    else if (r.key !== last.key && r.parent && r.parent === last.parent) {
      const whole = ctx.gaz.regions.get(r.parent);
      return whole?.name.endsWith(suffix) ? whole.key : last.key;
    }
  }
  return last?.key;
}

/** How far after a scope word (全国前三季度GDP) its indicator may stand, in characters. */
const SCOPE_SUBJECT_GAP = 8;

/** True when a value cue follows text[at] with only periods or filler between (全国GDP,
 * 中国前三季度GDP): the scope is what the indicator is about. */
function namesIndicator(ctx: DocContext, at: number): boolean {
  const { text } = ctx;
  const stop = Math.min(text.length, at + SCOPE_SUBJECT_GAP);
  for (const m of CUES.scan(text, at, stop)) {
    if (m.value.type !== "value") return false;
    const between = text.slice(mentionEndBefore(ctx, at, m.start), m.start);
    return between === "" || onlyFiller(text, mentionEndBefore(ctx, at, m.start), m.start);
  }
  return false;
}

/** The region of the table one mention stands for, a context word (全省) resolved as for a figure
 * of `sentence`; undefined for a place outside the table, a grouping the table lacks, or a context
 * word that fits no place. */
export function mentionRegion(
  ctx: DocContext,
  mention: PlaceMention,
  sentence: Sentence,
): string | undefined {
  const section = ctx.doc.carried[sentence.paragraph]!.region;
  const r = regionAt(ctx, mention, section, sentence.start);
  return typeof r === "string" && r !== "outside" ? r : undefined;
}

/** The region of the first usable mention in `list`. Within one scope a named place beats a
 * context word (全市 in 全市率先 ranks, it does not locate). `outsideCounts` says which outside
 * mentions rule the figure out: all of them (its clause), places but not scopes such as 全国 (its
 * sentence), or none (earlier sentences). */
function placeIn(
  ctx: DocContext,
  list: readonly PlaceMention[],
  section: string | undefined,
  outsideCounts: "all" | "places" | "none",
  sentenceStart: number,
): RegionAnswer {
  // 在淮北投资的徐州企业: the place the activity is in comes first.
  for (const m of list) if (m.locative && m.place.type === "region") return m.place.key;
  for (const m of list) {
    // 仅次于杭州，…；8730.6亿元: a compared place speaks for no figure outside its own clause.
    // 皖北6市（阜阳、蚌埠…）: places in brackets spell out a name, never locate a figure; a
    // compared place (仅次于杭州) locates one only in its own clause.
    // 签约仪式在滨江新区举行: a venue locates nothing while another place may (see venueBefore);
    // nor does the office giving the figures (据杭州海关统计).
    if (m.place.type === "context" || m.aside || m.ranking || m.venue || m.source) continue;
    if (m.listOwner) continue;
    if (m.compared && outsideCounts !== "all") continue;
    if (m.place.type === "outside") {
      if (outsideCounts === "none") continue;
      // 全国GDP达60.1万亿元，同比增长3.1%，其中二季度GDP增长1.2%: a scope that is the subject
      // of an indicator speaks for the rest of its sentence, as a place does.
      if (outsideCounts === "places" && m.place.scope && !namesIndicator(ctx, m.end)) continue;
    }
    const r = regionAt(ctx, m, section, sentenceStart);
    if (r) return r;
  }
  for (const m of list) {
    // 比全市平均水平要高一点: a compared context word, like a compared place, speaks for no figure
    // outside its own clause.
    if ((m.compared && outsideCounts !== "all") || m.listOwner) continue;
    const r = m.place.type === "context" ? regionAt(ctx, m, section, sentenceStart) : undefined;
    if (r) return r;
  }
  return undefined;
}

/** Where the number at [start, end) is: the clause (before the number, then after it), the
 * sentence, the paragraph, the section headings, the page. */
export function resolveRegion(
  ctx: DocContext,
  sentence: Sentence,
  cs: number,
  ce: number,
  start: number,
  end: number,
): RegionAnswer {
  const paragraph = ctx.paragraphs[sentence.paragraph]!;
  const section = ctx.doc.carried[sentence.paragraph]!.region;
  const tryList = (list: PlaceMention[], outsideCounts: "all" | "places" | "none") =>
    placeIn(ctx, list, section, outsideCounts, sentence.start);
  // 推动甲公司、乙集团等86个项目: the names before 等 are examples, and a place inside
  // them (成都) is part of a name, not where the count is.
  const examples = EXAMPLE_MARKERS.some((w) => ctx.text.startsWith(w, start - w.length));
  const item = itemStart(ctx.text, sentence.start, cs);
  return (
    tryList(
      within(ctx.places, cs, start)
        .filter((m) => !examples || m.place.type === "context")
        .reverse(),
      "all",
    ) ??
    tryList(within(ctx.places, end, ce), "all") ??
    // The figure's item of the sentence (after a ；) first: 甲项目落户新会区…；总投资32亿元的鹤山乙
    // 项目，投产后年产值45亿元 is 鹤山's, whatever place an earlier item settled in.
    tryList(within(ctx.places, item, cs).reverse(), "places") ??
    tryList(within(ctx.places, sentence.start, item).reverse(), "places") ??
    finestOfSentence(
      ctx,
      tryList(
        within(
          ctx.places,
          Math.max(paragraph.start, sentence.start - PARAGRAPH_WINDOW),
          sentence.start,
        ).reverse(),
        "none",
      ),
      Math.max(paragraph.start, sentence.start - PARAGRAPH_WINDOW),
      sentence.start,
    ) ??
    speakerPlace(ctx, sentence) ??
    questionPlace(ctx, sentence.paragraph) ??
    section ??
    ctx.pageRegion ??
    venueBefore(ctx, sentence, paragraph.start, start) ??
    // 鹤山：前10月规上工业增加值增长8.6% over figures that name no place: the headline's one place.
    ctx.doc.headlinePlace
  );
}

/** The place of the last venue named before `at` in its paragraph (签约仪式在开平举行，现场签约项目
 * 12个), or of the office giving the figures (据江门海关统计), when nothing else locates the
 * figure: that place is then the best guess. */
function venueBefore(
  ctx: DocContext,
  sentence: Sentence,
  paragraphStart: number,
  at: number,
): RegionAnswer {
  const before = within(
    ctx.places,
    Math.max(paragraphStart, sentence.start - PARAGRAPH_WINDOW),
    at,
  );
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (m.venue || m.source) return regionAt(ctx, m, undefined, sentence.start);
  }
  return undefined;
}

const SPEECH = contextLexicon.speech;

/** The place of a quotation's speaker: “一季度我们签约了23个项目…。”开平市商务局局长说 — the place
 * named between the closing quote and a speech verb right after it. A quote names no place of its
 * own when the speaker's office says where it is. */
function speakerPlace(ctx: DocContext, sentence: Sentence): string | undefined {
  const { text } = ctx;
  let at = sentence.end;
  while (at > sentence.start && /\s/.test(text[at - 1]!)) at--;
  if (!SPEECH.quoteClosers.includes(text[at - 1] ?? "")) return undefined;
  const stop = Math.min(text.length, sentence.end + SPEECH.attributionLimit);
  let verb = -1;
  for (let i = sentence.end; i < stop && verb < 0; i++) {
    if (/[。！？!?\n“]/.test(text[i]!)) break;
    if (SPEECH.verbs.some((w) => text.startsWith(w, i))) verb = i;
  }
  if (verb < 0) return undefined;
  for (const m of within(ctx.places, sentence.end, verb))
    if (m.place.type === "region" && !m.partner) return m.place.key;
  return undefined;
}

const SENTENCE_ENDS = /[。！？!?]/;

/** A figure that names no place of its own takes the place an earlier sentence located things
 * in: of the places that sentence names, the finest. 甲市代管的乙县，传出甲市丙集团项目动工的
 * 消息。该项目总投资… is 乙县's: the city is named around its county (and in a firm's name), the
 * county is where the project is. `found` is the place named last before the figure. */
function finestOfSentence(
  ctx: DocContext,
  found: RegionAnswer,
  from: number,
  at: number,
): RegionAnswer {
  if (typeof found !== "string") return found;
  const before = within(ctx.places, from, at);
  // The sentence of the last mention of `found`.
  let last = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (m.place.type === "region" && m.place.key === found) {
      last = i;
      break;
    }
  }
  if (last < 0) return found;
  let start = before[last]!.start;
  while (start > from && !SENTENCE_ENDS.test(ctx.text[start - 1]!)) start--;
  let end = before[last]!.end;
  while (end < at && !SENTENCE_ENDS.test(ctx.text[end]!)) end++;
  let finest: string | undefined;
  for (const m of within(ctx.places, start, end)) {
    if (m.place.type !== "region" || m.compared || m.aside || m.venue || m.source) continue;
    const r = ctx.gaz.regions.get(m.place.key);
    if (r?.parent === found) {
      if (finest && finest !== r.key) return found; // two of its parts: no one of them
      finest = r.key;
    }
  }
  return finest ?? found;
}

/** The first labelled mention's period; for a flow figure, a running total's span (截至5月底 is
 * January to May). */
function labelled(
  list: readonly PeriodMention[],
  flow = true,
  reached = false,
): string | undefined {
  for (const p of list) {
    // 目前58.3%的增速: now dates a stock, not a flow or a rate.
    if (p.label === "" || (flow && p.now)) continue;
    // 全年 before the year is out: a figure already reached is last year's.
    const label = reached && p.reachedYear ? p.reachedYear : p.label;
    // 年末 dates a stock at the year's end; a flow after it is the year's.
    if (flow && p.yearEnd) return label.slice(0, 4);
    // 今年以来…总数达到702家: a stock reached over a span run up to now stands now.
    if (!flow && p.untilNow) return p.untilNow;
    if (reached && p.reachedYear) return label;
    return (flow && p.toDate) || label;
  }
  return undefined;
}

/** A period stated after the figure in its sentence, in words that hold no figure of their own
 * (甲市GDP 3100亿元，增长5%，今年前三季度，甲市经济稳中有进): the conventions give a figure
 * with no period before it the one its sentence states after it. A period followed by a figure
 * (…，预计到2027年突破4000亿元) is that figure's, not one before it. */
function periodAfter(
  ctx: DocContext,
  sentence: Sentence,
  ce: number,
  flow: boolean,
  reached: boolean,
): string | undefined {
  // Within the window a number looks around, so that a page without full stops costs no more.
  const end = Math.min(sentence.end, ce + SENTENCE_WINDOW);
  const first = within(ctx.periods, ce, end).find((p) => p.label !== "" && !p.fromLevel);
  if (!first) return undefined;
  // 增速创2019年以来新高, 为近三年来最快: the span of a record, not the figure's period.
  const words = ctx.text.slice(first.start, first.end);
  if (RECORD_SPANS.endings.some((w) => words.endsWith(w))) return undefined;
  if (RECORD_SPANS.followers.some((w) => ctx.text.startsWith(w, first.end))) return undefined;
  const from = clauseStart(ctx.text, first.start, ce);
  // The period opens its clause (，今年前三季度，…; ，这是今年1—10月…), not the object of a
  // comparison (高于2022年水平).
  let open = from;
  const pronoun = PRONOUNS.find((w) => ctx.text.startsWith(w, open));
  if (pronoun) open += pronoun.length;
  if (!onlyFiller(ctx.text, open, first.start)) return undefined;
  if (findNumbers(ctx.text, from, end, within(ctx.periods, from, end)).length) return undefined;
  // 该项目首期今年即将启动: a period before a word of plan or estimate dates what will happen.
  const stop = clauseEnd(ctx.text, first.end, end);
  const planned = (k: string) => k === "target" || k === "estimate";
  if (KIND_MARKERS.scan(ctx.text, first.end, stop).some((m) => planned(m.value.kind)))
    return undefined;
  return labelled([first], flow, reached);
}

/** The period text[start] speaks of, moved to the base year of a 同期 before it in its sentence
 * (去年同期，上海GDP为…): the same span, that year. Undefined when no 同期 dates it. */
function sameTimeBase(ctx: DocContext, from: number, at: number): number | undefined {
  const list = within(ctx.periods, from, at);
  for (let i = list.length - 1; i >= 0; i--) {
    const p = list[i]!;
    if (p.sameTimeOf !== undefined) return p.sameTimeOf;
    if (p.label !== "") return undefined;
  }
  return undefined;
}

/** The period of the number at [start, end): the clause, the sentence, the paragraph, the
 * section headings; undefined when none names one. A capacity figure (`reach` "clause") looks
 * only at its clause, a stock figure (`reach` "sentence") only at its sentence. Past the paragraph
 * and its headings, only the title of its story counts: the contract gives a flow figure the period
 * of its sentence or paragraph, else the last complete year, and a title is the story's heading.
 * `reached`: the figure is an actual one, so a bare 全年 before the year is out is last year.
 * `undatedProject`: a project's investment, which the contract dates to the publication month
 * when nothing before it does, so a period after it (该项目今年即将启动) is not its own. */
export function resolvePeriod(
  ctx: DocContext,
  sentence: Sentence,
  cs: number,
  ce: number,
  start: number,
  end: number,
  reach: "clause" | "sentence" | "paragraph",
  reached = false,
  undatedProject = false,
  /** One project's total investment (…工程总投资约48亿元): no period carried from the paragraph before. */
  projectTotal = false,
): string | undefined {
  const current = currentPeriod(
    ctx,
    sentence,
    cs,
    ce,
    start,
    end,
    reach,
    reached,
    undatedProject,
    projectTotal,
  );
  const base = sameTimeBase(ctx, sentence.start, start);
  return base !== undefined && current ? inYear(current, base) : current;
}

const WHOLE_YEARS = /^\d{4}\/\d{4}$/;
const SPAN_TOTALS: readonly string[] = periodLexicon.spanTotals;

/** True when text[from, to) holds a word of a total reached (periods.json spanTotals). */
function hasTotalWord(text: string, from: number, to: number): boolean {
  const clause = text.slice(from, to);
  return SPAN_TOTALS.some((w) => clause.includes(w));
}

function currentPeriod(
  ctx: DocContext,
  sentence: Sentence,
  cs: number,
  ce: number,
  start: number,
  end: number,
  reach: "clause" | "sentence" | "paragraph",
  reached: boolean,
  undatedProject: boolean,
  projectTotal: boolean,
): string | undefined {
  const flow = reach === "paragraph";
  const inClause =
    labelled(ownLevels(ctx.text, within(ctx.periods, cs, start), start).reverse(), flow, reached) ??
    labelled(within(ctx.periods, end, ce), flow, reached);
  // 截至9月末，今年新开工项目418个: the year's flow so far, the running total the sentence opened
  // with (January to September), not the whole year (截至去年底…当年 is that year); so too the
  // batch's investment said after it (，计划总投资263.8亿元), which the 今年 of its sentence dates.
  const soFar = (year: string | undefined) =>
    year && flow && reached && /^\d{4}$/.test(year)
      ? within(ctx.periods, sentence.start, cs).find(
          (p) => p.toDate?.startsWith(`${year}-01/`) && !p.toDate.endsWith("-12"),
        )?.toDate
      : undefined;
  const clauseSoFar = soFar(inClause);
  if (clauseSoFar) return clauseSoFar;
  // 五年间…，总数超过5300家; “十四五”期间…达到620家: a stock said as the total reached over a
  // span of whole years stands at the span's last year (共有200多家 over 近五年来 keeps the span).
  const spanEnd = (label: string | undefined) =>
    !flow && label && WHOLE_YEARS.test(label) && hasTotalWord(ctx.text, cs, start)
      ? label.slice(-4)
      : label;
  if (inClause || reach === "clause") return spanEnd(inClause);
  const inSentence =
    labelled(
      notFromLevels(within(ctx.periods, sentence.start, cs))
        .filter((p) => !asideEnded(ctx.text, p, cs))
        .reverse(),
      flow,
      reached,
    ) ?? (flow && !undatedProject ? periodAfter(ctx, sentence, ce, flow, reached) : undefined);
  if (inSentence) return soFar(inSentence) ?? spanEnd(inSentence);
  // A stock under a title naming a whole year (一、2025年…执行情况, 三、2026年的主要任务) stands in
  // that year: what the titles say of the text they govern.
  if (reach === "sentence")
    return (
      stockDateBefore(ctx, sentence, reached) ??
      wholeYear(ctx.doc.carried[sentence.paragraph]!.period)
    );
  const paragraph = ctx.paragraphs[sentence.paragraph]!;
  const fromText = labelled(
    carried(
      within(
        ctx.periods,
        Math.max(paragraph.start, sentence.start - PARAGRAPH_WINDOW),
        sentence.start,
      ),
    ).reverse(),
    true,
    reached,
  );
  if (fromText) return fromText;
  return (
    questionPeriod(ctx, sentence.paragraph, reached) ??
    ctx.doc.carried[sentence.paragraph]!.period ??
    (projectTotal ? undefined : continuedPeriod(ctx, sentence.paragraph)) ??
    titlePeriod(ctx, sentence.paragraph, undatedProject) ??
    // A project's investment is the project's, not the results the headline dates (鹤山：前10月规上
    // 工业增加值增长8.6% over 总投资25亿元的…项目动工): with no period nearer, extractDocument dates it.
    (undatedProject
      ? undefined
      : (ctx.doc.headlineContext.period ??
        (reached ? (subtitlePeriod(ctx, sentence.paragraph) ?? ctx.doc.releasePeriod) : undefined)))
  );
}

/**
 * The first period the opening paragraph of the section holding paragraph `index` names, when a
 * sub-title heads the section, or a speaker's label opens it in a transcript (梁志坚：…, on a page
 * where 主持人： or 记者： take turns too): a title-like line (【发力】电力与家电双轮驱动), or a
 * short line with no full stop, no figure and no colon at its end between paragraphs (粤西两市增速
 * 领先，工业贡献过半). Its first paragraph says what time the section reports (今年1—9月，台山规上工业
 * 增加值增长8.3%), and a later paragraph of it that names no period of its own, under titles that
 * name none, speaks of that time rather than of the last complete year: a result, not an estimate
 * or a goal (有望突破4万亿), which stands at publication. Text under the headline
 * alone has no such section: there a paragraph that does not continue the one before takes no
 * period from it. No further back than PARAGRAPH_WINDOW characters; a deadline (到2030年) is a
 * goal's, not the section's time.
 */
function subtitlePeriod(ctx: DocContext, index: number): string | undefined {
  const sections = sectionsOf(ctx);
  const opener = sections.opener[index]!;
  const lead = sections.lead[index]!;
  if (opener < 0 || lead < 0) return undefined;
  if (ctx.paragraphs[opener]!.end < ctx.paragraphs[index]!.start - PARAGRAPH_WINDOW)
    return undefined;
  let period = sections.periods.get(lead);
  if (!sections.periods.has(lead)) {
    const p = ctx.paragraphs[lead]!;
    // The first period it names: a speaker may greet before reporting (大家好！上半年，…).
    period = labelled(
      carried(within(ctx.periods, p.start, p.end)).filter((m) => !isDeadline(ctx.text, m.start)),
      true,
      true,
    );
    sections.periods.set(lead, period);
  }
  return period;
}

interface Sections {
  /** Per paragraph, the paragraph that opened its section (a sub-title, a speaker's label), or -1. */
  opener: Int32Array;
  /** Per paragraph, its section's first paragraph before it, or -1 (none yet, or no section). */
  lead: Int32Array;
  /** The period each lead names, once read. */
  periods: Map<number, string | undefined>;
}

const sectionCache = new WeakMap<DocContext, Sections>();
/** The sections of the page, in one pass over its paragraphs: a sub-title (title-like, or a short
 * line with a comma: subtitle) or, in a transcript, a speaker's label opens one; the headline, a
 * heading, a numbered line and a host's or reporter's turn close it; a caption is inside it. */
function sectionsOf(ctx: DocContext): Sections {
  let sections = sectionCache.get(ctx);
  if (sections) return sections;
  const n = ctx.paragraphs.length;
  sections = {
    opener: new Int32Array(n).fill(-1),
    lead: new Int32Array(n).fill(-1),
    periods: new Map(),
  };
  const turns = isTranscript(ctx);
  let opener = -1;
  let lead = -1;
  for (let i = 0; i < n; i++) {
    const p = ctx.paragraphs[i]!;
    if (i === ctx.doc.headline || p.role !== "body") {
      opener = lead = -1;
      continue;
    }
    const line = ctx.text.slice(p.start, p.end);
    // A picture's caption (▲ …, 图为…, …摄) stands inside the section: neither its title nor its lead.
    if (isCaption(line)) continue;
    if (p.titleLike || subtitle(line)) {
      opener = i;
      lead = -1;
      continue;
    }
    const label = turns ? speakerLabel(ctx, i) : undefined;
    if (label !== undefined) {
      // A host's or a reporter's turn is no report (an answer takes its question's period); a
      // speaker's turn is a section of its own, its label's paragraph its first.
      opener = lead = HOST_LABELS.some((w) => label.endsWith(w)) ? -1 : i;
      continue;
    }
    sections.opener[i] = opener;
    sections.lead[i] = lead;
    if (opener >= 0 && lead < 0 && !isBylineLine(line)) lead = i;
  }
  sectionCache.set(ctx, sections);
  return sections;
}

const HOST_LABELS: readonly string[] = INTERVIEW.hostLabels;
/** A speaker's label at a paragraph's start: a name and a colon, asides in brackets aside
 * (梁志坚：, 主持人（市政府新闻办副主任 何敏）：, 江门日报记者：). */
const SPEAKER_LABEL = /^([^，。,；;：:\d（(]{1,20})(?:[（(][^）)]{0,30}[）)])?[：:]/;

/** The speaker's label that opens paragraph `index`, without its aside; undefined for none. */
function speakerLabel(ctx: DocContext, index: number): string | undefined {
  const p = ctx.paragraphs[index]!;
  const m = SPEAKER_LABEL.exec(ctx.text.slice(p.start, Math.min(p.end, p.start + 60)));
  if (!m) return undefined;
  const label = m[1]!.trim();
  const host = HOST_LABELS.some((w) => label.endsWith(w));
  return host || label.length <= INTERVIEW.answerLabelLimit ? label : undefined;
}

const transcripts = new WeakMap<DocContext, boolean>();
/** A transcript: a page where a host or a reporter takes turns (主持人：…, 记者：…). */
function isTranscript(ctx: DocContext): boolean {
  let t = transcripts.get(ctx);
  if (t === undefined) {
    t = false;
    for (let i = 0; i < ctx.paragraphs.length && !t; i++) {
      const label = speakerLabel(ctx, i);
      t = label !== undefined && HOST_LABELS.some((w) => label.endsWith(w));
    }
    transcripts.set(ctx, t);
  }
  return t;
}

const CAPTIONS = contextLexicon.captionMarks;
/** A picture's or chart's caption: ▲ 川岛海域的海上风电场, 图为…（记者 黄晓 摄）. */
const isCaption = (line: string) => {
  const t = line.trim();
  return (
    CAPTIONS.openers.some((w) => t.startsWith(w)) || CAPTIONS.closers.some((w) => t.endsWith(w))
  );
};

/** Longest sub-title with a comma, in characters. */
const SUBTITLE_LIMIT = 40;
/** A sub-title with a comma (粤西两市增速领先，工业贡献过半): short, no sentence's end, no figure, no colon
 * at its end (a colon line heads a list). */
const subtitle = (line: string) =>
  line.length <= SUBTITLE_LIMIT && !/[。！？!?；;\d]|[：:]$/.test(line);

const wholeYear = (label: string | undefined) =>
  label !== undefined && /^\d{4}$/.test(label) ? label : undefined;

/** The mentions that reach past their own sentence: not a month said as an aside (9月当月增长8.1%),
 * after which the report goes on with its longer period. */
const carried = (list: readonly PeriodMention[]) =>
  list.filter((p) => !p.singleMonth && !p.fromLevel);

const ITEM_MARKS = /[；;]/;

/** True when `p` is a month said as an aside (其中2月当月…) whose item ended (；) before `at`: the
 * items after it go on with the sentence's longer period (…；新开工项目5个 is of 1—2月). */
const asideEnded = (text: string, p: PeriodMention, at: number) =>
  !!p.singleMonth && ITEM_MARKS.test(text.slice(p.end, at));

/** The mentions that may date a figure in a later clause: not the year of a level moved from. */
const notFromLevels = (list: readonly PeriodMention[]) => list.filter((p) => !p.fromLevel);

/** The mentions of a figure's own clause before it that may date it: the year of a level moved
 * from (由2024年的412.3亿元) dates only that level, the figure with no other number between. */
function ownLevels(text: string, list: readonly PeriodMention[], at: number): PeriodMention[] {
  return list.filter((p) => !p.fromLevel || !/\d/.test(text.slice(p.end, at)));
}

// A paragraph opening with a measure and no indicator (从总量看, 增速方面) goes on with the one
// before it: its indicator (bind.ts) and its period.
const CONTINUATION_OPENERS = [...periodLexicon.continuationOpeners, ...MEASURE_OPENERS];
const RECORD_SPANS = periodLexicon.recordSpans;
// 分县（市、区）看，…; 从各镇街看：…: a paragraph that opens by naming the breakdown it gives.
const BREAKDOWN_OPENER = new RegExp(
  `^(?:${wordAlternatives(periodLexicon.breakdownOpeners.starts)})[^，,。；;：:\\s]{1,${periodLexicon.breakdownOpeners.maxInner}}?(?:${wordAlternatives(periodLexicon.breakdownOpeners.ends)})[，,：:]`,
);
const OPENING_WINDOW = 8 + periodLexicon.breakdownOpeners.maxInner;

/** A paragraph that opens by continuing the one before it (其中, 尤其是, 同时, 从总量看) speaks of that
 * paragraph's period: the last one it names. */
function continuedPeriod(ctx: DocContext, index: number): string | undefined {
  const p = ctx.paragraphs[index]!;
  const before = ctx.paragraphs[index - 1];
  if (!before || before.titleLike) return undefined;
  const opening = ctx.text.slice(p.start, p.start + OPENING_WINDOW).trimStart();
  if (!CONTINUATION_OPENERS.some((w) => opening.startsWith(w)) && !BREAKDOWN_OPENER.test(opening))
    return undefined;
  // A deadline (到2027年…力争) dates that paragraph's goal, not the results the next one goes on with.
  return labelled(
    carried(within(ctx.periods, Math.max(before.start, p.start - PARAGRAPH_WINDOW), before.end))
      .filter((m) => !isDeadline(ctx.text, m.start))
      .reverse(),
  );
}

/** For a stock in a sentence that opens by going on with the one before it in its paragraph
 * (截至10月末，…经营主体71.36万户。其中，企业21.85万家; 分地区看，新会区…1268家): the date the
 * last period named before it in the paragraph gives a stock, when that is a date a stock stands
 * at (截至10月末, 年末, 目前), not a span of months. */
function stockDateBefore(
  ctx: DocContext,
  sentence: Sentence,
  reached: boolean,
): string | undefined {
  const paragraph = ctx.paragraphs[sentence.paragraph]!;
  if (sentence.start <= paragraph.start) return undefined;
  const opening = ctx.text.slice(sentence.start, sentence.start + OPENING_WINDOW).trimStart();
  if (!CONTINUATION_OPENERS.some((w) => opening.startsWith(w)) && !BREAKDOWN_OPENER.test(opening))
    return undefined;
  const before = within(
    ctx.periods,
    Math.max(paragraph.start, sentence.start - PARAGRAPH_WINDOW),
    sentence.start,
  ).findLast((p) => p.label !== "");
  return before && (before.toDate || before.now || before.yearEnd)
    ? labelled([before], false, reached)
    : undefined;
}

/** The period the title of the story holding paragraph `index` names (三、2024年重点工作,
 * 一季度江门经济运行开局良好), found back to the title or heading that starts the story, no
 * further than PARAGRAPH_WINDOW characters; with `notHeadline`, a title other than the headline. */
function titlePeriod(ctx: DocContext, index: number, notHeadline = false): string | undefined {
  const floor = ctx.paragraphs[index]!.start - PARAGRAPH_WINDOW;
  for (let i = index - 1; i >= 0; i--) {
    const p = ctx.paragraphs[i]!;
    if (p.end < floor) return undefined;
    // The headline dates a project's investment no more here than as the headline (below).
    if (notHeadline && i === ctx.doc.headline) return undefined;
    if (p.titleLike)
      return labelled(within(ctx.periods, Math.max(p.start, floor), p.end).reverse());
  }
  return undefined;
}

/** The question paragraph (记者：…, 问：…) that paragraph `index` answers (李明：…, 答：…), if it is
 * an answer right after one. */
function questionOf(ctx: DocContext, index: number) {
  if (index === 0) return undefined;
  const { text } = ctx;
  const answer = ctx.paragraphs[index]!;
  const question = ctx.paragraphs[index - 1]!;
  if (!INTERVIEW.questionLabels.some((w) => text.startsWith(w, question.start))) return undefined;
  const head = text.slice(answer.start, answer.start + INTERVIEW.answerLabelLimit + 1);
  const colon = head.search(/[：:]/);
  if (colon < 1 || /[\d，。,]/.test(head.slice(0, colon))) return undefined;
  if (INTERVIEW.questionLabels.some((w) => text.startsWith(w, answer.start))) return undefined;
  return question;
}

/** The period a question asked about (记者：前三季度，恩平的招商引资怎么样？ / 答：…签约项目53个): an
 * answer that names none of its own before a figure speaks of the last one the question names. */
function questionPeriod(ctx: DocContext, index: number, reached: boolean): string | undefined {
  const question = questionOf(ctx, index);
  if (!question) return undefined;
  return labelled(
    carried(within(ctx.periods, question.start, question.end)).reverse(),
    true,
    reached,
  );
}

/** The place a question asked: an answer paragraph (李明：…) right after a question paragraph
 * (记者：鹤山的外贸怎么样？) is about what was asked, when it names no place of its own. The last
 * place of the table the question names. */
function questionPlace(ctx: DocContext, index: number): string | undefined {
  const question = questionOf(ctx, index);
  if (!question) return undefined;
  const named = within(ctx.places, question.start, question.end);
  for (let i = named.length - 1; i >= 0; i--) {
    const m = named[i]!;
    if (m.place.type === "region" && !m.partner) return m.place.key;
  }
  return undefined;
}
