// Period words and their labels in the contract's grammar (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM,
// YYYY-MM-DD, A/B). Relative words resolve against the publication date: 今年 is its year, 去年
// the one before, 今年以来 runs from January to the publication month, 近五年 covers the five
// complete years before it, 2018年以来 runs from 2018 to the publication year. A date with a day
// (4月11日) names when something happened, not the period a figure covers: it is found, so that
// its digits are not read as a figure, but it carries no label.

import { kindLexicon, periodLexicon as lexicon, wordAlternatives as alt } from "./lexicon.ts";
import { smallNumber } from "./numbers.ts";

export interface PublicationDate {
  year: number;
  /** 1-12 */
  month: number;
}

export interface PeriodMention {
  start: number;
  end: number;
  /** The period label, or "" for an event date that sets no period. */
  label: string;
  /** True when the text names the year (2021年, 去年), not only a part of one (一季度, 3月). */
  namesYear: boolean;
  /** The period a comparison names as its base (比2020年, 相比2020年): no period of a growth
   * rate, but the period of an amount stated in the comparison (比2020年的61280亿元). */
  base?: string;
  /** For a month that ends a running total (截至5月底): January to that month, the period of a
   * flow figure; the month itself stays the label, the period of a stock. */
  toDate?: string;
  /** A date with a day (11月18日): the month it falls in. The day is when something happened,
   * so it labels no period; it dates only the figures that count that event's outcome (projects
   * signed or started that day), which have no period of their own (see bind.ts). */
  eventMonth?: string;
  /** A bare 全年: the whole of the year the text is talking about, not necessarily today's. */
  wholeOfContextYear?: boolean;
  /** 近一年, N年来, 过去一年: a span counted back from publication. It names no year the text is
   * about, so a bare 全年 after it is not placed by it (一年来…全年 in a December review is this year). */
  relativeSpan?: boolean;
  /** A month said with 当月/单月 (9月当月): an aside on one month inside a longer period's
   * report, which dates only its own sentence and is not carried to the sentences after it. */
  singleMonth?: boolean;
  /** A bare 年末/年底: the end of the year the text is talking about, as 全年 is its whole. */
  yearEnd?: boolean;
  /** For a bare 全年 that no named year before it places, published before the year is out: the
   * last complete year, the only whole year a figure already reached can cover (全年全市GDP增长
   * 4.8% in a February bulletin is last year's; 全年力争增长5% is this year's target). */
  reachedYear?: string;
  /** 去年同期, 2021年同期 (not after 比/较): the same span of that year as the period the text is
   * about. A figure it dates belongs to that base period, never to the current one. */
  sameTimeOf?: number;
  /** 从2019年的, 由2024年的: the year of the level a change moves from. It dates that level alone
   * (the amount right after it), not the level reached nor the rates after it, which are of the
   * period the text is about (由2024年的412.3亿元提升至447.9亿元，增长8.6% in a 2025 review). */
  fromLevel?: boolean;
  /** For a span run up to publication (今年以来, 去年以来): the publication month, where a stock
   * reached over the span stands (今年以来…总数达到702家 is at the month, not over the span). */
  untilNow?: string;
  /** 目前, 当前: now, the date of a stock; a rate or a flow is not dated by it. */
  now?: boolean;
  /** A span of whole years (2019—2022年, 2017年~2021年): a 分别 list over it is one figure a year. */
  years?: readonly [number, number];
  /** A five-year plan's whole span (“十四五”, “十四五”期间), which a bare N年间 after it refers to. */
  planSpan?: boolean;
  /** 五年间, 三年来 said with no prefix: the number of years, for referring to a plan before it. */
  bareYears?: number;
}

/** How far back a bare N年间 looks for the plan whose span it says again, in characters. */
const PLAN_REFERENCE_WINDOW = 600;

/** 五年间 or 五年来 said with no prefix after “十四五”期间 in the text just before (within
 * PLAN_REFERENCE_WINDOW characters): the plan's span said again, as long as N is the plan's length,
 * where it counted back from publication (a December review's 五年间 includes its own year). */
