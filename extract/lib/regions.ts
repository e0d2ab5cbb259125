// The gazetteer: places come only from the region table handed in (names and aliases), never
// from code. Longest alias wins (江门高新区 beats 江门). Ordinary words that contain a short alias
// (东西部 holds 西部) are read whole first so the alias inside them is not taken for a place.
// Context words (全区, 区委书记, 全市) name a place through the page they are on. Places outside the
// table (a fixed list, minus whatever the table names) mark figures that are not about it.

import { contextLexicon as lexicon } from "./lexicon.ts";
import type { Region } from "./types.ts";
import { TermMatcher } from "./termMatcher.ts";
import { ATTRIBUTIVE } from "./bind/lexicon.ts";

export type PlaceValue =
  | { type: "region"; key: string }
  /** anaphoric: 该市 refers to the last such place named before it in its paragraph first. */
  | { type: "context"; suffix: string; anaphoric?: boolean }
  | { type: "outside"; scope: boolean }
  /** Sibling places written together as one name (粤苏鲁, 蓬江江海): a grouping the table lacks. */
  | { type: "group"; keys: string[] }
  | { type: "blocker" };

export interface PlaceMention {
  start: number;
  end: number;
  place: Exclude<PlaceValue, { type: "blocker" }>;
  /** True when a partner word (对, 与 …) stands right before: a partner, not a location. */
  partner: boolean;
  /** True when a locative word (在, 落户) stands right before: where the activity is. */
  locative: boolean;
  /** True when a comparison word (仅次于, 高于) stands right before: the object of a comparison,
   * never where a figure is. */
  compared: boolean;
  /** True inside brackets (皖北6市（阜阳、蚌埠…）): an aside that spells out another name. */
  aside?: boolean;
  /** True for a scope (全国) whose clause goes on to a rank (…排名第一): the field of a ranking,
   * not what a figure is about. */
  ranking?: boolean;
  /** True where an event was held (签约仪式在江门滨江新区举行): the figures it reports are of the
   * place that held it, so a venue locates a figure only when no other place does. */
  venue?: boolean;
  /** True for the office that gives the figures (杭州海关): its district need not be that place
   * (杭州海关 reports on all of 浙江), so like a venue it locates a figure only when no other
   * place does. */
  source?: boolean;
  /** True right after a verb of entering a list (入选全市重点项目清单): whose list it is, never
   * where a figure is. */
  listOwner?: boolean;
}

export interface Gazetteer {
  regions: ReadonlyMap<string, Region>;
  /** The region with no parent (the city), if the table has exactly one. */
  root: string | undefined;
  matcher: TermMatcher<PlaceValue>;
  /** One-character province names (粤 → the table's 广东省), for runs such as 粤苏鲁. */
  abbreviations: ReadonlyMap<string, string>;
}

export function buildGazetteer(regions: readonly Region[]): Gazetteer {
  const byKey = new Map(regions.map((r) => [r.key, r] as const));
  const entries: [string, PlaceValue][] = [];
  const tableNames = new Set<string>();
  for (const r of regions) for (const name of [r.name, ...r.aliases]) tableNames.add(name);
  for (const term of lexicon.outsidePlaces) {
    if (![...tableNames].some((n) => n.includes(term) || term.includes(n))) {
      entries.push([term, { type: "outside", scope: false }]);
    }
  }
  const suffixes = lexicon.scopeSuffixes as Record<string, string>;
  // 全省 in a province's table is that province, as 全市 is the city: a context word there.
  const scopeValue = (term: string): PlaceValue => {
    const suffix = suffixes[term];
    const fits = suffix && regions.some((r) => r.members.length === 0 && r.name.endsWith(suffix));
    return fits ? { type: "context", suffix } : { type: "outside", scope: true };
  };
  for (const term of lexicon.outsideScopes) entries.push([term, scopeValue(term)]);
  for (const [term, suffix] of Object.entries(suffixes)) {
    if (!lexicon.outsideScopes.includes(term) && regions.some((r) => r.name.endsWith(suffix)))
      entries.push([term, { type: "context", suffix }]);
  }
  // 国内生产总值 names 全国 inside itself: the value the scope word has in this table.
  for (const { term, scope } of SCOPE_TERMS) {
    const named = regions.find((r) => r.name === scope || r.aliases.includes(scope));
    entries.push([term, named ? { type: "region", key: named.key } : scopeValue(scope)]);
  }
  for (const term of lexicon.blockers) entries.push([term, { type: "blocker" }]);
  for (const { term, suffix, anaphoric } of lexicon.contextWords)
    entries.push([
      term,
      anaphoric ? { type: "context", suffix, anaphoric } : { type: "context", suffix },
    ]);
  // Table names last: they replace any fixed word they coincide with.
  // A name written with brackets (中欧(江门)中小企业国际合作区) is read with either width of them:
  // pages write 中欧（江门）…, and the place in its brackets is part of the name, not a mention.
  for (const r of regions) {
    for (const name of [r.name, ...r.aliases])
      for (const spelling of bracketWidths(name))
        entries.push([spelling, { type: "region", key: r.key }]);
  }
  const roots = regions.filter((r) => !r.parent && r.members.length === 0);
  const abbreviations = new Map<string, string>();
  for (const [char, name] of Object.entries(
    lexicon.provinceAbbreviations as Record<string, string>,
  )) {
    const r = regions.find((x) => x.members.length === 0 && x.name.startsWith(name));
    if (r) abbreviations.set(char, r.key);
  }
  return {
    regions: byKey,
    root: roots.length === 1 ? roots[0]!.key : undefined,
    matcher: new TermMatcher(entries),
    abbreviations,
  };
}

