// The lexicon files of extract/lexicon/, checked for shape when they load: a key missing, a word
// list holding a non-string or an empty word, or a key nobody reads (a typo) fails at once with
// the file and key named, instead of quietly matching nothing. Every module reads its words from
// here (binding.json, the binder's own, is checked in bind/lexicon.ts).

import indicatorsJson from "../lexicon/indicators.json" with { type: "json" };
import kindsJson from "../lexicon/kinds.json" with { type: "json" };
import periodsJson from "../lexicon/periods.json" with { type: "json" };
import qualifiersJson from "../lexicon/qualifiers.json" with { type: "json" };
import contextJson from "../lexicon/context.json" with { type: "json" };
import numeralsJson from "../lexicon/numerals.json" with { type: "json" };
import pageJson from "../lexicon/page.json" with { type: "json" };

/** The shape of a value: a word list, one word, a number, a flag, a map of one shape, a list of
 * records, or a record with its own keys. */
export type Shape =
  | "words"
  | "word"
  | "number"
  | "flag"
  | { map: Shape }
  | { list: Shape }
  | { record: Record<string, Shape>; optional?: readonly string[] };

const WORD_MAP: Shape = { map: "word" };
const WORDS_MAP: Shape = { map: "words" };
const NUMBER_MAP: Shape = { map: "number" };

