// `npm run eval -- --reviews`: the raw extractor scored against what a person decided, on the
// user's own articles. Reads the folder as the command line does, extracts without the reviews,
// and asks applyReviews how each decided number compares.
import {
  addScores,
  applyReviews,
  type ReviewCheck,
  type ReviewScore,
} from "../lib/applyReviews.ts";
import { extractDocument } from "../lib/index.ts";
import type { Review } from "../lib/reviews.ts";
import { ConfigError, loadRegions, loadReviews, loadSources } from "./config.ts";
import { listDocuments } from "./documents.ts";
import { formatProblem } from "./sources.ts";
import { loadPageReader, loadText, needsPageReader, sortFactsByStart } from "./process.ts";

export interface ReviewEvaluation {
  score: ReviewScore;
  checks: (ReviewCheck & { source: string })[];
  /** Decisions that found nothing (document gone, span changed), with why. */
  unapplied: { review: Review; reason: string }[];
  problems: string[];
}

export async function evaluateReviews(
  inDir: string,
  regionsFile: string,
  reviewsFile: string,
): Promise<ReviewEvaluation> {
  const regions = await loadRegions(regionsFile);
  const loaded = await loadReviews(reviewsFile, regions, true);
  if (!loaded) throw new ConfigError([`no reviews file ${reviewsFile}`]);
  const bySource = new Map<string, Review[]>();
  for (const r of loaded.reviews) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
  const listing = await listDocuments(inDir, await loadSources(inDir));
  const result: ReviewEvaluation = {
    score: { checked: 0, right: 0, truth: 0 },
    checks: [],
    unapplied: [],
    problems: loaded.problems.map(formatProblem),
  };
  const seen = new Set<string>();
  for (const document of listing.documents) {
    const reviews = bySource.get(document.id);
    if (!reviews) continue;
    // Read as the command reads it: a web page gives its article text and its metadata date.
    const job = {
      kind: "file",
      label: document.name,
      id: document.id,
      path: document.path,
    } as const;
    if (needsPageReader(job)) await loadPageReader();
    const loaded = loadText(job);
    if ("reason" in loaded) continue;
    seen.add(document.id);
    const published = document.published ?? loaded.published;
    const doc = published
      ? { id: document.id, text: loaded.text, published }
      : { id: document.id, text: loaded.text };
    const extracted = extractDocument(doc, { regions });
    const outcome = applyReviews(
      { id: doc.id, text: doc.text, published: extracted.published },
      sortFactsByStart(extracted.facts),
      reviews,
    );
    result.score = addScores(result.score, outcome.score);
    result.checks.push(...outcome.checks.map((c) => ({ ...c, source: document.id })));
    result.unapplied.push(...outcome.unapplied);
  }
  for (const [source, reviews] of bySource) {
    if (seen.has(source)) continue;
    for (const review of reviews)
      result.unapplied.push({ review, reason: `the document ${source} is not in ${inDir}` });
  }
  return result;
}
