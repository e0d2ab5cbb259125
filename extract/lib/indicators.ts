// The indicator lexicon compiled for matching: value cues (地区生产总值 → gdp), growth and decline
// cues, filler words, count nouns, event words and kind markers. All words come from
// extract/lexicon/*.json; this module only shapes them.

import { indicatorLexicon, kindLexicon } from "./lexicon.ts";
import type { Indicator, Kind, Unit } from "./types.ts";
import { TermMatcher } from "./termMatcher.ts";
import { INDICATOR_RECORDS } from "./indicatorRecords.ts";

/** Units by indicator, from the indicator records (checked there against the families). */
const RECORD_UNIT = new Map(INDICATOR_RECORDS.map((r) => [r.key, r.unit]));

export interface Family {
  name: string;
  value: Indicator;
  growth: Indicator | undefined;
  unit: Unit;
  /** Counts what a place has now (企业N家), not a flow over a period. */
  stock: boolean;
}

export type Cue =
  | { type: "value"; family: Family; maxGap: number; nameOnly: boolean }
  /** `bare`: the word names its family only with nothing but filler, places and periods before it
   * in its clause (投资增速 alone is investment's; 项目投资增速 is not). */
  | { type: "growth"; sign: 1 | -1; family?: Family; bare?: boolean }
  | { type: "none" };

export type KindMarker =
  | { kind: Kind; capacity: boolean }
  | { kind: "neutral"; capacity: false }
  | { kind: "result"; capacity: false };

export const FAMILIES: ReadonlyMap<string, Family> = new Map(
  Object.entries(indicatorLexicon.families).map(([name, f]) => [
    name,
    {
      name,
      value: f.value as Indicator,
      growth: "growth" in f ? (f.growth as Indicator) : undefined,
      unit: RECORD_UNIT.get(f.value as Indicator) ?? (f.unit as Unit),
      stock: "stock" in f && f.stock === true,
    },
  ]),
);

const family = (name: string): Family => {
  const f = FAMILIES.get(name);
  if (!f) throw new Error(`indicators.json: unknown family "${name}"`);
  return f;
};

export const CUES = new TermMatcher<Cue>([
  ...indicatorLexicon.valueCues.flatMap((group) =>
    group.terms.map(
      (term) =>
        [
          term,
          {
            type: "value",
            family: family(group.family),
            maxGap: group.maxGap ?? indicatorLexicon.defaultMaxGap,
            nameOnly: "nameOnly" in group && group.nameOnly === true,
          },
        ] as const,
    ),
  ),
  ...indicatorLexicon.growthCues.map((t) => [t, { type: "growth", sign: 1 }] as const),
  ...indicatorLexicon.declineCues.map((t) => [t, { type: "growth", sign: -1 }] as const),
  ...indicatorLexicon.notCues.map((t) => [t, { type: "none" }] as const),
  // 项目平均投资额, 户均出口额: an average per project or firm is a per-unit figure, no indicator.
  ...indicatorLexicon.perUnitPrefixes.flatMap((p) =>
    indicatorLexicon.valueCues.flatMap((group) =>
      group.terms.map((term) => [p + term, { type: "none" }] as const),
    ),
  ),
  // GDP平减指数, 出口商品价格指数: a price index of the indicator, no indicator.
  ...indicatorLexicon.priceIndexSuffixes.flatMap((suffix) =>
    indicatorLexicon.valueCues.flatMap((group) =>
      group.terms.map((term) => [term + suffix, { type: "none" }] as const),
    ),
  ),
  ...Object.entries(indicatorLexicon.familyGrowthCues).flatMap(([name, terms]) =>
    terms.map((t) => [t, { type: "growth", sign: 1, family: family(name) }] as const),
  ),
  ...Object.entries(indicatorLexicon.bareFamilyGrowthCues).flatMap(([name, terms]) =>
    terms.map((t) => [t, { type: "growth", sign: 1, family: family(name), bare: true }] as const),
  ),
  ...Object.entries(indicatorLexicon.bareFamilyDeclineCues).flatMap(([name, terms]) =>
    terms.map((t) => [t, { type: "growth", sign: -1, family: family(name), bare: true }] as const),
  ),
]);

