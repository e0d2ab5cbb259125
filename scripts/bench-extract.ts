// The extractor's benchmark (part of `npm run bench`): throughput on one core against a bare regex
// scan of the same text, throughput over all cores with the worker pool, and the command's peak
// memory for a corpus and for ten times that corpus. Prints figures; asserts nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { extractDocument } from "../extract/lib/index.ts";
import { loadRegions } from "../extract/node/config.ts";
import { workerPoolRunner } from "../extract/node/pool.ts";
import { processDocument, type DocumentJob } from "../extract/node/process.ts";
import { ROOT } from "./data-files.ts";

const TARGET_CHARS_PER_SECOND = 5e6;
const MIN_CORPUS_CHARS = 5_500_000;
/** Documents in the memory run's corpus; the second run has ten times as many. */
const RSS_CORPUS_DOCUMENTS = 150;
/** Figures of the articles: digits, full-width digits and Chinese numerals. */
const NUMERAL_RUN = /[0-9０-９零〇一二两三四五六七八九十百千万亿]+/g;

const seedDir = join(ROOT, "data", "raw");
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), "utf8"));

/** Document `i` of a corpus: a seed page with every figure shifted, so copies differ. */
function variedPage(i: number): string {
  const shift = Math.floor(i / seeds.length);
  return seeds[i % seeds.length]!.replace(/\d+/g, (digits) => String(Number(digits) + shift));
}

function corpusOfChars(minChars: number): string[] {
  const pages: string[] = [];
  for (let chars = 0; chars < minChars;) {
    const page = variedPage(pages.length);
    pages.push(page);
    chars += page.length;
  }
  return pages;
}