function referToPlan(m: PeriodMention, out: readonly PeriodMention[]): void {
  for (let i = out.length - 1; i >= 0 && out[i]!.end >= m.start - PLAN_REFERENCE_WINDOW; i--) {
    const p = out[i]!;
    if (!p.planSpan) continue;
    const years = yearOfLabel(p.label) - Number(p.label.slice(0, 4)) + 1;
    if (years === m.bareYears) m.label = p.label;
    return;
  }
}

/** How far back a bare 全年 looks for the year the text is about, in characters. */
const CONTEXT_YEAR_WINDOW = 2000;

/** The year a labelled mention is in (its end, for an interval such as 2019/2023). */
function yearOfLabel(label: string): number {
  const slash = label.indexOf("/");
  return Number((slash < 0 ? label : label.slice(slash + 1)).slice(0, 4));
}

const pad = (n: number) => String(n).padStart(2, "0");
const RANGE_CHARS = lexicon.rangeConnectors.map((c) => c.replace(/[-\\^\]]/g, "\\$&")).join("");
const RELATIVE = Object.keys(lexicon.relativeYears).sort((a, b) => b.length - a.length);

// A year in Arabic digits or digit by digit in Chinese (二〇二三年).
const YEAR_DIGITS = "(?:\\d{4}|[〇零一二三四五六七八九]{4})";
const CN_YEAR_DIGIT = "〇一二三四五六七八九";
const yearNumber = (s: string) =>
  /^\d{4}$/.test(s)
    ? Number(s)
    : Number(
        Array.from(s, (c) => Math.max(0, CN_YEAR_DIGIT.indexOf(c === "零" ? "〇" : c))).join(""),
      );
const NUMERAL = "[一二两三四五六七八九十\\d]{1,2}";
const CHINESE_NUMERAL = "[一二两三四五六七八九十]{1,2}";
// A month in Chinese numerals (十一月, 一至十月), as spoken and in transcribed interviews.
// Not inside a word: 统一月度, 单一月份 and 唯一 hold 一月 too (periods.json chineseMonthBlockers);
// nor after another numeral (一二月份 is two months said together, not 二月).
const CN_MONTH_NOT_AFTER = `[${lexicon.chineseMonthBlockers.before.join("")}一二三四五六七八九十〇零]`;
// The look-behinds follow the month's first character, so that the scan tries them only where a
// numeral stands, not at every position of the text.
const CN_MONTH = `(?:十(?<!${CN_MONTH_NOT_AFTER}.)[一二]?|[一二三四五六七八九](?<!${CN_MONTH_NOT_AFTER}.))(?=[${RANGE_CHARS}]|月(?![${lexicon.chineseMonthBlockers.after.join("")}]))`;
// A day of a date, in digits or Chinese numerals (18日, 十八日).
const DAY = "\\d{1,2}|[一二三四五六七八九十]{1,3}";
const SUB = `第?([一二三四1-4])季度(?![${RANGE_CHARS}]第?[一二三四1-4]季度)|([上下])半年|前([一二三1-3])季度|(\\d{1,2}|${CN_MONTH})(?:月?[${RANGE_CHARS}](\\d{1,2}|${CN_MONTH}))?月份?((?:${DAY})(?:[${RANGE_CHARS}](?:${DAY}))?[日号])?|(${alt([...lexicon.wholeYear, ...lexicon.contextYears])})|(${alt(Object.keys(lexicon.reports))})|(?:${alt(lexicon.firstMonthsPrefixes)})(?<![${lexicon.firstMonthsBlockers.join("")}].)(\\d{1,2}|[一二两三四五六七八九十]{1,2})个?月|(${alt(lexicon.yearEnds)})|第?([一二三四1-4])(?:季度)?[${RANGE_CHARS}]第?([一二三四1-4])季度`;
const HEAD = new RegExp(
  [
    `(?:${alt(lexicon.sinceMarkers.before)})?(?:${YEAR_DIGITS}年|${alt(RELATIVE)})`,
    alt(lexicon.sinceStartOfYear),
    SUB,
    `(?:${alt(lexicon.lastYears.prefixes)})${NUMERAL}(?:${alt(lexicon.lastYears.suffixes)})`,
    `${CHINESE_NUMERAL}(?:${alt(lexicon.lastYears.bareSuffixes)})`,
    alt(lexicon.lastOneYear),
    alt(lexicon.now),
    alt(Object.keys(lexicon.relativeMonths)),
    alt(Object.keys(lexicon.plans)),
  ].join("|"),
  "g",
);
const YEAR_AT = new RegExp(
  `(${alt(lexicon.sinceMarkers.before)})?(?:(${YEAR_DIGITS})年|(${alt(RELATIVE)}))`,
  "y",
);
const SUB_AT = new RegExp(SUB, "y");
const SINCE_AT = new RegExp(alt(lexicon.sinceMarkers.after), "y");
/** Quotes that may close a plan's name before 以来 (“十四五”以来). */
const QUOTE_CLOSERS: readonly string[] = lexicon.quoteClosers;
const SINCE_YEAR_START_AT = new RegExp(alt(lexicon.sinceStartOfYear), "y");
// 近五年, 过去3年; and 五年来 with no prefix, only in Chinese numerals (2024年来 is a year and a verb).
const LAST_N_AT = new RegExp(
  `(?:${alt(lexicon.lastYears.prefixes)})(${NUMERAL})(?:${alt(lexicon.lastYears.suffixes)})|(${CHINESE_NUMERAL})(?:${alt(lexicon.lastYears.bareSuffixes)})`,
  "y",
);
const LAST_ONE_AT = new RegExp(alt(lexicon.lastOneYear), "y");
const NOW_AT = new RegExp(alt(lexicon.now), "y");
const RELATIVE_MONTHS = lexicon.relativeMonths as Record<string, number>;
const RELATIVE_MONTH_AT = new RegExp(alt(Object.keys(RELATIVE_MONTHS)), "y");
const PLAN_AT = new RegExp(alt(Object.keys(lexicon.plans)), "y");
const PLAN_SPAN_WORDS: readonly string[] = lexicon.planSpanWords;
const PLAN_YEARS = lexicon.planYears;
const MANY_YEARS: readonly string[] = lexicon.lastYears.manyYearsOnly;
/** periods.json planYears: the longest word at `at` of `words`, or undefined. */
const wordAt = (text: string, at: number, words: readonly string[]) =>
  words.filter((w) => text.startsWith(w, at)).sort((a, b) => b.length - a.length)[0];