const SHAPES: Record<string, Record<string, Shape>> = {
  "indicators.json": {
    families: {
      map: {
        record: { value: "word", growth: "word", unit: "word", stock: "flag" },
        optional: ["growth", "stock"],
      },
    },
    valueCues: {
      list: {
        record: { family: "word", terms: "words", maxGap: "number", nameOnly: "flag" },
        optional: ["maxGap", "nameOnly"],
      },
    },
    defaultMaxGap: "number",
    growthCues: "words",
    declineCues: "words",
    rateLevelVerbs: "words",
    priceBases: "words",
    priceBaseJoiners: "words",
    fillers: "words",
    fillerNameStarts: "words",
    thresholdOpeners: "words",
    datedSubjectEndings: "words",
    cueNameEndings: "words",
    projectNouns: "words",
    projectClassifiers: "words",
    projectVerbs: "words",
    enterpriseNouns: "words",
    enterpriseClassifiers: "words",
    countNounWindow: "number",
    thresholdNouns: "words",
    enterpriseEventBefore: "words",
    enterpriseEventAfter: "words",
    enterpriseEventNeutral: "words",
    enterpriseSampleWords: "words",
    productTradeCues: "words",
    productNameEndings: "words",
    productNameLimit: "number",
    listConnectors: "words",
    notCues: "words",
    perUnitPrefixes: "words",
    perUnitEach: "words",
    perTimeWords: "words",
    priceIndexSuffixes: "words",
    fillerNameEnds: "words",
    countMeasures: "words",
    componentSubjectEndings: "words",
    batchEvents: WORD_MAP,
    indicatorReferences: "words",
    outwardProjectWords: "words",
    previousPeriodBases: "words",
    levelMarkers: "words",
    carryCues: "words",
    familyGrowthCues: WORDS_MAP,
    bareFamilyGrowthCues: WORDS_MAP,
    bareFamilyDeclineCues: WORDS_MAP,
    breakdown: {
      record: {
        families: "words",
        markers: "words",
        lineOpeners: "words",
        partSuffixes: "words",
        partNameWords: "words",
        measureEndings: "words",
      },
    },
    sharedMarkers: "words",
    notShared: "words",
    cueSubjects: WORD_MAP,
    indicators: {
      map: {
        record: {
          unit: "word",
          group: "word",
          zh: "word",
          en: "word",
          countZh: "word",
          countEn: "word",
          plausible: { list: "number" },
        },
        optional: ["countZh", "countEn"],
      },
    },
  },
  "kinds.json": {
    estimate: "words",
    capacity: "words",
    target: "words",
    objectMarkers: "words",
    neutral: "words",
    results: "words",
    goalsAfter: "words",
    goalTiers: "words",
    deadlines: { record: { before: "words", years: "words", ends: "words" } },
    auxiliaries: "words",
    questionMarkers: "words",
    planTitleMarkers: "words",
    goalMonths: "number",
  },
  "periods.json": {
    sameTimeSuffixes: "words",
    sameTimeBlockers: "words",
    relativeYears: NUMBER_MAP,
    sinceStartOfYear: "words",
    sinceMarkers: { record: { before: "words", after: "words", levelAfter: "words" } },
    lastYears: {
      record: {
        prefixes: "words",
        suffixes: "words",
        bareSuffixes: "words",
        manyYearsOnly: "words",
      },
    },
    lastOneYear: "words",
    wholeYear: "words",
    yearEnds: "words",
    halves: NUMBER_MAP,
    comparison: "words",
    rangeConnectors: "words",
    now: "words",
    eventPrefixes: "words",
    eventDatedIndicators: "words",
    comparisonPrefixes: "words",
    contextYears: "words",
    reports: WORD_MAP,
    plans: WORD_MAP,
    planSpanWords: "words",
    spanTotals: "words",
    planYears: { record: { between: "words", first: "words", last: "words" } },
    quoteClosers: "words",
    singleProjectWords: "words",
    projectTotalWords: "words",
    recordSpans: {
      record: { endings: "words", followers: "words", records: "words", between: "words" },
    },
    comparisonSuffixes: "words",
    quoteOpeners: "words",
    yearEndsAfterYear: "words",
    ratioBases: { record: { between: "words", attributive: "word", times: "word" } },
    continuationOpeners: "words",
    breakdownOpeners: { record: { starts: "words", ends: "words", maxInner: "number" } },
    cumulativePrefixes: "words",
    relativeMonths: NUMBER_MAP,
    firstMonthsPrefixes: "words",
    firstMonthsBlockers: "words",
    chineseMonthBlockers: { record: { before: "words", after: "words" } },
    singleMonths: "words",
    singleMonthPrefixes: "words",
    averageWords: "words",
    yearPlans: "words",
  },
  "qualifiers.json": {
    prefix: WORDS_MAP,
    notPrefix: "words",
    inside: WORDS_MAP,
    suffix: WORDS_MAP,
    milestones: "words",
    successive: "words",
    aspect: "words",
    adverbs: WORDS_MAP,
    adverbVerbs: "words",
  },
  "context.json": {
    contextWords: {
      list: {
        record: { term: "word", suffix: "word", anaphoric: "flag" },
        optional: ["anaphoric"],
      },
    },
    blockers: "words",
    partnerWords: "words",
    outsidePlaces: "words",
    metadataLabels: "words",
    followPrompts: "words",
    lineContinuations: "words",
    captionMarks: { record: { openers: "words", closers: "words" } },
    releaseLeads: { record: { verbs: "words", nouns: "words" } },
    storyMarks: "words",
    institutionSuffixes: "words",
    outsideScopes: "words",
    scopeTerms: { list: { record: { term: "word", name: "word", scope: "word" } } },
    locativeWords: "words",
    scopeSuffixes: WORD_MAP,
    comparedWords: "words",
    comparedListMarks: "words",
    listVerbs: "words",
    rankWords: "words",
    clauseMarks: "words",
    provinceAbbreviations: WORD_MAP,
    abbreviationBlockers: "words",
    exampleMarkers: "words",
    placeTitleMarks: "word",
    partOpeners: "words",
    eventReferences: "words",
    pageNumberForms: "words",
    venueWords: "words",
    fieldMarkers: "words",
    partGroups: {
      record: {
        counts: "words",
        nouns: "words",
        fieldVerbs: "words",
        bareCount: "word",
        bareNouns: "words",
      },
    },
    relatedLinks: "words",
    footerWords: "words",
    venuePrefixes: "words",
    sourceOffices: "words",
    zoneSuffixes: "words",
    zoneInfixes: "words",
    placeDescriptors: "words",
    causes: WORDS_MAP,
    causeLimit: "number",
    rankAfterPlace: "words",
    ordinalRanks: "words",
    rankingHeads: {
      record: { leads: "words", ranks: "words", tails: "words", groups: "words", ends: "words" },
    },
    equality: { record: { leads: "words", partners: "words", levels: "words", words: "words" } },
    speech: { record: { quoteClosers: "words", verbs: "words", attributionLimit: "number" } },
    interview: {
      record: { questionLabels: "words", answerLabelLimit: "number", hostLabels: "words" },
    },
  },
  "page.json": {
    tableValueHeaders: "words",
    tableUnitHeaders: "words",
    publishedElements: "words",
    publishedScriptVars: "words",
  },
  "numerals.json": {
    digits: NUMBER_MAP,
    smallUnits: NUMBER_MAP,
    bigUnits: NUMBER_MAP,
    multipliers: NUMBER_MAP,
    ordinalPrefixes: "words",
    articleNumerals: "words",
    decimalPoint: "word",
    minusSigns: "words",
    boundMagnitudes: "words",
    times: "word",
    timesGrowthWords: "words",
    tenths: "word",
    tenthsChangeWords: "words",
    vaguePrefixes: "words",
    boundPlacePrefixes: "words",
    spokenClassifiers: "words",
    nameQuotes: WORD_MAP,
    nameQuoteLimit: "number",
  },
};

