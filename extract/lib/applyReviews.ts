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
 * Applies `reviews` (the decisions about document `doc`, in file order) to `facts` (what the
 * extractor read from it). A decision is matched to a fact by `factId`, else by its span; one
 * whose span no longer holds its `text` is applied to nothing.
 */
export function applyReviews(
  doc: ReviewedDocument,
  facts: readonly Fact[],
  reviews: readonly Review[],
): ReviewOutcome {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const bySpan = new Map(facts.map((f) => [`${f.start}:${f.end}`, f]));
  const targets = new Map<string, Target>();
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
    const extracted = (review.factId && byId.get(review.factId)) || bySpan.get(span);
    const key = extracted ? `fact:${extracted.id}` : `span:${span}`;
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
        id: last.factId || `${doc.id}-${last.start}-${decided.fields.indicator}`,
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

/** Sums the scores of many documents. */
export function addScores(a: ReviewScore, b: ReviewScore): ReviewScore {
  return { checked: a.checked + b.checked, right: a.right + b.right, truth: a.truth + b.truth };
}