const COMPARISON_SUFFIXES = lexicon.comparisonSuffixes;
const RECORDS = lexicon.recordSpans;

/** A span run up to publication (今年以来, 去年以来, “十四五”以来): where it ends, the publication
 * month, at which a stock reached over it stands. */
const sinceNow = (pub: PublicationDate | undefined) =>
  pub ? { untilNow: `${pub.year}-${pad(pub.month)}` } : {};

/** True when a span ending in 以来/年来 stands right before a record word (今年以来最高, 今年以来单月
 * 最高, 三年来新低): the span a record is set over, not a period of any figure. */
function recordSpan(text: string, mention: { start: number; end: number }): boolean {
  const words = text.slice(mention.start, mention.end);
  if (!RECORDS.endings.some((w) => words.endsWith(w))) return false;
  let at = mention.end;
  const between = RECORDS.between.find((w) => text.startsWith(w, at));
  if (between) at += between.length;
  return RECORDS.records.some((w) => text.startsWith(w, at));
}
const CUMULATIVE_PREFIXES = lexicon.cumulativePrefixes;
const SINGLE_MONTHS: readonly string[] = lexicon.singleMonths;
const SINGLE_MONTH_PREFIXES: readonly string[] = lexicon.singleMonthPrefixes;

/** Whether one of SINGLE_MONTH_PREFIXES (其中) stands right before `at`, a comma allowed between. */
function afterSingleMonthPrefix(text: string, at: number): boolean {
  const end = at > 0 && (text[at - 1] === "，" || text[at - 1] === ",") ? at - 1 : at;
  return SINGLE_MONTH_PREFIXES.some((w) => end >= w.length && text.startsWith(w, end - w.length));
}
const COMPARISON = lexicon.comparison;
const EVENT_PREFIXES = lexicon.eventPrefixes;
const COMPARISON_PREFIXES = lexicon.comparisonPrefixes;
const QUOTE_OPENERS: readonly string[] = lexicon.quoteOpeners;
const YEAR_ENDS_AFTER_YEAR: readonly string[] = lexicon.yearEndsAfterYear;
// 2020年的1.3倍, “十三五”时期的1.3倍: the base of a ratio. The closing quote of a plan's name
// may stand first (the mention ends inside the quotes).
const RATIO_BASE_AT = new RegExp(
  `(?:${alt([...QUOTE_CLOSERS])})?(?:${alt(lexicon.ratioBases.between)})?${lexicon.ratioBases.attributive}[\\d.一二两三四五六七八九十]+${lexicon.ratioBases.times}`,
  "y",
);

