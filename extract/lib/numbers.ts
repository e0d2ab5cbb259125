// Numbers as Chinese news writes them: Arabic digits with thousands separators and decimals,
// Chinese numerals (两千三百, 一百, 十), multipliers (百/千/万/亿 and 万亿, 千万 …), units (元, %,
// 百分之, 个百分点) and classifiers (个, 家, 户, 项, 宗), 多/余 between numeral and unit, qualifier
// words touching the number (约, 超, 不足 … 左右, 以上), and ranges (3至5亿元, 8.5亿元至10亿元,
// 3-5亿元). A range gives its low end with qualifier more_than, and `high` keeps the top.

import { numeralLexicon, periodLexicon, qualifierLexicon } from "./lexicon.ts";
import type { Qualifier } from "./types.ts";
import { TermMatcher } from "./termMatcher.ts";

export type NumberUnit = "CNY" | "percent" | "points" | "count" | "other";

export interface NumberToken {
  /** Span of the number with its qualifier words and unit, in the scanned text. */
  start: number;
  end: number;
  /** Span of the numeral itself (without qualifier words). */
  numStart: number;
  numEnd: number;
  value: number;
  /** Top of a range, when the number is one. */
  high?: number;
  unit: NumberUnit;
  /** The classifier of a count (个, 家, 户, 项, 宗), or the unit word as written; "" for an amount in
   * 亿 written without 元, which binds only to a cue right before it. */
  classifier: string;
  qualifier: Qualifier;
}

