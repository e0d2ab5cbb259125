// The two ways a run goes: a folder of documents to a CSV file, or JSON Lines to CSV on a stream.
// Side effects come in through RunEnvironment and the sinks, so the flows read top to bottom.
import { stat } from "node:fs/promises";
import { csvHeader } from "../lib/csv.ts";
import { extractDocument } from "../lib/index.ts";
import type { Region } from "../lib/types.ts";
import { ConfigError, loadRegions, loadReviews, loadSources } from "./config.ts";
import type { Review } from "../lib/reviews.ts";
import { describeError, listDocuments } from "./documents.ts";
import { parseJsonLine, splitLines } from "./jsonLines.ts";
import { mapInOrder } from "./ordered.ts";
import { openAtomicFile, removeStaleTempFiles, type OutputSink } from "./output.ts";
import {
  DOCUMENTS_AHEAD_PER_WORKER,
  inProcessRunner,
  workerPoolRunner,
  type DocumentRunner,
} from "./pool.ts";
import type { DocumentJob, DocumentOutcome } from "./process.ts";
import { PROGRESS_MIN_DOCUMENTS, ProgressBar } from "./progress.ts";
import { formatReport, GUESSED_LISTED, type RunSummary } from "./report.ts";
import { formatProblem } from "./sources.ts";

/**
 * The default --jobs: one thread per core that is free. On a machine whose cores are already busy
 * (load average at or above the cores), extra threads only take turns on them while each pays its
 * own start and JIT warm-up, so the pool finished 1.2–1.35× later than one thread on two shared
 * cores; like `make -l`, the default then stays at one. `load` is the 1-minute load average (0
 * where the system has none, e.g. Windows).
 */
export function defaultJobs(cores: number, load: number): number {
  const free = Math.round(cores - load);
  return Math.max(1, Math.min(cores, free));
}

/** Exit statuses of the command. */
export const EXIT = { ok: 0, nothingRead: 1, config: 2, failed: 3 } as const;

export interface RunEnvironment {
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs `cleanup` if the process is interrupted (SIGINT, SIGTERM…); returns the undo. */
  onInterrupt(cleanup: () => void): () => void;
}

/**
 * Documents in flight per job: those sent ahead to each worker, and two more so that a slow
 * document holding up the ordered output does not leave the other workers without work.
 */
const WINDOW_PER_JOB = DOCUMENTS_AHEAD_PER_WORKER + 2;

export function createRunner(jobs: number, regions: Region[]): DocumentRunner {
  return jobs <= 1 ? inProcessRunner(regions, extractDocument) : workerPoolRunner(jobs, regions);
}

/**
 * A runner for input of unknown size (standard input) when --jobs is the default: documents are
 * extracted on this thread until they add up to the input one thread is worth (a line or two of
 * JSON would otherwise wait ~0.06 s for threads it does not need), then on a pool of `jobs`
 * threads. Both run processDocument, so the bytes are the same whichever way a document goes.
 */
export function growingRunner(jobs: number, regions: Region[]): DocumentRunner {
  const here = inProcessRunner(regions, extractDocument);
  let pool: DocumentRunner | undefined;
  let chars = 0;
  return {
    run(job) {
      if (!pool && jobs > 1) {
        // UTF-16 code units of Chinese text are a third of its UTF-8 bytes: a good enough bound.
        chars += job.kind === "text" ? job.text.length * 3 : BYTES_PER_THREAD;
        if (chars > BYTES_PER_THREAD) pool = workerPoolRunner(jobs, regions);
      }
      return (pool ?? here).run(job);
    },
    close: async () => pool?.close(),
    jobsUsed: () => (pool ? jobs : 1),
  };
}

function emptySummary(output: string, jobs: number, verbose = false): RunSummary {
  return {
    read: 0,
    facts: 0,
    output,
    guessedCount: 0,
    guessed: [],
    verbose,
    skipped: [],
    notes: [],
    seconds: 0,
    jobs,
  };
}

/** Sends every outcome's rows to the sink, in order, and tallies the report. */
async function writeOutcomes(
  outcomes: AsyncIterable<DocumentOutcome>,
  sink: OutputSink,
  summary: RunSummary,
  onDocument: () => void,
  header = true,
  onOutcome: (outcome: DocumentOutcome) => void = () => undefined,
): Promise<void> {
  if (header) await sink.write(csvHeader());
  for await (const outcome of outcomes) {
    onDocument();
    onOutcome(outcome);
    if (!outcome.ok) {
      summary.skipped.push({ label: outcome.label, reason: outcome.reason });
      continue;
    }
    summary.read++;
    summary.facts += outcome.factCount;
    if (outcome.csvRows) await sink.write(outcome.csvRows);
    if (outcome.publishedGuessed) {
      summary.guessedCount++;
      if (summary.verbose || summary.guessed.length < GUESSED_LISTED)
        summary.guessed.push({ label: outcome.label, published: outcome.published });
    }
    for (const note of outcome.notes) summary.notes.push({ label: outcome.label, note });
    const tally = outcome.reviews;
    if (tally && summary.reviews) {
      summary.reviews.applied += tally.applied;
      for (const s of tally.stale) summary.reviews.stale.push({ label: s.id, text: s.text });
      for (const u of tally.unapplied) summary.reviews.unapplied.push({ ...u, source: outcome.id });
    }
  }
}