const isWord = (v: unknown) => typeof v === "string" && v.length > 0;

/** The problems of `value` against `shape`, each naming its path. */
function problems(value: unknown, shape: Shape, path: string): string[] {
  if (shape === "words") {
    if (!Array.isArray(value)) return [`${path} must be a list of words`];
    return value.flatMap((w, i) => (isWord(w) ? [] : [`${path}[${i}] must be a non-empty word`]));
  }
  if (shape === "word") return isWord(value) ? [] : [`${path} must be a non-empty word`];
  if (shape === "number")
    return typeof value === "number" && Number.isFinite(value) ? [] : [`${path} must be a number`];
  if (shape === "flag") return typeof value === "boolean" ? [] : [`${path} must be true or false`];
  if (typeof value !== "object" || value === null) return [`${path} must be an object or list`];
  if ("list" in shape) {
    if (!Array.isArray(value)) return [`${path} must be a list`];
    return value.flatMap((v, i) => problems(v, shape.list, `${path}[${i}]`));
  }
  if (Array.isArray(value)) return [`${path} must be an object`];
  const entries = Object.entries(value).filter(([k]) => !k.startsWith("$"));
  if ("map" in shape) return entries.flatMap(([k, v]) => problems(v, shape.map, `${path}.${k}`));
  const out: string[] = [];
  for (const [key, inner] of Object.entries(shape.record)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) {
      if (!shape.optional?.includes(key)) out.push(`${path}.${key} is missing`);
    } else out.push(...problems(v, inner, `${path}.${key}`));
  }
  for (const [key] of entries) if (!(key in shape.record)) out.push(`${path}.${key} is not read`);
  return out;
}

/** Checks one lexicon file's contents against its shape; throws naming every problem. */
export function checkLexicon<T>(file: string, value: T): T {
  const shape = SHAPES[file];
  if (!shape) throw new Error(`extract/lexicon/${file}: no shape is known for this file`);
  const found = problems(value, { record: shape }, file);
  if (found.length) throw new Error(`extract/lexicon/${found.join("; ")}`);
  return value;
}

/** Lexicon words as the alternatives of a regular expression: escaped, and longest first, so that
 * a word is not matched by a shorter one it begins with. */
export function wordAlternatives(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

export const indicatorLexicon = checkLexicon("indicators.json", indicatorsJson);
export const kindLexicon = checkLexicon("kinds.json", kindsJson);
export const periodLexicon = checkLexicon("periods.json", periodsJson);
export const qualifierLexicon = checkLexicon("qualifiers.json", qualifiersJson);
export const contextLexicon = checkLexicon("context.json", contextJson);
export const numeralLexicon = checkLexicon("numerals.json", numeralsJson);
/** The page stage's words; extract/page reads the file itself, so a dropped page loads no more. */
export const pageLexicon = checkLexicon("page.json", pageJson);