const INSTITUTIONS = lexicon.institutionSuffixes;
const SOURCE_OFFICES: readonly string[] = lexicon.sourceOffices;
/** Words that name a scope inside themselves (国内生产总值: 全国), read whole; the mention covers
 * only their name (国内), so the rest of the term is still read as a cue. */
const SCOPE_TERMS: readonly { term: string; name: string; scope: string }[] = lexicon.scopeTerms;
const SCOPE_NAME_LENGTH = new Map(SCOPE_TERMS.map((t) => [t.term, t.name.length] as const));
for (const t of SCOPE_TERMS)
  if (!t.term.startsWith(t.name))
    throw new Error(`context.json scopeTerms: "${t.term}" does not start with "${t.name}"`);
const PARTNER = new TermMatcher(lexicon.partnerWords.map((w) => [w, true] as const));
const LOCATIVE = new TermMatcher(lexicon.locativeWords.map((w) => [w, true] as const));
const COMPARED = new TermMatcher(lexicon.comparedWords.map((w) => [w, true] as const));
const COMPARED_LIST_MARKS: readonly string[] = lexicon.comparedListMarks;
/** A bracketed figure or aside opening a stretch of text (（540.2亿元）和). */
const BRACKETED_OPENING = /^[（(][^（()）]{0,20}[）)]/;
const LIST_VERBS = new TermMatcher(lexicon.listVerbs.map((w) => [w, true] as const));
const RANK = new TermMatcher(lexicon.rankWords.map((w) => [w, true] as const));

const CLAUSE_MARK = new TermMatcher(lexicon.clauseMarks.map((w) => [w, true] as const));
const FIELD_MARKERS: readonly string[] = lexicon.fieldMarkers;
const VENUE_PREFIX = new TermMatcher(lexicon.venuePrefixes.map((w) => [w, true] as const));
const VENUE = new TermMatcher(lexicon.venueWords.map((w) => [w, true] as const));
/** How far after a place its event verb (举行) may stand for the place to be a venue (在滨江新区
 * 会展中心隆重举行), in characters. */
const VENUE_WINDOW = 12;

/** Whether the place at [start, end) is where an event was held: 在/于 before it (or a venue
 * mention, `after`, right before it), and a venue verb after it in its clause, within
 * VENUE_WINDOW characters. */
function isVenue(
  text: string,
  start: number,
  end: number,
  to: number,
  after: PlaceMention | undefined,
): boolean {
  // 在新会区司前镇举行: a place right after a venue's first name is part of the same venue.
  const prefixed =
    after?.venue && after.end === start
      ? true
      : !!VENUE_PREFIX.matchEndingAt(text, start, Math.max(0, start - 1));
  if (!prefixed) return false;
  const stop = Math.min(to, end + VENUE_WINDOW);
  for (let i = end; i < stop; i++) {
    if (CLAUSE_MARK.matchAt(text, i, stop)) return false;
    if (VENUE.matchAt(text, i, stop)) return true;
  }
  return false;
}