export const FILLERS = new TermMatcher(indicatorLexicon.fillers.map((t) => [t, true] as const));
/** Bound words before an amount that opens a subject (产值超10亿元企业): part of the threshold. */
export const THRESHOLD_OPENERS: readonly string[] = [...indicatorLexicon.thresholdOpeners].sort(
  (a, b) => b.length - a.length,
);
/** An amount opening a subject (10亿元企业, 亿元项目, 5000万美元项目). */
export const SUBJECT_THRESHOLD_AMOUNT = /^(?:[\d.]+[十百千万亿]*|[十百千万亿]+)(?:美元|元)/;
/** Endings of a name that may stand before a period and its cue (陈皮产业2025年产值). */
export const DATED_SUBJECT_ENDINGS: readonly string[] = indicatorLexicon.datedSubjectEndings;
/** Endings of an industry's name that run into the cue after them (加工业 + 工业增加值). */
export const CUE_NAME_ENDINGS: readonly string[] = indicatorLexicon.cueNameEndings;
/** Names that open with a filler word (有色金属, 共建“一带一路”国家): no filler is cut from them. */
export const FILLER_NAME_STARTS = new TermMatcher(
  indicatorLexicon.fillerNameStarts.map((t) => [t, true] as const),
);
/** Words that end with a filler word and are none (签约): the trailing trim stops at them. */
export const FILLER_NAME_ENDS: readonly string[] = indicatorLexicon.fillerNameEnds;
export const LEVEL_MARKERS: readonly string[] = indicatorLexicon.levelMarkers;
export const LIST_CONNECTORS = new Set(indicatorLexicon.listConnectors);
export const PROJECT_NOUNS = indicatorLexicon.projectNouns;
export const ENTERPRISE_NOUNS = indicatorLexicon.enterpriseNouns;
export const PROJECT_CLASSIFIERS = new Set(indicatorLexicon.projectClassifiers);
export const PROJECT_VERBS: readonly string[] = indicatorLexicon.projectVerbs;
export const ENTERPRISE_CLASSIFIERS = new Set(indicatorLexicon.enterpriseClassifiers);
export const COUNT_NOUN_WINDOW = indicatorLexicon.countNounWindow;
export const THRESHOLD_NOUNS = indicatorLexicon.thresholdNouns;

export const EVENT_BEFORE = new TermMatcher<boolean>([
  ...indicatorLexicon.enterpriseEventNeutral.map((t) => [t, false] as const),
  ...indicatorLexicon.enterpriseEventBefore.map((t) => [t, true] as const),
]);
export const EVENT_AFTER = new TermMatcher<boolean>([
  ...indicatorLexicon.enterpriseEventNeutral.map((t) => [t, false] as const),
  ...indicatorLexicon.enterpriseEventAfter.map((t) => [t, true] as const),
]);

/** Words that make a count of firms in their clause a sample (重点监测的42家企业): no fact. */
export const ENTERPRISE_SAMPLE_WORDS = new TermMatcher(
  indicatorLexicon.enterpriseSampleWords.map((t) => [t, true] as const),
);

/** Trade cues said as a verb before the goods (出口机电产品…亿元), the endings of the goods' name, and
 * its longest length. */
export const PRODUCT_TRADE_CUES: readonly string[] = indicatorLexicon.productTradeCues;
export const PRODUCT_NAME_ENDINGS: readonly string[] = indicatorLexicon.productNameEndings;
export const PRODUCT_NAME_LIMIT: number = indicatorLexicon.productNameLimit;

/** Target words that, followed by a numeral, mark an object (将56个项目纳入) rather than a plan. */
export const KIND_OBJECT_MARKERS: ReadonlySet<string> = new Set(kindLexicon.objectMarkers);
export const KIND_AUXILIARIES: ReadonlySet<string> = new Set(kindLexicon.auxiliaries);

export const KIND_MARKERS = new TermMatcher<KindMarker>([
  ...kindLexicon.estimate.map((t) => [t, { kind: "estimate", capacity: false }] as const),
  ...kindLexicon.capacity.map((t) => [t, { kind: "estimate", capacity: true }] as const),
  ...kindLexicon.target.map((t) => [t, { kind: "target", capacity: false }] as const),
  ...kindLexicon.neutral.map((t) => [t, { kind: "neutral", capacity: false }] as const),
  ...kindLexicon.results.map((t) => [t, { kind: "result", capacity: false }] as const),
]);