// A magnitude with no numeral (超过万亿) is one of it; boundMagnitudes lists those read so, and
// only after a bound word, since alone they are names (万亿俱乐部).
const BOUND_MAGNITUDES: ReadonlySet<string> = new Set(
  numeralLexicon.boundMagnitudes.map((m) => {
    if ((numeralLexicon.multipliers as Record<string, number>)[m] === undefined)
      throw new Error(`numerals.json: bound magnitude "${m}" is not among the multipliers`);
    if (!/^[万亿千百十]+$/.test(m))
      throw new Error(`numerals.json: bound magnitude "${m}" is not a magnitude word`);
    return m;
  }),
);
/** The word for the decimal point of a Chinese numeral (六点二, 百分之三点五). */
const DECIMAL_POINT: string = numeralLexicon.decimalPoint;
if (DECIMAL_POINT.length !== 1 || numeralLexicon.digits[DECIMAL_POINT as "零"] !== undefined)
  throw new Error(`numerals.json: "decimalPoint" must be one character that is no digit`);
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]*[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*(?:${DECIMAL_POINT}[零〇一二三四五六七八九]+)?${[
  ...BOUND_MAGNITUDES,
]
  .map((m) => `|${m}`)
  .join("")}`;
/** The unit of a multiple (倍): a growth rate after a growth word (增长1.2倍 is +120%). */
const TIMES = numeralLexicon.times;
if (/[\\^$.*+?()[\]{}|]/.test(TIMES))
  throw new Error(`numerals.json: "times" must be a plain word`);
/** Tenths (成): a growth rate after a growth or decline word (增长近两成 is about +20%). */
const TENTHS = numeralLexicon.tenths;
if (/[\\^$.*+?()[\]{}|]/.test(TENTHS))
  throw new Error(`numerals.json: "tenths" must be a plain word`);
// 200多家, 一百余场, 三十几家: a word of "and more" between the numeral and its multiplier or unit.
const INSIDE = qualifierLexicon.inside.more_than.join("|");
if (/[\\^$.*+?()[\]{}]/.test(INSIDE))
  throw new Error(`qualifiers.json: "inside" words must be plain words`);
// 八十个亿, 四百六十多个亿: a classifier said between a numeral and 亿, as people speak of money;
// not before 亿元 (3个亿元以上项目 counts projects) nor a size label (两个亿级项目).
const SPOKEN = numeralLexicon.spokenClassifiers.join("|");
if (/[\\^$.*+?()[\]{}]/.test(SPOKEN))
  throw new Error(`numerals.json: "spokenClassifiers" must be plain words`);
const NUMBER_RE = new RegExp(
  `(百分之)(${NUM})|(${NUM})(${INSIDE})?((?:${SPOKEN})(?=亿(?![元级])))?(万亿|千亿|百亿|亿|千万|百万|十万|万|千|百)?(${INSIDE})?(元|%|个百分点|个|家次|家|户(?![籍口型])|项(?!目)|宗|${TIMES}|${TENTHS}|(?<=亿)(?![美港欧日英韩澳台元人吨次个家户项宗平方米千克公里年]))`,
  "g",
);

const MULTIPLIER_EXPONENT: Readonly<Record<string, number>> = checkTable(
  "multipliers",
  numeralLexicon.multipliers,
);
const DIGIT = checkTable("digits", numeralLexicon.digits);
const SMALL_UNIT = checkTable("smallUnits", numeralLexicon.smallUnits);
const BIG_UNIT = checkTable("bigUnits", numeralLexicon.bigUnits);
const ORDINAL_PREFIXES: readonly string[] = numeralLexicon.ordinalPrefixes;
const ARTICLE_NUMERALS: ReadonlySet<string> = new Set(numeralLexicon.articleNumerals);
const MINUS_SIGNS: ReadonlySet<string> = new Set(numeralLexicon.minusSigns);
const VAGUE_PREFIXES: readonly string[] = numeralLexicon.vaguePrefixes;
const BOUND_PLACE_PREFIXES: readonly string[] = numeralLexicon.boundPlacePrefixes;
/** The place values that may open a Chinese numeral (千家 is 1000 firms; 数千家 is no figure). */
const PLACE_VALUE_START = /^[十百千万亿]/;

// “五个十大”重大项目, “3个百亿”产业集群: a number inside a short quoted name is no figure.
const NAME_QUOTES: Readonly<Record<string, string>> = numeralLexicon.nameQuotes;
const NAME_CLOSERS: ReadonlySet<string> = new Set(Object.values(NAME_QUOTES));
const NAME_QUOTE_LIMIT: number = numeralLexicon.nameQuoteLimit;
/** The marks that end the look around a number, by character code (the look runs for every
 * number of the text, so it compares codes, not one-character strings): clause marks and closing
 * quotes; and each opening quote's closing one. */
const CLAUSE_CODES: ReadonlySet<number> = new Set(
  [..."，,。；;：:！？!?\n"].map((c) => c.charCodeAt(0)),
);
const CLOSER_CODES: ReadonlySet<number> = new Set([...NAME_CLOSERS].map((c) => c.charCodeAt(0)));
const CLOSE_OF: ReadonlyMap<number, number> = new Map(
  Object.entries(NAME_QUOTES).map(([open, close]) => [open.charCodeAt(0), close.charCodeAt(0)]),
);

/** True when text[start, end) lies inside a quoted name: an opening mark before it and its closing
 * mark after it, at most NAME_QUOTE_LIMIT characters apart, with no clause mark between. */
function insideQuotedName(text: string, start: number, end: number): boolean {
  const floor = Math.max(0, end - NAME_QUOTE_LIMIT);
  for (let i = start - 1; i >= floor; i--) {
    const ch = text.charCodeAt(i);
    const close = CLOSE_OF.get(ch);
    if (close === undefined) {
      if (CLAUSE_CODES.has(ch) || CLOSER_CODES.has(ch)) return false;
      continue;
    }
    const ceiling = Math.min(text.length, i + NAME_QUOTE_LIMIT + 1);
    for (let j = end; j < ceiling; j++) {
      const c = text.charCodeAt(j);
      if (c === close) return true;
      if (CLAUSE_CODES.has(c) || CLOSE_OF.has(c)) return false;
    }
    return false;
  }
  return false;
}

/** A numeral table of numerals.json, checked when it loads: one-character keys (multipliers may
 * be two) with finite numbers. */
function checkTable(name: string, table: Record<string, number>): Readonly<Record<string, number>> {
  const entries = Object.entries(table);
  if (!entries.length) throw new Error(`numerals.json: "${name}" is empty`);
  for (const [key, value] of entries) {
    if (!key || key.length > 2 || typeof value !== "number" || !Number.isFinite(value))
      throw new Error(`numerals.json: "${name}" has a bad entry "${key}": ${String(value)}`);
  }
  return table;
}

const TIMES_GROWTH = new TermMatcher(
  numeralLexicon.timesGrowthWords.map((w) => [w, true] as const),
);
const TENTHS_CHANGE = new TermMatcher(
  numeralLexicon.tenthsChangeWords.map((w) => [w, true] as const),
);

/** True when a growth word (增长, 增长了, 增长近) ends right before text[at]; `words`: the growth
 * words looked for (those of a multiple, or of tenths, which may be a decline). */
function growthBefore(text: string, at: number, from: number, words = TIMES_GROWTH): boolean {
  const pre = PREFIX.matchEndingAt(text, at, Math.max(from, at - 4));
  let end = pre ? pre.start : at;
  const aspect = ASPECT.matchEndingAt(text, end, Math.max(from, end - 1));
  if (aspect) end = aspect.start;
  return !!words.matchEndingAt(text, end, Math.max(from, end - 4));
}

/** A small count written either way (a quarter, a number of months or years, of places: 3, 三,
 * 十一): Arabic digits or a Chinese numeral; NaN if malformed. */
export function smallNumber(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
}

/** Value of a Chinese numeral (两千三百 → 2300, 十五 → 15, 一二三 → 123, 六点二 → 6.2), NaN if
 * malformed. */
export function parseChineseNumeral(s: string): number {
  if (!s) return NaN;
  const point = s.indexOf(DECIMAL_POINT);
  if (point >= 0) {
    // The digits after the point are read one by one (三点一四 is 3.14), as they are spoken.
    const whole = parseChineseNumeral(s.slice(0, point));
    let fraction = "";
    for (const ch of s.slice(point + 1)) {
      const d = DIGIT[ch];
      if (d === undefined) return NaN;
      fraction += String(d);
    }
    return fraction ? Number(`${whole}.${fraction}`) : NaN;
  }
  if (!/[十百千万亿]/.test(s)) {
    // Digit by digit: 二〇二三.
    let v = 0;
    for (const ch of s) {
      const d = DIGIT[ch];
      if (d === undefined) return NaN;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0; // completed 亿 sections
  let section = 0; // completed 万 part inside the current 亿 section
  let group = 0; // below 万
  let digit = -1;
  for (const ch of s) {
    const d = DIGIT[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = SMALL_UNIT[ch];
    if (small !== undefined) {
      group += (digit < 0 ? 1 : digit) * small;
      digit = -1;
      continue;
    }
    const big = BIG_UNIT[ch];
    if (big === undefined) return NaN;
    group += digit < 0 ? 0 : digit;
    digit = -1;
    if (group === 0 && section === 0 && total === 0) group = 1; // 亿 alone as in 百亿 handled above
    if (big === 1e4) {
      section += group * 1e4;
    } else {
      total = (total + section + group) * 1e8;
      section = 0;
    }
    group = 0;
  }
  return total + section + group + (digit < 0 ? 0 : digit);
}

/** Value of an Arabic numeral times 10^exponent, shifting the decimal point in the string so
 * that 503.23亿 is exactly 50323000000. */
export function scaleDecimal(digits: string, exponent: number): number {
  const clean = digits.replace(/,/g, "");
  if (exponent === 0) return Number(clean);
  const dot = clean.indexOf(".");
  const intPart = dot < 0 ? clean : clean.slice(0, dot);
  let frac = dot < 0 ? "" : clean.slice(dot + 1);
  if (frac.length <= exponent) {
    frac = frac.padEnd(exponent, "0");
    return Number(intPart + frac);
  }
  return Number(`${intPart}${frac.slice(0, exponent)}.${frac.slice(exponent)}`);
}

type QualifierTable = Record<string, string[]>;
const matcherOf = (table: QualifierTable) =>
  new TermMatcher<Qualifier>(
    Object.entries(table).flatMap(([q, terms]) => terms.map((t) => [t, q as Qualifier] as const)),
  );
const PREFIX = matcherOf(qualifierLexicon.prefix);
const NOT_PREFIX = new TermMatcher(qualifierLexicon.notPrefix.map((t) => [t, true] as const));
const ASPECT = new TermMatcher(qualifierLexicon.aspect.map((t) => [t, true] as const));
const SUFFIX = matcherOf(qualifierLexicon.suffix);
const ADVERB = matcherOf(qualifierLexicon.adverbs);
const ADVERB_VERB = new TermMatcher(qualifierLexicon.adverbVerbs.map((t) => [t, true] as const));

/** 大概增长了百分之十五, 大约是2400亿元: a word of estimate before the verb of the number (an aspect
 * particle may follow the verb), the qualifier it gives; undefined when none stands there. */
function adverbBefore(text: string, at: number, from: number): Qualifier | undefined {
  const aspect = ASPECT.matchEndingAt(text, at, Math.max(from, at - 1));
  const verbEnd = aspect ? aspect.start : at;
  const verb = ADVERB_VERB.matchEndingAt(text, verbEnd, Math.max(from, verbEnd - 2));
  if (!verb) return undefined;
  return ADVERB.matchEndingAt(text, verb.start, Math.max(from, verb.start - 2))?.value;
}
const RANGE = new Set(periodLexicon.rangeConnectors);

function unitOf(word: string): NumberUnit {
  if (word === "元") return "CNY";
  if (word === "%") return "percent";
  if (word === "个百分点") return "points";
  if (word === "家次" || word === "") return "other";
  return "count";
}

// The low end of a range written before a number with a unit (3至5亿元, 8.5亿元至10亿元, 3-5个).
const RANGE_LOW =
  /(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(万亿|千亿|百亿|亿|千万|百万|十万|万|千|百)?(元|%|个|家|户|项|宗)?$/;

/**
 * All numbers with a unit or classifier in text[from, to) (bare numerals name nothing we chart
 * and are skipped). Numbers that overlap a span in `skip` (dates, periods) are left out. Tokens
 * are in text order.
 */
export function findNumbers(
  text: string,
  from = 0,
  to = text.length,
  skip: readonly { start: number; end: number }[] = [],
): NumberToken[] {
  const out: NumberToken[] = [];
  const re = new RegExp(NUMBER_RE.source, "g");
  re.lastIndex = from;
  let skipAt = 0;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    if (end > to) break;
    while (skipAt < skip.length && skip[skipAt]!.end <= start) skipAt++;
    const s = skip[skipAt];
    if (s && s.start < end && start < s.end) continue;
    const [, percentWord, percentNumeral, plainNumeral, inside1, spoken, multiplier = "", inside2] =
      m;
    const numeral = percentNumeral ?? plainNumeral ?? "";
    // 八十个亿 is 80亿元: said so only of money.
    const unitWord = m[8] || (spoken ? "元" : "");
    // “五个十大”重大项目: part of a programme's name.
    if (insideQuotedName(text, start, end)) continue;
    // 第二家 is a rank; 一家上市公司 is "a listed firm": neither is a figure.
    if (ORDINAL_PREFIXES.some((w) => start >= w.length && text.startsWith(w, start - w.length)))
      continue;
    // 数千家, 几百个: an order of magnitude, not a figure.
    if (
      PLACE_VALUE_START.test(numeral) &&
      VAGUE_PREFIXES.some((w) => start >= w.length && text.startsWith(w, start - w.length))
    )
      continue;
    // 上百亿元, 上千家: at least that place value; 成百上千家 is an order of magnitude again.
    const placeBound = PLACE_VALUE_START.test(numeral)
      ? BOUND_PLACE_PREFIXES.find((w) => start >= w.length && text.startsWith(w, start - w.length))
      : undefined;
    if (placeBound && PLACE_VALUE_START.test(text[start - placeBound.length - 1] ?? "")) continue;
    // 增长一倍, 增长一成 are rates: 一 is no article there.
    const times = unitWord === TIMES;
    const tenths = unitWord === TENTHS;
    if (
      ARTICLE_NUMERALS.has(numeral) &&
      !multiplier &&
      !percentWord &&
      !times &&
      !tenths &&
      unitOf(unitWord) === "count"
    )
      continue;
    const bareMagnitude = BOUND_MAGNITUDES.has(numeral);
    const arabic = numeral.charCodeAt(0) <= 57;
    const exponent = MULTIPLIER_EXPONENT[multiplier] ?? 0;
    const value = bareMagnitude
      ? 10 ** MULTIPLIER_EXPONENT[numeral]!
      : arabic
        ? scaleDecimal(numeral, exponent + (times ? 2 : tenths ? 1 : 0))
        : parseChineseNumeral(numeral) * 10 ** exponent * (times ? 100 : tenths ? 10 : 1);
    if (!Number.isFinite(value)) continue;
    // 总投资超百亿 (no 元): an amount of yuan, written bare; `classifier` stays "" to say so.
    const bareYuan = !percentWord && unitWord === "" && /亿$/.test(numeral + multiplier);
    // 增长1.2倍: +120%; a multiple after anything else (是全省的2倍) is a ratio, no figure.
    if (times && !growthBefore(text, start, from)) continue;
    // 增长近两成, 下降三成: tenths, a rate only right after a growth or decline word (八成企业,
    // 占比超八成 are shares, no figure).
    if (tenths && (multiplier || !growthBefore(text, start, from, TENTHS_CHANGE))) continue;
    const unit = percentWord || times || tenths ? "percent" : bareYuan ? "CNY" : unitOf(unitWord);
    let qualifier: Qualifier = inside1 || inside2 ? "more_than" : "exact";
    let tokenStart = start;
    let low: number | undefined;
    // A range: the number is the top; the low end sits right before a connector.
    if (RANGE.has(text[start - 1] ?? "") && start - 1 > from) {
      const r = RANGE_LOW.exec(text.slice(Math.max(from, start - 16), start - 1));
      if (r && (!r[3] || r[3] === unitWord)) {
        const lowExp = r[2] ? (MULTIPLIER_EXPONENT[r[2]] ?? 0) : exponent;
        const v = /^\d/.test(r[1]!)
          ? scaleDecimal(r[1]!, lowExp)
          : parseChineseNumeral(r[1]!) * 10 ** lowExp;
        if (Number.isFinite(v) && v <= value) {
          low = v;
          tokenStart = start - 1 - r[0].length;
          qualifier = "more_than";
          // The low end may have been read as a number of its own (约8.5亿元至10亿元): the
          // range replaces it, qualifier words included.
          while (out.length && out[out.length - 1]!.end > tokenStart)
            tokenStart = Math.min(tokenStart, out.pop()!.start);
        }
      }
    }
    // 增长-2.4%: a signed rate (a sign after a digit is a range: 3-5%).
    let sign = 1;
    if (
      low === undefined &&
      unit === "percent" &&
      !percentWord &&
      start - 1 >= from &&
      MINUS_SIGNS.has(text[start - 1]!) &&
      !/[\d０-９]/.test(text[start - 2] ?? "")
    ) {
      sign = -1;
      tokenStart = start - 1;
    }
    const numStart = tokenStart;
    if (low === undefined) {
      // 超过了3000亿元: an aspect particle may stand between the prefix and the number.
      const aspect = ASPECT.matchEndingAt(text, tokenStart, Math.max(from, tokenStart - 1));
      const before = aspect ? aspect.start : tokenStart;
      const pre = PREFIX.matchEndingAt(text, before, Math.max(from, before - 4));
      if (pre && !NOT_PREFIX.matchEndingAt(text, pre.end, Math.max(from, pre.start - 2))) {
        qualifier = pre.value;
        tokenStart = pre.start;
      } else if (adverbBefore(text, before, from)) {
        qualifier = adverbBefore(text, before, from)!;
      } else if (placeBound && tokenStart - placeBound.length >= from) {
        qualifier = "more_than";
        tokenStart -= placeBound.length;
      } else if (bareMagnitude) continue;
    } else if (bareMagnitude) continue;
    const post = unit === "other" ? undefined : SUFFIX.matchAt(text, end, to);
    if (post && qualifier === "exact") {
      qualifier = post.value;
      end = post.end;
    }
    out.push({
      start: tokenStart,
      end,
      numStart,
      numEnd: start + m[0].length,
      value: low ?? value * sign,
      ...(low !== undefined ? { high: value } : {}),
      unit,
      classifier: unitWord,
      qualifier,
    });
  }
  return out;
}