/** True when a comparison prefix (比, 较) ends at `at`, or ends right before an opening quote
 * that ends at `at` (比“十三五”时期). */
function comparedAt(text: string, at: number): boolean {
  const prefixed = (end: number) =>
    COMPARISON_PREFIXES.some((w) => end >= w.length && text.startsWith(w, end - w.length));
  return (
    prefixed(at) ||
    QUOTE_OPENERS.some((q) => text.startsWith(q, at - q.length) && prefixed(at - q.length))
  );
}

/** `label` with its years moved so that its last year is `year` (2021-Q1 → 2020-Q1). */
export function inYear(label: string, year: number): string {
  const last = Number(label.slice(label.lastIndexOf("/") + 1).slice(0, 4));
  return label.replace(/\d{4}/g, (y) => String(Number(y) + year - last));
}

/** The month of a date with a day captured by SUB (11月18日 in year `y`), else undefined. */
function dayMonth(y: number | undefined, m: RegExpExecArray): string | undefined {
  const [, , , , month, month2, day] = m;
  if (y === undefined || !month || !day || month2) return undefined;
  const a = smallNumber(month);
  return a >= 1 && a <= 12 ? `${y}-${pad(a)}` : undefined;
}

/** Label of a part of year `y` captured by SUB, or "" for a day, or undefined if malformed. */
function subLabel(y: number, m: RegExpExecArray): string | undefined {
  const [, q, half, firstQ, month, month2, day, whole, report, firstMonths, yearEnd, qFrom, qTo] =
    m;
  if (yearEnd) return `${y}-12`;
  // 一至三季度, 1—3季度, 第二至第三季度: the quarters from the first named to the last.
  if (qFrom && qTo) {
    const a = smallNumber(qFrom);
    const b = smallNumber(qTo);
    if (b <= a) return undefined;
    return `${y}-${pad(a * 3 - 2)}/${y}-${pad(b * 3)}`;
  }
  if (q) return `${y}-Q${smallNumber(q)}`;
  if (half) return `${y}-H${half === "上" ? 1 : 2}`;
  if (firstQ) {
    const n = smallNumber(firstQ);
    return n === 1 ? `${y}-Q1` : `${y}-01/${y}-${pad(n * 3)}`;
  }
  if (month) {
    if (day) return "";
    const a = smallNumber(month);
    if (a < 1 || a > 12) return undefined;
    if (month2) {
      const b = smallNumber(month2);
      if (b < a || b > 12) return undefined;
      return `${y}-${pad(a)}/${y}-${pad(b)}`;
    }
    return `${y}-${pad(a)}`;
  }
  if (whole) return `${y}`;
  if (report) {
    const part = (lexicon.reports as Record<string, string>)[report]!;
    return part === "Q1-Q3" ? `${y}-01/${y}-09` : `${y}-${part}`;
  }
  if (firstMonths) {
    const n = smallNumber(firstMonths);
    if (!(n >= 1 && n <= 12)) return undefined;
    return n === 1 ? `${y}-01` : `${y}-01/${y}-${pad(n)}`;
  }
  return undefined;
}

/**
 * All period mentions in text[from, to), in order. `pub` resolves relative words; without it
 * relative mentions get the label "" (they name no period we can place).
 */
