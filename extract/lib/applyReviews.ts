// Applying a document's decisions (data/reviews.csv) to what the extractor read from it, as the
// contract says: correct replaces the fields, reject leaves the fact out, add writes a fact the
// extractor missed, confirm marks it confirmed, or stale when the extractor now reads it
// differently. A decision whose number is no longer where it was is applied to nothing and named.
// Also how far the raw extractor was right on what a person checked. Pure.
import { fieldsOf, REVIEWED_FIELD_NAMES, type Review, type ReviewedFields } from "./reviews.ts";
import { segment } from "./segment.ts";
import type { Fact, ReviewState } from "./types.ts";

/** The document the facts were read from; `published` is the date the run used. */
export interface ReviewedDocument {
  id: string;
  text: string;
  published: string;
}

/** How far the raw extractor was right on the facts a person decided about. */
export interface ReviewScore {
  /** Extracted facts a person decided about (confirmed, corrected, rejected). */
  checked: number;
  /** Of those, the ones a person found right as extracted (every field). */
  right: number;
  /** Facts a person says are in the documents (confirmed, corrected or added). */
  truth: number;
}

export interface ReviewOutcome {
  /** The facts to write, each with its `review` state, sorted by start. */
  facts: Fact[];
  /** Decisions that found their number (all of a fact's history, not only the last). */
  applied: number;
  /** Facts confirmed by a person that the extractor now reads differently. */
  stale: Fact[];
  /** Decisions that found nothing to apply to, with why. Kept in the file all the same. */
  unapplied: { review: Review; reason: string }[];
  score: ReviewScore;
  /** Each number a person decided about: the raw reading, the person's (none when rejected). */
  checks: ReviewCheck[];
}

export interface ReviewCheck {
  extracted: Fact | undefined;
  truth: ReviewedFields | undefined;
  /** The decision that stands (the last one). */
  last: Review;
}

/** True when two readings of a number agree on every field a person can decide. */
export function sameFields(a: ReviewedFields, b: ReviewedFields): boolean {
  return REVIEWED_FIELD_NAMES.every((name) => a[name] === b[name]);
}

/** The sentence around text[start, end), as a fact's quote: what an added fact is quoted by. */
export function sentenceAround(text: string, start: number, end: number): string {
  const sentences = segment(text).sentences;
  const first = sentences.find((s) => s.start <= start && start < s.end);
  const last = sentences.find((s) => s.start < end && end <= s.end) ?? first;
  if (!first || !last) return text.slice(start, end);
  return text.slice(first.start, last.end).trim();
}

interface Target {
  /** What the extractor reads at this number now; undefined when it reads nothing there. */
  extracted: Fact | undefined;
  reviews: Review[];
}

/** Where a run of decisions leaves one number: its fields and state, or left out. */
export interface Decided {
  fields: ReviewedFields | undefined;
  state: ReviewState;
  /** The person's own reading, for the score: the last values confirmed, corrected or added. */
  truth: ReviewedFields | undefined;
}

/**
 * Plays a number's decisions in the order they were made over what the extractor reads there
 * (undefined: nothing); the last one wins. Also what the dashboard replays on its loaded rows.
 */
export function decideReviews(
  extracted: ReviewedFields | undefined,
  reviews: readonly Review[],
): Decided {
  let current: Decided = {
    fields: extracted && fieldsOf(extracted),
    state: "",
    truth: undefined,
  };
  for (const r of reviews) {
    const given = fieldsOf(r);
    switch (r.action) {
      case "correct":
        current = { fields: given, state: "corrected", truth: given };
        break;
      case "add":
        current = { fields: given, state: "added", truth: given };
        break;
      case "reject":
        current = { fields: undefined, state: "", truth: undefined };
        break;
      case "confirm":
        if (current.fields && sameFields(given, current.fields)) {
          // Confirming a correction or an addition as shown keeps it what it is. A stale fact
          // confirmed as shown is the extractor's new reading confirmed, when it reads one.
          const state =
            current.state === "" || (current.state === "stale" && extracted)
              ? "confirmed"
              : current.state;
          current = { fields: current.fields, state, truth: given };
        } else if (extracted && sameFields(given, extracted)) {
          current = { fields: fieldsOf(extracted), state: "confirmed", truth: given };
        } else {
          // The extractor reads it differently now (or not at all): its reading, if any, stands
          // for a person to look at again; else the confirmed values do.
          current = {
            fields: extracted ? fieldsOf(extracted) : given,
            state: "stale",
            truth: given,
          };
        }
        break;
    }
  }
  return current;
}

