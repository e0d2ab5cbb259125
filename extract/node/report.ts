// The report on standard error at the end of a run.

export interface RunSummary {
  /** Documents extracted (with or without facts). */
  read: number;
  facts: number;
  /** Where the rows went: a file name or "standard output". */
  output: string;
  /** How many documents had their publication date inferred from the text. */
  guessedCount: number;
  /**
   * The first of them (all with --verbose), with the date inferred; "" when none could be. Only
   * the first few are kept otherwise, so the report and the memory it takes stay small for any
   * corpus.
   */
  guessed: { label: string; published: string }[];
  /** True with --verbose: `guessed` holds every document whose date was guessed. */
  verbose?: boolean;
  skipped: { label: string; reason: string }[];
  notes: { label: string; note: string }[];
  seconds: number;
  jobs: number;
  /** Set when the output was not written, to say why. */
  notWritten?: string;
  /** What the decisions of the reviews file came to; absent when no reviews file was read. */
  reviews?: ReviewSummary;
}

export interface ReviewSummary {
  file: string;
  /** Decisions in the file that were read (bad rows are in `problems`). */
  read: number;
  applied: number;
  stale: { label: string; text: string }[];
  /** Decisions applied to nothing, named: kept in the file all the same. */
  unapplied: { line: number; action: string; text: string; source: string; reason: string }[];
  /** Rows of the file that could not be read, by line and field. */
  problems: string[];
}

/** Guessed dates listed without --verbose: enough to see what kind of documents lack a date. */
export const GUESSED_LISTED = 5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function formatReport(summary: RunSummary): string {
  const lines: string[] = [];
  const destination = summary.notWritten
    ? `(${summary.notWritten}; ${summary.output} left as it was)`
    : `to ${summary.output}`;
  lines.push(
    `extract: ${plural(summary.read, "document")} read, ${plural(summary.facts, "fact")} written ${destination}` +
      ` in ${summary.seconds.toFixed(1)} s with ${plural(summary.jobs, "job")}`,
  );
  if (summary.guessedCount) {
    const partial = summary.guessed.length < summary.guessedCount;
    lines.push(
      `publication date guessed for ${plural(summary.guessedCount, "document")}` +
        (partial ? ` (the first ${summary.guessed.length}; --verbose lists all):` : ":"),
    );
    for (const g of summary.guessed)
      lines.push(`  ${g.label}  ${g.published || "(no date found)"}`);
  }
  if (summary.skipped.length) {
    lines.push(`skipped ${plural(summary.skipped.length, "document")}:`);
    for (const s of summary.skipped) lines.push(`  ${s.label}: ${s.reason}`);
  }
  if (summary.reviews) lines.push(...formatReviews(summary.reviews));
  if (summary.notes.length) {
    lines.push(`notes:`);
    for (const n of summary.notes) lines.push(`  ${n.label}: ${n.note}`);
  }
  return lines.join("\n") + "\n";
}

function formatReviews(r: ReviewSummary): string[] {
  const lines = [
    `reviews from ${r.file}: ${plural(r.read, "decision")} read, ${r.applied} applied, ` +
      `${r.stale.length} stale, ${r.unapplied.length} applied to nothing` +
      (r.problems.length ? `, ${plural(r.problems.length, "bad row")}` : ""),
  ];
  if (r.stale.length) {
    lines.push("confirmed facts the extractor now reads differently (需复核):");
    for (const s of r.stale) lines.push(`  ${s.label}  ${s.text}`);
  }
  if (r.unapplied.length) {
    lines.push("reviews applied to nothing (kept in the file):");
    for (const u of r.unapplied)
      lines.push(`  ${r.file} line ${u.line}: ${u.action} ${u.text} in ${u.source}: ${u.reason}`);
  }
  if (r.problems.length) {
    lines.push("bad rows of the reviews file (left out; the other rows apply):");
    for (const p of r.problems) lines.push(`  ${p}`);
  }
  return lines;
}