export function findPeriods(
  text: string,
  pub: PublicationDate | undefined,
  from = 0,
  to = text.length,
): PeriodMention[] {
  const out: PeriodMention[] = [];
  const head = new RegExp(HEAD.source, "g");
  head.lastIndex = from;
  for (let h = head.exec(text); h && h.index < to; h = head.exec(text)) {
    if (h[0].length === 0) {
      head.lastIndex++;
      continue;
    }
    const mention = parseAt(text, h.index, to, pub);
    if (mention && endsYear(text, mention) && isDeadline(text, mention.start)) {
      // 到年底, 至今年年末: a deadline (kinds.ts deadlineYear), not the date of a stock.
      head.lastIndex = Math.max(mention.end, h.index + 1);
      continue;
    }
    if (
      mention &&
      (EVENT_PREFIXES.some(
        (w) => mention.start >= w.length && text.startsWith(w, mention.start - w.length),
      ) ||
        comparedAt(text, mention.start))
    ) {
      const comparison = comparedAt(text, mention.start);
      if (comparison && mention.label !== "") mention.base = mention.label;
      mention.label = "";
    } else if (mention && recordSpan(text, mention)) {
      // 是今年以来单月最高: the span a record is set over dates nothing, here or after.
      mention.label = "";
    } else if (mention && COMPARISON_SUFFIXES.some((w) => text.startsWith(w, mention.end))) {
      // 2020年同期: the base of a year-on-year comparison.
      mention.label = "";
    } else if (mention && mention.label !== "" && sticky(RATIO_BASE_AT, text, mention.end, to)) {
      // 是2020年的1.3倍: the base of a ratio dates neither the ratio nor the figures after it.
      mention.label = "";
    }
    if (mention) sameTime(text, mention, pub);
    if (mention) yearSpan(text, mention, out);
    if (mention?.bareYears && mention.label !== "") referToPlan(mention, out);
    if (mention?.wholeOfContextYear && mention.label !== "") {
      // 全年 in a report on 2023 published in 2024 is 2023: the year last named before it.
      let named = false;
      for (
        let i = out.length - 1;
        i >= 0 && out[i]!.end >= mention.start - CONTEXT_YEAR_WINDOW;
        i--
      ) {
        const p = out[i]!;
        if (
          p.namesYear &&
          p.label !== "" &&
          !p.relativeSpan &&
          !p.fromLevel &&
          !lookedBack(text, out, i)
        ) {
          mention.label = `${yearOfLabel(p.label)}${mention.yearEnd ? "-12" : ""}`;
          // 全区现有…68家。…全年完成投资: placed by the now of an earlier sentence, a year not yet
          // over, which a figure already reached cannot cover (a goal still can; 从目前的势头看，
          // 全年…有望 speaks of the year in progress).
          if (p.now && pub && pub.month < 12 && /[。！？]/.test(text.slice(p.end, mention.start)))
            mention.reachedYear = `${pub.year - 1}${mention.yearEnd ? "-12" : ""}`;
          named = true;
          break;
        }
      }
      if (!named && pub && pub.month < 12)
        mention.reachedYear = `${pub.year - 1}${mention.yearEnd ? "-12" : ""}`;
    }
    if (mention) partEnd(text, mention, to);
    const cumulative =
      !!mention &&
      CUMULATIVE_PREFIXES.some(
        (w) => mention.start >= w.length && text.startsWith(w, mention.start - w.length),
      );
    // 截至6月30日 counts up to a day as 截至6月底 does to a month's end: the day names no event
    // here but the month a stock stands at (or a running total's last month).
    if (mention && cumulative && mention.label === "" && mention.eventMonth) {
      mention.label = mention.eventMonth;
      delete mention.eventMonth;
    }
    if (mention && /^\d{4}-\d{2}$/.test(mention.label)) {
      // 9月当月, and 其中9月份 after a longer period: one month picked out, an aside.
      if (
        SINGLE_MONTHS.some((w) => text.startsWith(w, mention.end)) ||
        afterSingleMonthPrefix(text, mention.start)
      )
        mention.singleMonth = true;
      const month = mention.label.slice(5);
      if (cumulative && month !== "01")
        mention.toDate = `${mention.label.slice(0, 4)}-01/${mention.label}`;
    }
    if (mention) {
      out.push(mention);
      head.lastIndex = Math.max(mention.end, h.index + 1);
    } else head.lastIndex = h.index + 1;
  }
  return out;
}

const PART_OF_YEAR = /^(\d{4})-([QH])([1-4])$/;

/** 三季度末, 上半年底: the end of a quarter or half, said with periods.json yearEndsAfterYear as
 * 2025年末 is: the label becomes its last month, where a stock stands (2025-09); a flow keeps the
 * quarter or half (toDate), or after 截至 runs from January (findPeriods). */
