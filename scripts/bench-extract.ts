// The extractor's benchmark (part of `npm run bench`): throughput on one core (first pass and
// steady state) against a bare regex scan of the same text, throughput over all cores with the
// worker pool, the whole command as a user runs it (start-up, one job, the default pool, and two
// one-job commands at once on the halves: wall time of the process, medians), and the command's
// peak memory for a corpus and for ten times that corpus. Prints figures; asserts nothing.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { extractDocument } from "../extract/lib/index.ts";
import { loadRegions } from "../extract/node/config.ts";
import { workerPoolRunner } from "../extract/node/pool.ts";
import { processDocument, type DocumentJob } from "../extract/node/process.ts";
import { ROOT } from "./data-files.ts";

const TARGET_CHARS_PER_SECOND = 5e6;
/** The built command, what `npm run extract` runs; rebuilt below so it matches the sources. */
const CLI = join(ROOT, "extract", "dist", "cli.js");
/** The whole-command corpus: the 1,500 short articles (the shipped pages, varied). */
const COMMAND_CORPUS_DOCUMENTS = 1500;
/** Runs of each whole-command measurement; the median is reported (two shared cores are noisy). */
const COMMAND_RUNS = 5;
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
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs"), "--quiet"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  const regions = await loadRegions(join(ROOT, "data", "regions.csv"));
  const pages = corpusOfChars(MIN_CORPUS_CHARS);
  const chars = pages.reduce((n, p) => n + p.length, 0);
  const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
  const cores = availableParallelism();
  console.log(
    `corpus: ${pages.length} documents, ${mega(chars)}chars (${mib(bytes)} of UTF-8), varied from ${seeds.length} seed pages`,
  );

  // A first pass over the corpus warms the JIT, so the passes after it measure the steady state.
  // It is timed too: every process (and every worker thread) pays this warm-up once.
  let t = performance.now();
  for (const page of pages) extractDocument({ id: "warm", text: page }, { regions });
  const coldSeconds = seconds(t);

  t = performance.now();
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

  // The default --jobs follows the load average, and so do all figures here: print it.
  const loadBefore = loadavg()[0]!;
  const command = await measureWholeCommand();
  console.log(
    `load average (1 min) before / after the command runs: ${loadBefore.toFixed(1)} / ${loadavg()[0]!.toFixed(1)} on ${cores} cores`,
  );
  const small = await measureCommand(RSS_CORPUS_DOCUMENTS, cores);
  const large = await measureCommand(RSS_CORPUS_DOCUMENTS * 10, cores);
  const bigPage = await measureCommand(1, 1, BIG_PAGE_BYTES);

  const oneCore = chars / extractSeconds;
  // What the pool reaches once warm bounds the command: even threads that cost nothing to start
  // and warm up would only divide the part of --jobs 1 after its start-up by this speed-up.
  const poolSpeedup = pipelineSeconds / poolSeconds;
  const poolBound = command.startup + (command.oneJob - command.startup) / poolSpeedup;
  const rows: [string, string, string][] = [
    [
      "extractor, 1 core",
      `${mega(oneCore)}chars/s`,
      `${facts} facts, ${extractSeconds.toFixed(2)} s`,
    ],
    [
      "extractor, 1 core, first pass",
      `${mega(chars / coldSeconds)}chars/s`,
      `${coldSeconds.toFixed(2)} s while the JIT warms up, which every process and thread pays`,
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
      "command start-up, one article",
      `${command.startup.toFixed(3)} s`,
      `node on extract/dist/cli.js; node -e 0: ${command.bareNode.toFixed(3)} s`,
    ],
    [
      "npm run extract, one article",
      `${command.npmExtract.toFixed(3)} s`,
      `${(command.npmExtract / command.npmEnv).toFixed(2)}× npm run -s env (${command.npmEnv.toFixed(3)} s)`,
    ],
    [
      `command, ${command.documents} docs, --jobs 1`,
      `${mega(command.chars / command.oneJob)}chars/s`,
      `${command.oneJob.toFixed(2)} s; ${((command.chars / command.oneJob / oneCore) * 100).toFixed(0)} % of the library on 1 core; ` +
        `its CPU time is ${command.oneJobCores.toFixed(2)}× its wall time (V8 compiles and collects on other threads)`,
    ],
    [
      `two --jobs 1 commands at once on the halves`,
      `${command.halvesAtOnce.toFixed(2)} s`,
      `${(command.halvesAtOnce / command.oneJob).toFixed(2)}× the time of --jobs 1: a pool whose threads shared nothing`,
    ],
    [
      `bound from the warm pool's speed-up`,
      `${(poolBound / command.oneJob).toFixed(2)}×`,
      `start-up + the rest of --jobs 1 / ${poolSpeedup.toFixed(2)}: a pool with no warm-up of its own`,
    ],
    [
      `command, ${command.documents} docs, default`,
      `${mega(command.chars / command.byDefault)}chars/s`,
      `${command.byDefault.toFixed(2)} s with ${command.defaultJobs} job${command.defaultJobs === 1 ? "" : "s"}: ${(command.byDefault / command.oneJob).toFixed(2)}× the time of --jobs 1; ` +
        `${((command.chars / command.byDefault / (oneCore * Math.min(command.defaultJobs, cores))) * 100).toFixed(0)} % of the library per core used`,
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall time in seconds of `command args` run to the end, `runs` times; throws on failure. */
function medianWall(command: string, args: string[], runs = COMMAND_RUNS): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const run = spawnSync(command, args, { cwd: ROOT, encoding: "utf8" });
    times.push(seconds(started));
    if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${run.stderr}`);
  }
  return median(times);
}

/** Wall seconds, CPU seconds (all threads) and peak RSS of one run of the command; throws on
 * failure. */
function timedRun(
  args: string[],
): Promise<{ wall: number; cpu: number; maxRss: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", REPORT_USAGE, CLI, ...args], { cwd: ROOT });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.on("error", reject);
    child.on("close", (status) => {
      const wall = seconds(started);
      if (status !== 0) reject(new Error(`extract ${args.join(" ")} failed:\n${stderr}`));
      else resolve({ wall, ...reportedUsage(stderr), stderr });
    });
  });
}

/**
 * The command as a user waits for it: whole-process wall time, start-up included. One short
 * article alone (start-up), against bare node and npm's own start-up; then the 1,500-article
 * corpus with one job, with the default, and as two one-job processes run at once on its two
 * halves: what a pool on two cores could reach if its threads shared nothing and cost nothing to
 * start. Runs alternate, so a busy spell of the machine hits all alike; medians of COMMAND_RUNS.
 */
async function measureWholeCommand() {
  const dir = mkdtempSync(join(tmpdir(), "bench-command-"));
  try {
    const one = join(dir, "one");
    const corpus = join(dir, "corpus");
    const halves = [join(dir, "first-half"), join(dir, "second-half")];
    for (const folder of [one, corpus, ...halves]) mkdirSync(folder);
    writeFileSync(join(one, "article.txt"), variedPage(0));
    let chars = 0;
    for (let i = 0; i < COMMAND_CORPUS_DOCUMENTS; i++) {
      const page = variedPage(i);
      chars += page.length;
      const name = `doc_${String(i).padStart(5, "0")}.txt`;
      writeFileSync(join(corpus, name), page);
      writeFileSync(join(halves[i < COMMAND_CORPUS_DOCUMENTS / 2 ? 0 : 1]!, name), page);
    }
    const out = join(dir, "out.csv");
    const node = process.execPath;
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const bareNode = medianWall(node, ["-e", "0"], 7);
    const startup = medianWall(node, [CLI, "--in", one, "--out", out], 7);
    const npmEnv = medianWall(npm, ["run", "-s", "env"]);
    const npmExtract = medianWall(npm, ["run", "-s", "extract", "--", "--in", one, "--out", out]);

    const oneJob: number[] = [];
    const oneJobCores: number[] = [];
    const byDefault: number[] = [];
    const halvesAtOnce: number[] = [];
    let defaultJobs = 0;
    for (let i = 0; i < COMMAND_RUNS; i++) {
      const single = await timedRun(["--in", corpus, "--out", out, "--jobs", "1"]);
      oneJob.push(single.wall);
      oneJobCores.push(single.cpu / single.wall);
      const chosen = await timedRun(["--in", corpus, "--out", out]);
      byDefault.push(chosen.wall);
      defaultJobs = Number(/with (\d+) jobs?/.exec(chosen.stderr)?.[1] ?? NaN);
      const started = performance.now();
      await Promise.all(
        halves.map((half, h) => timedRun(["--in", half, "--out", `${out}.${h}`, "--jobs", "1"])),
      );
      halvesAtOnce.push(seconds(started));
    }
    return {
      documents: COMMAND_CORPUS_DOCUMENTS,
      chars,
      bareNode,
      startup,
      npmEnv,
      npmExtract,
      oneJob: median(oneJob),
      oneJobCores: median(oneJobCores),
      byDefault: median(byDefault),
      halvesAtOnce: median(halvesAtOnce),
      defaultJobs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Data URL preloaded into the child: at exit, reports its peak RSS and the CPU time of all its
 * threads (V8's compiler and GC threads included) without touching the CLI.
 */
const REPORT_USAGE =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();" +
  "process.stderr.write('maxrss '+u.maxRSS*1024+' cpu '+(u.userCPUTime+u.systemCPUTime)/1e6+'\\n')})";

/** Peak RSS in bytes and CPU seconds a child reported through REPORT_USAGE. */
function reportedUsage(stderr: string): { maxRss: number; cpu: number } {
  const match = /maxrss (\d+) cpu ([\d.]+)/.exec(stderr);
  return { maxRss: Number(match?.[1] ?? NaN), cpu: Number(match?.[2] ?? NaN) };
}

/** The size of the one-page run: a whole newspaper archive pasted into one file. */
const BIG_PAGE_BYTES = 100 * 2 ** 20;

/**
 * Runs the real command on a generated folder and reads the child's peak RSS: `documents` varied
 * seed pages, or with `pageBytes` one page of about that size made of varied pages.
 */
async function measureCommand(documents: number, jobs: number, pageBytes = 0) {
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
    const run = await timedRun(["--in", dir, "--out", join(dir, "out.csv"), "--jobs", `${jobs}`]);
    return { documents, bytes, maxRss: run.maxRss, seconds: run.wall };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