/** Whether a rank word follows `from` before the clause ends (全国市场占有率排名第一). Reads only
 * to the clause's end: a search of the whole page for each mark cost a scan per 全国. */
function rankFollows(text: string, from: number, to: number): boolean {
  let end = from;
  while (end < to && !CLAUSE_MARK.matchAt(text, end, to)) end++;
  return RANK.scan(text, from, end).length > 0;
}

/** All place mentions in text[from, to), in order. */
export function findPlaces(
  gaz: Gazetteer,
  text: string,
  from = 0,
  to = text.length,
): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const m of gaz.matcher.scan(text, from, to)) {
    if (m.value.type === "blocker") continue;
    if (m.value.type === "region" && INSTITUTIONS.some((w) => text.startsWith(w, m.end))) continue;
    const partner = !!PARTNER.matchEndingAt(text, m.start, Math.max(0, m.start - 3));
    const venue = isVenue(text, m.start, m.end, to, out[out.length - 1]);
    // 增速居江门各市（区）首位: the set of its parts a ranking runs over, compared, not located.
    const field = FIELD_MARKERS.some((w) => text.startsWith(w, m.end));
    const compared = field || !!COMPARED.matchEndingAt(text, m.start, Math.max(0, m.start - 3));
    // 另有3个项目入选全市重点项目清单: the list entered is the city's, the projects are not.
    const listOwner = !!LIST_VERBS.matchEndingAt(text, m.start, Math.max(0, m.start - 2));
    const locative =
      !venue && !field && !!LOCATIVE.matchEndingAt(text, m.start, Math.max(0, m.start - 3));
    const aside = inBrackets(text, m.start);
    const source = SOURCE_OFFICES.some((w) => text.startsWith(w, m.end));
    const ranking = m.value.type === "outside" && m.value.scope && rankFollows(text, m.end, to);
    const named = SCOPE_NAME_LENGTH.get(text.slice(m.start, m.end));
    out.push({
      start: m.start,
      end: named === undefined ? m.end : m.start + named,
      place: m.value,
      partner,
      locative,
      compared,
      aside,
      ranking,
      venue,
      source,
      listOwner,
    });
  }
  // 仅次于蓬江区棠下镇和鹤山市共和镇: the places written on from a compared one are compared too.
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const m = out[i]!;
    if (!prev.compared || m.compared || m.place.type !== "region") continue;
    // 仅次于蓬江区棠下镇（540.2亿元）和鹤山市共和镇: a compared place's figure may stand between.
    const between = text.slice(prev.end, m.start).replace(BRACKETED_OPENING, "");
    if (between === "" || COMPARED_LIST_MARKS.includes(between))
      out[i] = { ...m, compared: true, partner: false };
  }
  const zoned = withZones(gaz, text, out);
  return groupSiblings(gaz, withAbbreviationRuns(gaz, text, from, to, describing(text, zoned)));
}

const ZONE_SUFFIX = new TermMatcher(lexicon.zoneSuffixes.map((w) => [w, true] as const));
const ZONE_INFIX = new TermMatcher(lexicon.zoneInfixes.map((w) => [w, true] as const));

/** True when region `key` lies inside region `whole` (a district of the city, a county of it).
 * A hand-made table may loop through its parents: each is visited once. */
export function insideRegion(gaz: Gazetteer, key: string, whole: string): boolean {
  const seen = new Set<string>();
  for (let k = gaz.regions.get(key)?.parent; k && !seen.has(k); k = gaz.regions.get(k)?.parent) {
    if (k === whole) return true;
    seen.add(k);
  }
  return false;
}

/** Where the zone's or grouping's name that place `m` opens ends (成都高新区, 苏州国家高新区,
 * 杭州都市圈), else undefined. A table place right after `m` that is part of it (江门市高新区 →
 * 江海) is that part, not a zone of `m`. */
function zoneEnd(
  gaz: Gazetteer,
  text: string,
  m: PlaceMention,
  next: PlaceMention | undefined,
): number | undefined {
  if (m.place.type !== "region" && !(m.place.type === "outside" && !m.place.scope)) return;
  const infix = ZONE_INFIX.matchAt(text, m.end, m.end + ZONE_INFIX_LIMIT);
  const suffix =
    (infix && ZONE_SUFFIX.matchAt(text, infix.end)) || ZONE_SUFFIX.matchAt(text, m.end);
  if (!suffix) return;
  if (
    next &&
    next.start < suffix.end &&
    m.place.type === "region" &&
    next.place.type === "region" &&
    insideRegion(gaz, next.place.key, m.place.key)
  )
    return;
  return suffix.end;
}
const ZONE_INFIX_LIMIT = 3;