function partEnd(text: string, m: PeriodMention, to: number): void {
  const part = PART_OF_YEAR.exec(m.label);
  if (!part) return;
  const word = YEAR_ENDS_AFTER_YEAR.find(
    (w) => text.startsWith(w, m.end) && m.end + w.length <= to,
  );
  if (!word) return;
  const month = Number(part[3]) * (part[2] === "Q" ? 3 : 6);
  m.toDate = m.label;
  m.label = `${part[1]}-${pad(month)}`;
  m.end += word.length;
}

/** Sentence ends and line ends, for telling whether two mentions share a sentence. */
const FULL_STOPS = /[。！？!?\n]/;

/** True when out[i], a named year, looks back inside a sentence about a later year (2025年，…增长
 * 2.7%，扭转了2024年下降4.5%的局面): a year named earlier in its sentence is later than it. Such a
 * year dates its own figure, but it is not the year the text is about, which a later 全年 takes. */
function lookedBack(text: string, out: readonly PeriodMention[], i: number): boolean {
  const p = out[i]!;
  const year = yearOfLabel(p.label);
  for (let k = i - 1; k >= 0; k--) {
    const q = out[k]!;
    if (FULL_STOPS.test(text.slice(q.end, p.start))) return false;
    if (q.namesYear && q.label !== "" && yearOfLabel(q.label) > year) return true;
  }
  return false;
}

const YEAR_ENDS: readonly string[] = lexicon.yearEnds;
const DEADLINE_BEFORE: readonly string[] = kindLexicon.deadlines.before;

/** True when the mention ends in 年末/年底 (年末, 今年年底). */
const endsYear = (text: string, m: PeriodMention) =>
  YEAR_ENDS.some((w) => text.startsWith(w, m.end - w.length));

/** True when 到/至 stands right before `at`, and not as the end of 截至 (a date counted up to). */
export function isDeadline(text: string, at: number): boolean {
  const word = DEADLINE_BEFORE.find((w) => text.startsWith(w, at - w.length));
  if (!word) return false;
  return !CUMULATIVE_PREFIXES.some((c) => c.endsWith(word) && text.startsWith(c, at - c.length));
}

const SAME_TIME = lexicon.sameTimeSuffixes;
const SAME_TIME_BLOCKERS = lexicon.sameTimeBlockers;
const YEAR_RANGE_BEFORE = new RegExp(`(\\d{4})年?[${RANGE_CHARS}]$`);

/** 去年同期，上海GDP为…; 2021年同期下降3.2%: a year followed by 同期, not as the base of a
 * comparison (比去年同期), names the same span of that year. */
function sameTime(text: string, m: PeriodMention, pub: PublicationDate | undefined): void {
  const suffix = SAME_TIME.find((w) => text.startsWith(w, m.end));
  if (suffix === undefined) return;
  // 2020年同期基数偏低的甲市, 与去年同期相比: the base of a comparison, not a date.
  const after = m.end + suffix.length;
  if (SAME_TIME_BLOCKERS.some((w) => text.startsWith(w, after))) return;
  if (COMPARISON_PREFIXES.some((w) => text.startsWith(w, m.start - w.length))) return;
  const word = text.slice(m.start, m.end);
  const relative = (lexicon.relativeYears as Record<string, number>)[word];
  if (relative !== undefined && pub) m.sameTimeOf = pub.year + relative;
  else if (/^\d{4}年$/.test(word)) m.sameTimeOf = Number(word.slice(0, 4));
}

/** 2019—2022年, 2017年~2021年: a span of whole years, merged into one mention. */
function yearSpan(text: string, m: PeriodMention, out: PeriodMention[]): void {
  if (!/^\d{4}$/.test(m.label)) return;
  const before = YEAR_RANGE_BEFORE.exec(text.slice(Math.max(0, m.start - 7), m.start));
  if (!before) return;
  const first = Number(before[1]);
  const last = Number(m.label);
  if (first >= last || last - first > 30) return;
  const start = m.start - before[0].length;
  const prev = out[out.length - 1];
  if (prev && prev.start >= start) out.pop();
  m.start = start;
  m.label = `${first}/${last}`;
  m.years = [first, last];
}

