// The binders' own lexicon (extract/lexicon/binding.json) checked and compiled: the punctuation,
// particles and list words they read around a number. All characters and words come from the
// JSON; this module only checks its shape and shapes it into sets and regular expressions.

import bindingLexicon from "../../lexicon/binding.json" with { type: "json" };

/** A string of characters for a character class, with the class's special characters escaped. */
const charClass = (chars: string) => chars.replace(/[-\\^\]]/g, "\\$&");
/** Words as alternatives of a regular expression, in the order given. */
const alt = (words: readonly string[]) =>
  words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

function fail(key: string, what: string): never {
  throw new Error(`binding.json: "${key}" must be ${what}`);
}

/** A non-empty string of characters; `single`: exactly one (compared with one text position). */
function chars(value: unknown, key: string, single = false): string {
  if (typeof value !== "string" || value === "") fail(key, "a non-empty string");
  if (single && value.length !== 1) fail(key, "one character");
  return value;
}

/** A non-empty list of non-empty words. */
function words(value: unknown, key: string): readonly string[] {
  if (!Array.isArray(value) || !value.length) fail(key, "a non-empty list of words");
  for (const w of value as unknown[]) if (typeof w !== "string" || w === "") fail(key, "words");
  return value as string[];
}

/** A map of words to words, none empty. */
function synonyms(value: unknown, key: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [from, to] of Object.entries(record(value, key))) {
    if (!from || typeof to !== "string" || to === "") fail(key, "a map of words to words");
    map.set(from, to);
  }
  return map;
}

function record(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(key, "an object");
  return value as Record<string, unknown>;
}

/** Checks the shape of binding.json (any parsed JSON) and compiles it; throws naming the key
 * that is missing or malformed. */