/**
 * The id of a fact a person added: the same review row gives the same id on every run, in the
 * command and in the dashboard alike. Like an extracted fact's it ends in the indicator, but the part
 * before is `add` and a digest of the row, where an extracted id has its start (digits): so it is
 * never an extracted fact's id, nor another addition's (another row).
 */
export function additionId(review: Review): string {
  const row = [
    review.reviewedAt,
    review.source,
    String(review.start),
    String(review.end),
    review.text,
    ...REVIEWED_FIELD_NAMES.map((name) => String(review[name])),
  ].join("\u0000");
  return `${review.source}-${review.start}-${review.end}-add${digest(row)}-${review.indicator}`;
}

/** Two 32-bit FNV-1a hashes of `s` (different seeds) as 16 hex digits: stable, no crypto needed. */
function digest(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** What a decision's span finds among the facts on it: one, none, or several it cannot tell apart. */
export type SpanMatch<T> = { found: T } | { none: true } | { ambiguous: number };

/**
 * The fact on a decision's span that the decision is about, when its id did not find one. Alone on
 * its span, a fact is it (the extractor may read it differently now: stale). Where several share
 * the span (one bound giving several places), the decision must agree with exactly one of them on
 * every field in which they differ (region, indicator, …); else it names none of them.
 */
export function matchOnSpan<T extends ReviewedFields>(
  review: ReviewedFields,
  onSpan: readonly T[],
): SpanMatch<T> {
  if (onSpan.length === 0) return { none: true };
  if (onSpan.length === 1) return { found: onSpan[0]! };
  const telling = REVIEWED_FIELD_NAMES.filter(
    (name) => new Set(onSpan.map((f) => f[name])).size > 1,
  );
  const hits = onSpan.filter((f) => telling.every((name) => f[name] === review[name]));
  return hits.length === 1 && telling.length ? { found: hits[0]! } : { ambiguous: onSpan.length };
}

/** The reason a decision matching no single fact on its shared span is applied to nothing. */
export function ambiguousReason(review: Review, count: number): string {
  return `${count} facts share ${review.start}–${review.end} of ${review.source} and its fields name none of them alone`;
}

/**
 * Applies `reviews` (the decisions about document `doc`, in file order) to `facts` (what the
 * extractor read from it). A decision is matched to a fact by `factId`, else by its span (and,
 * where facts share the span, the fields that tell them apart); one whose span no longer holds its
 * `text`, or whose span and fields name no single fact, is applied to nothing. An addition is a
 * fact of its own (additionId) unless the extractor now reads the very same fields on its span.
 */
export function applyReviews(
  doc: ReviewedDocument,
  facts: readonly Fact[],
  reviews: readonly Review[],
): ReviewOutcome {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const bySpan = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = `${f.start}:${f.end}`;
    const list = bySpan.get(key);
    if (list) list.push(f);
    else bySpan.set(key, [f]);
  }
  const targets = new Map<string, Target>();
  /** Additions by id, and by span with the fields they stand at now, for later decisions. */
  const additions = new Map<string, string>();
  const addedOnSpan = new Map<string, (ReviewedFields & { key: string })[]>();
  const unapplied: ReviewOutcome["unapplied"] = [];
  let applied = 0;
  for (const review of reviews) {
    if (review.source !== doc.id) {
      unapplied.push({ review, reason: `it is about ${review.source}, not ${doc.id}` });
      continue;
    }
    const held = doc.text.slice(review.start, review.end);
    if (held !== review.text) {
      unapplied.push({
        review,
        reason: `${review.start}–${review.end} of ${doc.id} no longer holds "${review.text}"${held ? ` (it holds "${held.slice(0, 20)}")` : ""}`,
      });
      continue;
    }
    const span = `${review.start}:${review.end}`;
    const onSpan = bySpan.get(span) ?? [];
    let extracted: Fact | undefined;
    let key: string;
    if (review.action === "add") {
      // The extractor may read the added fact itself now: then it is that fact.
      extracted = onSpan.find((f) => sameFields(f, review));
      const id = additionId(review);
      key = extracted ? `fact:${extracted.id}` : `add:${id}`;
      if (!extracted) {
        additions.set(id, key);
        addedOnSpan.set(span, [...(addedOnSpan.get(span) ?? []), { ...fieldsOf(review), key }]);
      }
    } else {
      const byFactId = review.factId ? byId.get(review.factId) : undefined;
      const addition = review.factId ? additions.get(review.factId) : undefined;
      if (byFactId) {
        extracted = byFactId;
        key = `fact:${byFactId.id}`;
      } else if (addition) {
        key = addition;
      } else {
        const added = addedOnSpan.get(span) ?? [];
        const match = onSpan.length ? matchOnSpan(review, onSpan) : matchOnSpan(review, added);
        if ("ambiguous" in match) {
          unapplied.push({ review, reason: ambiguousReason(review, match.ambiguous) });
          continue;
        }
        if ("none" in match) key = `span:${span}`;
        else if ("id" in match.found) {
          extracted = match.found as Fact;
          key = `fact:${extracted.id}`;
        } else key = (match.found as ReviewedFields & { key: string }).key;
      }
      // A later correction moves an addition's fields: later decisions are told apart by them.
      const moved = (addedOnSpan.get(span) ?? []).find((a) => a.key === key);
      if (moved && review.action === "correct") Object.assign(moved, fieldsOf(review));
    }
    const target = targets.get(key) ?? { extracted, reviews: [] };
    target.reviews.push(review);
    targets.set(key, target);
    applied++;
  }

  const decidedFacts = new Map<Fact, Fact | undefined>();
  const extra: Fact[] = [];
  const stale: Fact[] = [];
  const score: ReviewScore = { checked: 0, right: 0, truth: 0 };
  const checks: ReviewCheck[] = [];
  for (const { extracted, reviews: history } of targets.values()) {
    const decided = decideReviews(extracted, history);
    if (extracted) score.checked++;
    if (decided.truth) score.truth++;
    if (extracted && decided.truth && sameFields(extracted, decided.truth)) score.right++;
    const last = history[history.length - 1]!;
    checks.push({ extracted, truth: decided.truth, last });
    const fact: Fact | undefined = decided.fields && {
      ...(extracted ?? {
        id: factIdOf(history),
        source: doc.id,
        published: doc.published,
        text: last.text,
        quote: sentenceAround(doc.text, last.start, last.end),
        start: last.start,
        end: last.end,
      }),
      ...decided.fields,
      review: decided.state,
    };
    if (extracted) decidedFacts.set(extracted, fact);
    else if (fact) extra.push(fact);
    if (fact?.review === "stale") stale.push(fact);
  }

  const out: Fact[] = [];
  for (const f of facts) {
    if (!decidedFacts.has(f)) out.push(f);
    else {
      const decided = decidedFacts.get(f);
      if (decided) out.push(decided);
    }
  }
  out.push(...extra);
  // Stable: the extractor's order stands for equal starts, and an addition goes after them.
  out.sort((a, b) => a.start - b.start);
  return { facts: out, applied, stale, unapplied, score, checks };
}

/**
 * The id of a fact no extracted fact stands for, from its decisions: an addition's own id
 * (additionId), else the id the first decision named (a confirmed fact the extractor reads
 * nothing at now), else an id of the first decision's own as an addition's is.
 */
export function factIdOf(history: readonly Review[]): string {
  const added = history.find((r) => r.action === "add");
  if (added) return additionId(added);
  return history.find((r) => r.factId)?.factId || additionId(history[0]!);
}

/** Sums the scores of many documents. */
export function addScores(a: ReviewScore, b: ReviewScore): ReviewScore {
  return { checked: a.checked + b.checked, right: a.right + b.right, truth: a.truth + b.truth };
}