/** Reads a place followed by a zone's or a grouping's word (苏州工业园区, 成都高新区, 杭州都市圈),
 * where the table holds no longer name for it, as one place outside the table: a zone inside the
 * place or a grouping around it, whose figures are not the place's. */
function withZones(gaz: Gazetteer, text: string, mentions: PlaceMention[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  let changed = false;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const end = zoneEnd(gaz, text, m, mentions[i + 1]);
    if (end === undefined) {
      out.push(m);
      continue;
    }
    changed = true;
    out.push({ ...m, end, place: { type: "outside", scope: false } });
    while (i + 1 < mentions.length && mentions[i + 1]!.start < end) i++;
  }
  return changed ? out : mentions;
}

/** A place after a locative word that is followed by 的 and another place (同在苏州的苏州高新区,
 * 位于成都的天府新区) says where that place is: it is not where the figure is, the place after it
 * is. */
function describing(text: string, mentions: PlaceMention[]): PlaceMention[] {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.locative && text[m.end] === ATTRIBUTIVE && mentions[i + 1]!.start === m.end + 1)
      mentions[i] = { ...m, locative: false };
  }
  return mentions;
}

/** How far back an opening bracket may stand for a place to be inside it, in characters. */
const ASIDE_WINDOW = 40;

/** True when `at` sits inside a bracket opened within ASIDE_WINDOW characters before it. */
function inBrackets(text: string, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - ASIDE_WINDOW); i--) {
    const c = text[i];
    if (c === "）" || c === ")" || c === "\n") return false;
    if (c === "（" || c === "(") return true;
  }
  return false;
}

const ABBREVIATION_BLOCKERS: readonly string[] = lexicon.abbreviationBlockers;

/** Adds the runs of two or more province abbreviations (粤苏鲁) as groups of the table's
 * provinces, where every character is one and no other name covers them. */
function withAbbreviationRuns(
  gaz: Gazetteer,
  text: string,
  from: number,
  to: number,
  mentions: PlaceMention[],
): PlaceMention[] {
  if (gaz.abbreviations.size < 2) return mentions;
  const runs: PlaceMention[] = [];
  for (let i = from; i < to; i++) {
    if (!gaz.abbreviations.has(text[i]!)) continue;
    let j = i;
    while (j < to && gaz.abbreviations.has(text[j]!)) j++;
    const run = text.slice(i, j);
    const keys = [...new Set([...run].map((c) => gaz.abbreviations.get(c)!))];
    const blocked = ABBREVIATION_BLOCKERS.some((b) => text.startsWith(b, i));
    const covered = mentions.some((m) => m.start < j && i < m.end);
    // 粤、苏、鲁、浙; 京、津、冀: one-character names listed with the enumeration mark, each one
    // character alone between marks, are provinces each, as their full names would be.
    const listed = j - i === 1 && !blocked ? abbreviationList(gaz, text, i, to) : [];
    if (
      listed.length > 1 &&
      !listed.some((at) => mentions.some((m) => m.start <= at && at < m.end))
    ) {
      for (const at of listed)
        runs.push({
          start: at,
          end: at + 1,
          place: { type: "region", key: gaz.abbreviations.get(text[at]!)! },
          partner: !!PARTNER.matchEndingAt(text, at, Math.max(0, at - 3)),
          locative: false,
          compared: !!COMPARED.matchEndingAt(text, at, Math.max(0, at - 3)),
        });
      i = listed[listed.length - 1]!;
      continue;
    }
    if (j - i >= 2 && keys.length >= 2 && !blocked && !covered)
      runs.push({
        start: i,
        end: j,
        place: { type: "group", keys },
        partner: false,
        locative: false,
        compared: false,
      });
    i = j;
  }
  if (!runs.length) return mentions;
  return [...mentions, ...runs].sort((a, b) => a.start - b.start);
}

/** The mark that alone separates one-character names listed one by one (粤、苏、鲁). */
const ENUMERATION_MARK = "、";

/** Where the one-character names of a list that starts at `at` stand (粤、苏、鲁、浙 → four
 * positions): each name a province of the table, alone between marks; [] for no list of two. */