export function compileBinding(raw: unknown) {
  const lex = record(raw, "(file)");
  const bounds = words(lex.bounds, "bounds");
  const boundAmount = record(lex.boundAmount, "boundAmount");
  const projectName = record(lex.projectName, "projectName");
  const magnitudes = chars(boundAmount.magnitudes, "boundAmount.magnitudes");
  const currencies = words(boundAmount.currencies, "boundAmount.currencies");
  const countClassifiers = chars(projectName.countClassifiers, "projectName.countClassifiers");
  const subjects = record(lex.subjects, "subjects");
  return {
    /** Marks that end a cue, a name or a noun phrase; whitespace too. */
    punct: new RegExp(`[${charClass(chars(lex.punctuation, "punctuation"))}\\s]`),
    /** Closing brackets and quotes that may stand between a cue and its amount. */
    closers: chars(lex.closers, "closers"),
    /** The marks that end an item of a sentence (；). */
    itemMarks: chars(lex.itemMarks, "itemMarks"),
    /** The first character of a numeral. */
    numeralStart: new RegExp(`[\\d${charClass(chars(lex.numeralStart, "numeralStart"))}]`),
    /** 的: joins a modifier to its noun. */
    attributive: chars(lex.attributive, "attributive", true),
    /** 了: may stand between a milestone word and its figure. */
    perfective: chars(lex.perfective, "perfective", true),
    /** 分别: the figures after it are one per item. */
    respectively: words(lex.respectively, "respectively"),
    /** A partner word opening a list subject (与…和…). */
    listPartnerPrefix: new RegExp(
      `^[${charClass(chars(lex.listPartnerPrefixes, "listPartnerPrefixes"))}]`,
    ),
    /** The mark that alone separates list items whose names may hold 和 or 及 (、). */
    enumerationMark: chars(lex.enumerationMark, "enumerationMark", true),
    /** What splits a list subject into its items. */
    listItemSeparator: new RegExp(alt(words(lex.listItemSeparators, "listItemSeparators"))),
    /** The bound after an amount, if any (及以上), at the start of the text after it. */
    thresholdBound: new RegExp(
      `^(?:${alt(words(lex.thresholdJoiners, "thresholdJoiners"))})?(${alt(bounds)})?`,
    ),
    /** After a bound amount, what joins a further condition of a class (5亿元以上、且…的项目). */
    thresholdConditions: words(lex.thresholdConditions, "thresholdConditions"),
    /** What opens a clause naming whom a measure is for (对…的项目，给予…). */
    policyTargets: words(lex.policyTargets, "policyTargets"),
    /** An amount bounded inside a count's noun phrase (1000万美元以上). */
    boundAmount: new RegExp(
      `^[\\d.]+[${charClass(magnitudes)}]*(?:${alt(currencies)})(?:${alt(bounds)})`,
    ),
    /** After a count's noun, what opens a part of it (4家公司中有3家). */
    partOf: words(lex.partOf, "partOf"),
    /** After a bare part count, what says where or what its items are (3家位于新会区). */
    partLocators: words(lex.partLocators, "partLocators"),
    /** Before a bare part count of projects, what may open its clause (其中61个, 已有20个). */
    partStateLeads: words(lex.partStateLeads, "partStateLeads"),
    /** Between a bare part count of projects and its verb (61个已开工). */
    partStateAdverbs: words(lex.partStateAdverbs, "partStateAdverbs"),
    /** What opens the first level of a change between dated levels (从2019年的1000家). */
    fromWords: words(lex.fromWords, "fromWords"),
    /** A change against a base said between a count's noun and the count (企业比年初净增48家):
     * every prefix, base and change word joined, longest first. */
    changeSinceBase: (() => {
      const r = record(lex.changeSinceBase, "changeSinceBase");
      const prefixes = words(r.prefixes, "changeSinceBase.prefixes");
      const bases = words(r.bases, "changeSinceBase.bases");
      const changes = words(r.changes, "changeSinceBase.changes");
      return prefixes
        .flatMap((p) => bases.flatMap((b) => changes.map((c) => p + b + c)))
        .sort((a, b) => b.length - a.length);
    })(),
    /** Words that make a count of a stock indicator a flow (新增规上工业企业35家). */
    flowWords: words(lex.flowWords, "flowWords"),
    /** Words that make a count of a flow indicator a stock (在建项目23个). */
    stateWords: words(lex.stateWords, "stateWords"),
    /** Words that make a count a running total to date when nothing dates it (累计引进项目186个). */
    runningTotalWords: words(lex.runningTotalWords, "runningTotalWords"),
    /** Words that alone refer back (其, 该): no subject. */
    pronouns: words(lex.pronouns, "pronouns"),
    /** Paragraph openers that name a measure and no indicator (从总量看, 增速方面). */
    measureOpeners: words(lex.measureOpeners, "measureOpeners"),
    /** Words that make the figures of their clause differences or gaps (高出, 差距). */
    gapWords: words(lex.gapWords, "gapWords"),
    /** Words of a comparison that keep a gap word a difference where it is a number's own bound
     * (比上年超出200亿元). */
    gapBases: words(lex.gapBases, "gapBases"),
    /** Words after an amount that make it a size class (量级, 俱乐部). */
    sizeLabels: words(lex.sizeLabels, "sizeLabels"),
    /** A count of places or trades (15个省份, 32个行业): the figure after it is a bar they pass. */
    countedGroup: new RegExp(
      `[\\d一二两三四五六七八九十]+个?(?:${alt(words(lex.countedGroups, "countedGroups"))})(?!${alt(words(lex.groupNounBlockers, "groupNounBlockers"))})`,
    ),
    /** The places left unnamed (其他城市, 其余区县): a figure after them is none of a named one. */
    othersGroup: new RegExp(
      `(?:${alt(words(lex.otherWords, "otherWords"))})(?:${alt(words(lex.countedGroups, "countedGroups"))})(?!${alt(words(lex.groupNounBlockers, "groupNounBlockers"))})`,
    ),
    /** A counted group at the start of a text, its noun then its count (省份共8个). */
    countedGroupNoun: new RegExp(
      `^(?:${alt(words(lex.countedGroups, "countedGroups"))})(?:${alt(words(lex.groupCountVerbs, "groupCountVerbs"))})?[\\d一二两三四五六七八九十]+个`,
    ),
    /** What opens the list of a counted group's members (包括, 分别是). */
    memberOpeners: words(lex.memberOpeners, "memberOpeners"),
    /** Words that make a counted group a reference to places named before (这3个省份). */
    referenceWords: words(lex.referenceWords, "referenceWords"),
    /** A reference to places just named: 这五省份, 上述3个区, 两地 (group 1: the reference word,
     * group 2: the count). */
    referenceGroup: new RegExp(
      `(${alt(words(lex.referenceWords, "referenceWords"))})?([两二三四五六七八九十\\d]{1,2})个?(?:${alt(
        [...words(lex.referenceNouns, "referenceNouns")].sort((a, b) => b.length - a.length),
      )})`,
    ),
    /** Words that make a figure after places listed together their sum (合计). */
    sumMarkers: words(lex.sumMarkers, "sumMarkers"),
    /** Words that make a percentage-point figure a contribution (拉动…个百分点), not a difference. */
    contributionWords: words(lex.contributionWords, "contributionWords"),
    /** Event verbs, adverbs and periods dropped from a subject's start, longest first. */
    subjectLeadWords: [...words(subjects.leadWords, "subjects.leadWords")].sort(
      (a, b) => b.length - a.length,
    ),
    /** Subjects that name nothing beyond the indicator. */
    subjectBare: words(subjects.bare, "subjects.bare"),
    subjectSynonyms: synonyms(subjects.synonyms, "subjects.synonyms"),
    /** Words that say the indicator again (外贸, 货物贸易): no subject before its cue. */
    subjectIndicatorWords: words(subjects.indicatorWords, "subjects.indicatorWords"),
    /** The number of a point in a numbered list opening a subject (（二）, 3), 1., 2、). */
    subjectPointMark: new RegExp(
      `^[（(]?(?:[一二三四五六七八九十]{1,2}|\\d{1,2})(?:${alt(words(subjects.pointClosers, "subjects.pointClosers"))})(?!\\d)`,
    ),
    /** An amount inside a subject that is no bound (600万元, not 10亿元以上). */
    subjectAmount: new RegExp(
      `[\\d.]+[${charClass(magnitudes)}]*(?:${alt(currencies)})(?!(?:${alt(words(lex.thresholdJoiners, "thresholdJoiners"))})?(?:${alt(bounds)}))`,
    ),
    /** Words that make the rate after them a share (占). */
    shareWords: words(lex.shareWords, "shareWords"),
    /** Cues that name an indicator only with the sector before them (增加值). */
    bareCues: words(lex.bareCues, "bareCues"),
    /** Sectors that a bare cue may belong to (第二产业), none of them an indicator. */
    sectors: words(lex.sectors, "sectors"),
    /** The word that gives a bare cue back to industry (工业). */
    industry: chars(lex.industry, "industry"),
    /** Endings of the name of an industry (金属制品业, 产业集群, 产业链). */
    industryNameEndings: words(lex.industryNameEndings, "industryNameEndings"),
    /** The noun that ends a project's name (项目). */
    projectNameNoun: chars(projectName.noun, "projectName.noun"),
    /** A count that opens the words before a project noun (3个). */
    projectNameCount: new RegExp(`^[\\d.]+[${charClass(countClassifiers)}]`),
  };
}