/** Commits when something was read; otherwise leaves the old output alone. Returns the exit status. */
async function finish(
  sink: OutputSink,
  summary: RunSummary,
  env: RunEnvironment,
  started: number,
): Promise<number> {
  summary.seconds = (env.now() - started) / 1000;
  if (summary.read === 0 && summary.skipped.length > 0) {
    await sink.discard();
    summary.notWritten = "nothing could be read";
    env.stderr.write(formatReport(summary));
    return EXIT.nothingRead;
  }
  await sink.commit();
  env.stderr.write(formatReport(summary));
  return EXIT.ok;
}

async function withSink<T>(
  sink: OutputSink,
  env: RunEnvironment,
  body: () => Promise<T>,
): Promise<T> {
  const undo = env.onInterrupt(() => sink.discardSync());
  try {
    return await body();
  } catch (error) {
    await sink.discard();
    throw error;
  } finally {
    undo();
  }
}

/** Opens the atomic output, first clearing what killed runs left; notes go to the report. */
async function openOutputFile(outFile: string, summary: RunSummary): Promise<OutputSink> {
  for (const name of await removeStaleTempFiles(outFile)) {
    summary.notes.push({ label: name, note: "removed: left by an interrupted run" });
  }
  try {
    return await openAtomicFile(outFile);
  } catch (error) {
    throw new ConfigError([`cannot write ${outFile}: ${describeError(error)}`]);
  }
}

export interface FolderRunOptions {
  inDir: string;
  outFile: string;
  regionsFile: string;
  jobs: number;
  /** True when `jobs` is the default rather than asked for: a small corpus may then use fewer. */
  jobsAreDefault?: boolean;
  /** --verbose: the report lists every document whose date was guessed, not the first few. */
  verbose?: boolean;
  /** The decisions to apply (data/reviews.csv); none when absent. */
  reviews?: { file: string; mustExist: boolean };
}

/**
 * A worker thread costs its start (~0.05 s with the bundled worker) and, more, its own JIT
 * warm-up: the first few hundred short articles run at about half the steady speed in each new
 * thread. Below this much input per thread, fewer threads finish sooner.
 */
const BYTES_PER_THREAD = 4 * 2 ** 20;

/** Threads worth starting for these files, at most `most`; stats only as many files as it needs. */
async function threadsWorthStarting(paths: readonly string[], most: number): Promise<number> {
  let bytes = 0;
  for (const path of paths) {
    bytes += (await stat(path).catch(() => ({ size: 0 }))).size;
    if (bytes >= most * BYTES_PER_THREAD) return most;
  }
  return Math.max(1, Math.min(most, Math.ceil(bytes / BYTES_PER_THREAD)));
}