const seconds = (fromMs: number) => (performance.now() - fromMs) / 1000;
const mega = (x: number) => `${(x / 1e6).toFixed(2)} M`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function main() {
  const regions = await loadRegions(join(ROOT, "data", "regions.csv"));
  const pages = corpusOfChars(MIN_CORPUS_CHARS);
  const chars = pages.reduce((n, p) => n + p.length, 0);
  const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
  const cores = availableParallelism();
  console.log(
    `corpus: ${pages.length} documents, ${mega(chars)}chars (${mib(bytes)} of UTF-8), varied from ${seeds.length} seed pages`,
  );

  // One untimed pass over the corpus warms the JIT, so the timed passes measure the steady state.
  for (const page of pages) extractDocument({ id: "warm", text: page }, { regions });

  let t = performance.now();
  let facts = 0;
  pages.forEach((text, i) => {
    facts += extractDocument({ id: `doc${i}`, text }, { regions }).facts.length;
  });
  const extractSeconds = seconds(t);

  // The same documents through the whole per-document pipeline (extract, sort, CSV rows) that
  // each worker runs: the fair one-thread baseline for the pool.
  const jobs = pages.map((text, i): DocumentJob => ({
    kind: "text",
    label: `doc${i}`,
    id: `doc${i}`,
    text,
  }));
  t = performance.now();
  for (const job of jobs) processDocument(job, regions, extractDocument);
  const pipelineSeconds = seconds(t);

  t = performance.now();
  let numerals = 0;
  for (const page of pages) for (const _ of page.matchAll(NUMERAL_RUN)) numerals++;
  const regexSeconds = seconds(t);

  const runner = workerPoolRunner(cores, regions);
  // Start every worker and warm its JIT with an untimed pass, as on this thread.
  await Promise.all(jobs.map((job) => runner.run(job)));
  t = performance.now();
  const outcomes = await Promise.all(jobs.map((job) => runner.run(job)));
  const poolSeconds = seconds(t);
  await runner.close();
  const poolFacts = outcomes.reduce((n, o) => n + (o.ok ? o.factCount : 0), 0);

  const small = measureCommand(RSS_CORPUS_DOCUMENTS, cores);
  const large = measureCommand(RSS_CORPUS_DOCUMENTS * 10, cores);
  const bigPage = measureCommand(1, 1, BIG_PAGE_BYTES);

  const oneCore = chars / extractSeconds;
  const rows: [string, string, string][] = [
    [
      "extractor, 1 core",
      `${mega(oneCore)}chars/s`,
      `${facts} facts, ${extractSeconds.toFixed(2)} s`,
    ],
    [
      "bare regex scan (numerals)",
      `${mega(chars / regexSeconds)}chars/s`,
      `${numerals} runs, ${regexSeconds.toFixed(3)} s`,
    ],
    [
      "extractor / regex",
      `${((chars / extractSeconds / (chars / regexSeconds)) * 100).toFixed(1)} %`,
      `regex is ${(extractSeconds / regexSeconds).toFixed(1)}× faster`,
    ],
    [
      "extract + CSV rows, 1 thread",
      `${mega(chars / pipelineSeconds)}chars/s`,
      `what a worker does, ${pipelineSeconds.toFixed(2)} s`,
    ],
    [
      `worker pool, ${cores} threads`,
      `${mega(chars / poolSeconds)}chars/s`,
      `${poolFacts} facts, ${(pipelineSeconds / poolSeconds).toFixed(2)}× one thread`,
    ],
    [
      `CLI peak RSS, ${small.documents} docs`,
      mib(small.maxRss),
      `${mib(small.bytes)} input, ${small.seconds.toFixed(1)} s`,
    ],
    [
      `CLI peak RSS, ${large.documents} docs`,
      mib(large.maxRss),
      `${mib(large.bytes)} input, ${large.seconds.toFixed(1)} s`,
    ],
    [
      "CLI peak RSS, one page",
      mib(bigPage.maxRss),
      `${mib(bigPage.bytes)} input, ${bigPage.seconds.toFixed(1)} s`,
    ],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows)
    console.log(`  ${row.map((cell, c) => cell.padEnd(widths[c]!)).join("  ")}`);
  console.log(
    `target ≥ ${mega(TARGET_CHARS_PER_SECOND)}chars/s on one core: ${oneCore >= TARGET_CHARS_PER_SECOND ? "met" : "NOT met"}; ` +
      `memory, 10× corpus vs 1×: ${(large.maxRss / small.maxRss).toFixed(2)}×`,
  );
}

/** Data URL preloaded into the child: reports its peak RSS at exit without touching the CLI. */
const REPORT_MAX_RSS =
  "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS*1024+'\\n'))";

/** The size of the one-page run: a whole newspaper archive pasted into one file. */
const BIG_PAGE_BYTES = 100 * 2 ** 20;

/**
 * Runs the real command on a generated folder and reads the child's peak RSS: `documents` varied
 * seed pages, or with `pageBytes` one page of about that size made of varied pages.
 */
function measureCommand(documents: number, jobs: number, pageBytes = 0) {
  const dir = mkdtempSync(join(tmpdir(), "bench-extract-"));
  try {
    let bytes = 0;
    for (let i = 0; i < documents; i++) {
      const parts: string[] = [];
      do {
        const page = variedPage(parts.length + i);
        parts.push(page);
        bytes += Buffer.byteLength(page);
      } while (bytes < pageBytes);
      writeFileSync(join(dir, `doc_${String(i).padStart(6, "0")}.txt`), parts.join("\n"));
    }
    const started = performance.now();
    const args = ["--import", "tsx", "--import", REPORT_MAX_RSS, join(ROOT, "extract", "cli.ts")];
    const run = spawnSync(
      process.execPath,
      [...args, "--in", dir, "--out", join(dir, "out.csv"), "--jobs", String(jobs)],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    if (run.status !== 0)
      throw new Error(`extract failed on ${documents} documents:\n${run.stderr}`);
    const maxRss = Number(/maxrss (\d+)/.exec(run.stderr)?.[1] ?? NaN);
    return { documents, bytes, maxRss, seconds: seconds(started) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