const BINDING = compileBinding(bindingLexicon);

export const PUNCT = BINDING.punct;
export const CLOSERS = BINDING.closers;
export const ITEM_MARKS = BINDING.itemMarks;
export const NUMERAL_START = BINDING.numeralStart;
export const ATTRIBUTIVE = BINDING.attributive;
export const PERFECTIVE = BINDING.perfective;
export const RESPECTIVELY = BINDING.respectively;
export const LIST_PARTNER_PREFIX = BINDING.listPartnerPrefix;
export const LIST_ITEM_SEPARATOR = BINDING.listItemSeparator;
export const ENUMERATION_MARK = BINDING.enumerationMark;
export const THRESHOLD_BOUND = BINDING.thresholdBound;
export const THRESHOLD_CONDITIONS = BINDING.thresholdConditions;
export const POLICY_TARGETS = BINDING.policyTargets;
export const BOUND_AMOUNT = BINDING.boundAmount;
export const PART_OF = BINDING.partOf;
export const FROM_WORDS = BINDING.fromWords;
export const CHANGE_SINCE_BASE = BINDING.changeSinceBase;
export const FLOW_WORDS = BINDING.flowWords;
export const STATE_WORDS = BINDING.stateWords;
export const RUNNING_TOTAL_WORDS = BINDING.runningTotalWords;
export const PRONOUNS = BINDING.pronouns;
export const PART_LOCATORS = BINDING.partLocators;
export const PART_STATE_LEADS = BINDING.partStateLeads;
export const PART_STATE_ADVERBS = BINDING.partStateAdverbs;
export const PROJECT_NAME_NOUN = BINDING.projectNameNoun;
export const GAP_WORDS = BINDING.gapWords;
export const GAP_BASES = BINDING.gapBases;
export const MEASURE_OPENERS = BINDING.measureOpeners;
export const SIZE_LABELS = BINDING.sizeLabels;
export const COUNTED_GROUP = BINDING.countedGroup;
export const OTHERS_GROUP = BINDING.othersGroup;
export const REFERENCE_WORDS = BINDING.referenceWords;
export const REFERENCE_GROUP = BINDING.referenceGroup;
export const COUNTED_GROUP_NOUN = BINDING.countedGroupNoun;
export const MEMBER_OPENERS = BINDING.memberOpeners;
export const SUM_MARKERS = BINDING.sumMarkers;
export const CONTRIBUTION_WORDS = BINDING.contributionWords;
export const SUBJECT_LEAD_WORDS = BINDING.subjectLeadWords;
export const SUBJECT_BARE = BINDING.subjectBare;
export const SUBJECT_INDICATOR_WORDS = BINDING.subjectIndicatorWords;
export const SUBJECT_SYNONYMS = BINDING.subjectSynonyms;
export const SUBJECT_POINT_MARK = BINDING.subjectPointMark;
export const SUBJECT_AMOUNT = BINDING.subjectAmount;
export const SHARE_WORDS = BINDING.shareWords;
export const BARE_CUES = BINDING.bareCues;
export const SECTORS = BINDING.sectors;
export const INDUSTRY = BINDING.industry;
export const INDUSTRY_NAME_ENDINGS = BINDING.industryNameEndings;
export const PROJECT_NAME_COUNT = BINDING.projectNameCount;

/** `s` without a leading 的. */
export function withoutAttributive(s: string): string {
  return s.startsWith(ATTRIBUTIVE) ? s.slice(ATTRIBUTIVE.length) : s;
}