/** True when a comparison word (比上年, 去年同期) covers part of text[start, end). */
function isComparison(text: string, start: number, end: number): boolean {
  const lo = Math.max(0, start - 4);
  const window = text.slice(lo, Math.min(text.length, end + 4));
  for (const w of COMPARISON) {
    for (let i = window.indexOf(w); i >= 0; i = window.indexOf(w, i + 1)) {
      if (lo + i < end && lo + i + w.length > start) return true;
    }
  }
  return false;
}

function sticky(re: RegExp, text: string, at: number, to: number): RegExpExecArray | null {
  re.lastIndex = at;
  const m = re.exec(text);
  return m && m.index + m[0].length <= to ? m : null;
}

function parseAt(
  text: string,
  at: number,
  to: number,
  pub: PublicationDate | undefined,
): PeriodMention | undefined {
  const nowYear = pub?.year;
  const sinceYearStart = sticky(SINCE_YEAR_START_AT, text, at, to);
  if (sinceYearStart) {
    const end = at + sinceYearStart[0].length;
    const label = pub ? `${pub.year}-01/${pub.year}-${pad(pub.month)}` : "";
    return { start: at, end, label, namesYear: true, ...sinceNow(pub) };
  }
  const lastOne = sticky(LAST_ONE_AT, text, at, to);
  if (lastOne) {
    return {
      start: at,
      end: at + lastOne[0].length,
      label: pub ? `${pub.year - 1}` : "",
      namesYear: true,
      relativeSpan: true,
    };
  }
  const plan = sticky(PLAN_AT, text, at, to);
  if (plan) {
    const label = (lexicon.plans as Record<string, string>)[plan[0]]!;
    let end = at + plan[0].length;
    // “十四五”以来: from the plan's first year to the publication year, a span already run.
    const quote = QUOTE_CLOSERS.includes(text[end] ?? "") ? 1 : 0;
    const since = sticky(SINCE_AT, text, end + quote, to);
    if (since && pub) {
      end += quote + since[0].length;
      const first = Number(label.slice(0, 4));
      const last = Math.min(pub.year, Number(label.slice(-4)));
      if (first <= last)
        return {
          start: at,
          end,
          label: `${first}/${last}`,
          namesYear: true,
          planSpan: true,
          ...sinceNow(pub),
        };
    }
    // “十五五”开局之年, “十四五”规划的收官之年: one year of the plan, its first or its last.
    const between = wordAt(text, end + quote, PLAN_YEARS.between) ?? "";
    const at2 = end + quote + between.length;
    const first = wordAt(text, at2, PLAN_YEARS.first);
    const last = first ? undefined : wordAt(text, at2, PLAN_YEARS.last);
    if ((first ?? last) && at2 + (first ?? last)!.length <= to) {
      const year = first ? label.slice(0, 4) : label.slice(-4);
      return { start: at, end: at2 + (first ?? last)!.length, label: year, namesYear: true };
    }
    // “十五五”期间: the plan's span said again; its words are the period's, no subject.
    const span = PLAN_SPAN_WORDS.find((w) => text.startsWith(w, end + quote));
    if (span && end + quote + span.length <= to) end += quote + span.length;
    return { start: at, end, label, namesYear: true, planSpan: true };
  }
  // 上月, 上个月: the month before publication (a monthly brief's latest month).
  const relativeMonth = sticky(RELATIVE_MONTH_AT, text, at, to);
  if (relativeMonth) {
    let label = "";
    if (pub) {
      const index = pub.year * 12 + pub.month - 1 + RELATIVE_MONTHS[relativeMonth[0]]!;
      label = `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
    }
    return { start: at, end: at + relativeMonth[0].length, label, namesYear: true };
  }
  const now = sticky(NOW_AT, text, at, to);
  if (now) {
    const label = pub ? `${pub.year}-${pad(pub.month)}` : "";
    return { start: at, end: at + now[0].length, label, namesYear: true, now: true };
  }
  const lastN = sticky(LAST_N_AT, text, at, to);
  if (lastN) {
    const n = smallNumber((lastN[1] ?? lastN[2])!);
    if (!Number.isFinite(n) || n < 1 || n > 50) return undefined;
    const label = !pub ? "" : n === 1 ? `${pub.year - 1}` : `${pub.year - n}/${pub.year - 1}`;
    // 一年间 in a December headline is the year just run, not the one before: spans only.
    if (lastN[2] !== undefined && n === 1 && MANY_YEARS.some((w) => lastN[0].endsWith(w)))
      return undefined;
    const bare = lastN[2] !== undefined && n > 1 ? { bareYears: n } : {};
    return {
      start: at,
      end: at + lastN[0].length,
      label,
      namesYear: true,
      relativeSpan: true,
      ...bare,
    };
  }
  const year = sticky(YEAR_AT, text, at, to);
  if (year) {
    let end = at + year[0].length;
    const [, sinceBefore, digits, relative] = year;
    const y = digits
      ? yearNumber(digits)
      : nowYear === undefined
        ? undefined
        : nowYear + (lexicon.relativeYears as Record<string, number>)[relative!]!;
    if (relative && isComparison(text, at + (sinceBefore?.length ?? 0), end)) {
      return { start: at, end, label: "", namesYear: false };
    }
    // 2025年末, 去年底: the 年 of the year is the 年 of 年末. After 到/至 (到2026年底) the year is
    // read as before, the year a goal is due in.
    const shortEnd = YEAR_ENDS_AFTER_YEAR.find((w) => text.startsWith(w, end));
    if (shortEnd && y !== undefined && end + shortEnd.length <= to && !isDeadline(text, at))
      return { start: at, end: end + shortEnd.length, label: `${y}-12`, namesYear: true };
    const sub = sticky(SUB_AT, text, end, to);
    if (sub && y !== undefined) {
      const label = subLabel(y, sub);
      if (label !== undefined) {
        end += sub[0].length;
        const eventMonth = dayMonth(y, sub);
        return { start: at, end, label, namesYear: true, ...(eventMonth ? { eventMonth } : {}) };
      }
    }
    const since = sticky(SINCE_AT, text, end, to);
    // 从2019年的1000家增加到…: the year dates the level moved from, it starts no span.
    const level = !since && lexicon.sinceMarkers.levelAfter.some((w) => text.startsWith(w, end));
    if (since || (sinceBefore && !level)) {
      if (since) end += since[0].length;
      if (y === undefined || !pub) return { start: at, end, label: "", namesYear: true };
      if (y >= pub.year)
        return {
          start: at,
          end,
          label: `${pub.year}-01/${pub.year}-${pad(pub.month)}`,
          namesYear: true,
          ...sinceNow(pub),
        };
      return { start: at, end, label: `${y}/${pub.year}`, namesYear: true, ...sinceNow(pub) };
    }
    return {
      start: at,
      end,
      label: y === undefined ? "" : `${y}`,
      namesYear: true,
      ...(sinceBefore && level ? { fromLevel: true } : {}),
    };
  }
  const sub = sticky(SUB_AT, text, at, to);
  if (sub) {
    const label = nowYear === undefined ? "" : subLabel(nowYear, sub);
    if (label === undefined) return undefined;
    const end = at + sub[0].length;
    // A bare day date (4月11日) or month: an event date only when it has a day.
    const eventMonth = dayMonth(nowYear, sub);
    return {
      start: at,
      end,
      label,
      namesYear: false,
      wholeOfContextYear: !!sub[7] || !!sub[10],
      ...(sub[10] ? { yearEnd: true } : {}),
      ...(eventMonth ? { eventMonth } : {}),
    };
  }
  return undefined;
}

/** The first month of a period label (2025-Q3/2025-12 → 2025·12+7), as year·12 + month; NaN for a
 * label that is none of the grammar's. */
export function periodStartMonth(label: string): number {
  const m = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(\d{2})))?/.exec(label);
  if (!m) return NaN;
  const month = m[2] ? 3 * Number(m[2]) - 2 : m[3] ? 6 * Number(m[3]) - 5 : m[4] ? Number(m[4]) : 1;
  return Number(m[1]) * 12 + month;
}

/** The last month of a period label (2025-01/2025-09 → 2025·12+9), as year·12 + month; NaN for a
 * label that is none of the grammar's. */
export function periodEndMonth(label: string): number {
  const last = label.slice(label.lastIndexOf("/") + 1);
  const m = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(\d{2})))?/.exec(last);
  if (!m) return NaN;
  const month = m[2] ? 3 * Number(m[2]) : m[3] ? 6 * Number(m[3]) : m[4] ? Number(m[4]) : 12;
  return Number(m[1]) * 12 + month;
}