/** Words that, in an amount's clause before it, make it an average per project or firm (平均, 每个). */
export const PER_UNIT_WORDS: readonly string[] = [
  ...indicatorLexicon.perUnitPrefixes,
  ...indicatorLexicon.perUnitEach,
];

/** Words that, in a count's or an amount's clause before it, make it an average per day, week or
 * month (日均, 每个工作日). */
export const PER_TIME_WORDS: readonly string[] = indicatorLexicon.perTimeWords;

/** Words that, in the subject of projects, make them projects abroad (境外投资项目): no fact. */
export const OUTWARD_PROJECT_WORDS: readonly string[] = indicatorLexicon.outwardProjectWords;
/** A reference to indicators named before (两项指标, 三项主要指标): group 1 is the count. */
export const INDICATOR_REFERENCE = new RegExp(
  `([两二三四五六七八九十\\d]{1,2})(?:${[...indicatorLexicon.indicatorReferences]
    .sort((a, b) => b.length - a.length)
    .join("|")})`,
);
/** Events of a batch of projects and the subject naming the batch by it, longest word first. */
export const BATCH_EVENTS: readonly (readonly [string, string])[] = Object.entries(
  indicatorLexicon.batchEvents as Record<string, string>,
).sort((a, b) => b[0].length - a[0].length);
/** Endings of a sector whose completed investment is a part of fixed-asset investment (房地产开发企业). */
export const COMPONENT_SUBJECT_ENDINGS: readonly string[] =
  indicatorLexicon.componentSubjectEndings;
/** Words after a noun of firms or projects that make it their number (企业数量, 项目总数). */
export const COUNT_MEASURES: readonly string[] = [...indicatorLexicon.countMeasures].sort(
  (a, b) => b.length - a.length,
);
/** The families of projects (their count and investment). */
export const PROJECT_FAMILIES: ReadonlySet<string> = new Set([
  "project_count",
  "project_investment",
]);

/** Families whose region-wide growth a 其中 list breaks down into parts (industries). */
export const BREAKDOWN_FAMILIES: ReadonlySet<string> = new Set(indicatorLexicon.breakdown.families);
/** Words that open such a list (其中, 主要产业中, 分行业看). */
export const BREAKDOWN_MARKERS: readonly string[] = indicatorLexicon.breakdown.markers;
/** The words opening a line (其中：) that make the line a list of the parts of the line before. */
export const BREAKDOWN_LINE_OPENERS: readonly string[] = indicatorLexicon.breakdown.lineOpeners;
/** Endings of an industry's name: a part named so after a part's rate needs no breakdown word. */
export const BREAKDOWN_PART_SUFFIXES: readonly string[] = indicatorLexicon.breakdown.partSuffixes;
/** Words of notCues that may stand in a part's name (外商投资企业): kinds of firm, not cues. */
export const BREAKDOWN_PART_NAME_WORDS: readonly string[] =
  indicatorLexicon.breakdown.partNameWords;
/** Endings of a measure the contract does not count (零售总额, 用电量): such a name is no part. */
export const BREAKDOWN_MEASURE_ENDINGS: readonly string[] =
  indicatorLexicon.breakdown.measureEndings;

/** Words that give one figure to each place a group names (粤苏鲁…均增长了8%). */
/** Words that make a rate one against the period just before (环比, 比上月): no indicator's. */
export const PREVIOUS_PERIOD_BASES: readonly string[] = indicatorLexicon.previousPeriodBases;
export const SHARED_MARKERS: readonly string[] = indicatorLexicon.sharedMarkers;
/** Words that hold a shared marker and mean something else (年均, 人均). */
export const NOT_SHARED: readonly string[] = indicatorLexicon.notShared;

/** The subject a cue implies (出口额 → 出口), by the word the cue starts with. */
const CUE_SUBJECTS = Object.entries(indicatorLexicon.cueSubjects as Record<string, string>);
export function cueSubject(term: string): string {
  for (const [word, subject] of CUE_SUBJECTS) if (term.startsWith(word)) return subject;
  return "";
}

/** Investment words that continue the money indicator before them unless projects are named. */
export const CARRY_CUES: ReadonlySet<string> = new Set(indicatorLexicon.carryCues);