/** `--in DIR --out FILE`: every document of the folder, one CSV replacing FILE atomically. */
export async function runFolder(options: FolderRunOptions, env: RunEnvironment): Promise<number> {
  const started = env.now();
  const folder = await stat(options.inDir).catch((error: unknown) => {
    throw new ConfigError([
      `cannot read the input folder ${options.inDir}: ${describeError(error)}`,
    ]);
  });
  if (!folder.isDirectory()) throw new ConfigError([`the input ${options.inDir} is not a folder`]);
  const regions = await loadRegions(options.regionsFile);
  const sources = await loadSources(options.inDir);
  const listing = await listDocuments(options.inDir, sources);
  let jobs = Math.min(options.jobs, listing.documents.length || 1);
  if (options.jobsAreDefault) {
    jobs = await threadsWorthStarting(
      listing.documents.map((d) => d.path),
      jobs,
    );
  }
  const summary = emptySummary(options.outFile, jobs, options.verbose);
  const bySource = new Map<string, Review[]>();
  const loaded =
    options.reviews &&
    (await loadReviews(options.reviews.file, regions, options.reviews.mustExist));
  if (options.reviews && loaded) {
    const { reviews, problems } = loaded;
    for (const review of reviews) {
      const list = bySource.get(review.source) ?? [];
      list.push(review);
      bySource.set(review.source, list);
    }
    summary.reviews = {
      file: options.reviews.file,
      read: reviews.length,
      applied: 0,
      stale: [],
      unapplied: [],
      problems: problems.map(formatProblem),
    };
  }
  summary.skipped.push(...listing.skipped.map((s) => ({ label: s.file, reason: s.reason })));
  for (const entry of listing.unusedSources) {
    summary.notes.push({
      label: `sources.csv line ${entry.line}`,
      note: `no document ${entry.file} in the folder`,
    });
  }
  if (!listing.documents.length) {
    summary.notWritten = `no .txt, .md or .html document in ${options.inDir}`;
    env.stderr.write(formatReport(summary));
    return EXIT.nothingRead;
  }

  const sink = await openOutputFile(options.outFile, summary);
  return withSink(sink, env, async () => {
    const runner = createRunner(jobs, regions);
    const total = listing.documents.length;
    const progress =
      env.stderr.isTTY && total >= PROGRESS_MIN_DOCUMENTS
        ? new ProgressBar(env.stderr, total, env.now)
        : undefined;
    let done = 0;
    const documentJobs = listing.documents.map((d): DocumentJob => ({
      kind: "file",
      label: d.name,
      id: d.id,
      path: d.path,
      ...(d.published ? { published: d.published } : {}),
      ...(bySource.has(d.id) ? { reviews: bySource.get(d.id) } : {}),
    }));
    const extracted = new Set<string>();
    try {
      const outcomes = mapInOrder(documentJobs, jobs * WINDOW_PER_JOB, (job) => runner.run(job));
      await writeOutcomes(
        outcomes,
        sink,
        summary,
        () => progress?.update(++done),
        true,
        (o) => {
          if (o.ok) extracted.add(o.id);
        },
      );
    } finally {
      progress?.finish();
      await runner.close();
    }
    // Decisions about documents that are gone (or could not be read) apply to nothing; they stay
    // in the file, so the document's return brings them back.
    const listed = new Set(listing.documents.map((d) => d.id));
    for (const [source, reviews] of bySource) {
      if (extracted.has(source)) continue;
      const reason = listed.has(source)
        ? `the document ${source} could not be read`
        : `the document ${source} is gone from ${options.inDir}`;
      for (const review of reviews) {
        summary.reviews?.unapplied.push({
          line: review.line,
          action: review.action,
          text: review.text,
          source,
          reason,
        });
      }
    }
    summary.reviews?.unapplied.sort((a, b) => a.line - b.line);
    return finish(sink, summary, env, started);
  });
}

export interface StreamRunOptions {
  input: AsyncIterable<Uint8Array | string>;
  /** Standard output, or an atomic file when `--out` is given. */
  output: { sink: OutputSink; name: string } | { file: string };
  regionsFile: string;
  jobs: number;
  /** False for `--no-header`: the outputs of many map tasks concatenate into one CSV. */
  header?: boolean;
  /** True when `jobs` is the default: threads start only once the input is worth them. */
  jobsAreDefault?: boolean;
  /** --verbose: the report lists every document whose date was guessed. */
  verbose?: boolean;
}

/**
 * `--in -`: JSON Lines in, CSV (with header) out, rows in input order. A malformed line is
 * reported with its number and skipped. No input at all gives a header and status 0, so an empty
 * split of a map job does not fail it.
 */
export async function runStream(options: StreamRunOptions, env: RunEnvironment): Promise<number> {
  const started = env.now();
  const regions = await loadRegions(options.regionsFile);
  const name = "file" in options.output ? options.output.file : options.output.name;
  const summary = emptySummary(name, options.jobs, options.verbose);
  const sink =
    "file" in options.output
      ? await openOutputFile(options.output.file, summary)
      : options.output.sink;
  return withSink(sink, env, async () => {
    const runner = options.jobsAreDefault
      ? growingRunner(options.jobs, regions)
      : createRunner(options.jobs, regions);
    const seenIds = new Map<string, number>();
    async function* jobsFromLines(): AsyncGenerator<DocumentJob> {
      for await (const input of splitLines(options.input)) {
        const parsed =
          "error" in input
            ? { error: input.error }
            : parseJsonLine(input.text, input.line, seenIds);
        if ("job" in parsed) yield parsed.job;
        else if ("error" in parsed) {
          summary.skipped.push({
            label: `stdin line ${input.line}`,
            reason: `malformed line: ${parsed.error}`,
          });
        }
      }
    }
    try {
      const outcomes = mapInOrder(jobsFromLines(), options.jobs * WINDOW_PER_JOB, (job) =>
        runner.run(job),
      );
      await writeOutcomes(outcomes, sink, summary, () => undefined, options.header ?? true);
    } finally {
      await runner.close();
    }
    summary.jobs = runner.jobsUsed?.() ?? summary.jobs;
    return finish(sink, summary, env, started);
  });
}