function abbreviationList(gaz: Gazetteer, text: string, at: number, to: number): number[] {
  const single = (i: number) =>
    i < to &&
    gaz.abbreviations.has(text[i]!) &&
    !(i + 1 < to && gaz.abbreviations.has(text[i + 1]!));
  if (!single(at)) return [];
  const items = [at];
  for (let i = at + 1; text[i] === ENUMERATION_MARK && single(i + 1); i += 2) items.push(i + 1);
  return items.length > 1 ? items : [];
}

/** Joins sibling regions written back to back (粤苏鲁: three provinces) into one group mention.
 * A region followed by one it contains (江门台山) is a place and its part, not a group. */
function groupSiblings(gaz: Gazetteer, mentions: PlaceMention[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  const parentOf = (m: PlaceMention) =>
    m.place.type === "region" ? (gaz.regions.get(m.place.key)?.parent ?? "") : undefined;
  for (const m of mentions) {
    const last = out[out.length - 1];
    const parent = parentOf(m);
    if (last && last.end === m.start && parent !== undefined && m.place.type === "region") {
      const first = last.place.type === "group" ? last.place.keys[0] : undefined;
      const keys =
        last.place.type === "group"
          ? (gaz.regions.get(first!)?.parent ?? "") === parent
            ? last.place.keys
            : undefined
          : last.place.type === "region" && parentOf(last) === parent
            ? [last.place.key]
            : undefined;
      if (keys && !keys.includes(m.place.key)) {
        out[out.length - 1] = {
          ...last,
          end: m.end,
          place: { type: "group", keys: [...keys, m.place.key] },
        };
        continue;
      }
    }
    out.push(m);
  }
  return out;
}

/** How often each region is named, for deciding what a page is about. */
export function countRegions(mentions: readonly PlaceMention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    if (m.place.type === "region") counts.set(m.place.key, (counts.get(m.place.key) ?? 0) + 1);
  }
  return counts;
}

/** The most specific region named in a heading: a district beats the city it belongs to. */
export function headingRegion(
  gaz: Gazetteer,
  mentions: readonly PlaceMention[],
): string | undefined {
  let fallback: string | undefined;
  for (const m of mentions) {
    if (m.place.type !== "region") continue;
    const region = gaz.regions.get(m.place.key);
    if (region?.parent) return region.key;
    fallback ??= m.place.key;
  }
  return fallback;
}

/**
 * The region a context word (全区, 全市) stands for: the section's region when its name has the
 * word's suffix; else the first of `nearby` (the page's region, the place named last before the
 * word) that has it; else the region with that suffix the page names most, unless the root region (the
 * city) has the suffix too and is named at least as often, or no region is named most: a page that
 * names several districts equally often (a city's release going through them one by one) is about
 * the city, not the one whose key sorts first.
 */
export function resolveContext(
  gaz: Gazetteer,
  suffix: string,
  sectionRegion: string | undefined,
  pageCounts: ReadonlyMap<string, number>,
  nearby: readonly (string | undefined)[] = [],
  /** Places the sentence names as parts of what the context word stands for (其中恩平…). */
  parts: ReadonlySet<string> = new Set(),
): string | undefined {
  const fits = (key: string | undefined) => {
    const r = key ? gaz.regions.get(key) : undefined;
    return !!r && !parts.has(r.key) && r.members.length === 0 && r.name.endsWith(suffix);
  };
  if (fits(sectionRegion)) return sectionRegion;
  for (const key of nearby) if (fits(key)) return key;
  let best: string | undefined;
  let bestCount = 0;
  let tied = false;
  for (const [key, count] of pageCounts) {
    if (key === gaz.root || !fits(key)) continue;
    if (count === bestCount) tied = true;
    if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
      if (count > bestCount) tied = false;
      best = key;
      bestCount = count;
    }
  }
  const rootCount = gaz.root ? (pageCounts.get(gaz.root) ?? 0) : 0;
  if (fits(gaz.root) && (!best || tied || rootCount >= bestCount)) return gaz.root;
  return best;
}

/** `name` as written, and with its brackets in the other width when it has any. */
function bracketWidths(name: string): string[] {
  const full = name.replace(/\(/g, "（").replace(/\)/g, "）");
  const half = name.replace(/（/g, "(").replace(/）/g, ")");
  return [...new Set([name, full, half])];
}
