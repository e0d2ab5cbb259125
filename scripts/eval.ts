// `npm run eval`: scores an extraction against hand-checked gold facts, lenient and strict,
// printing per-document precision, recall and F1, every miss and every unmatched row.
//   (no flags)      extract data/raw and score it against tests/fixtures/gold
//   --gold DIR      gold CSVs (default tests/fixtures/gold)
//   --pred FILE     score this CSV instead of extracting
//   --in DIR, --regions FILE   what to extract (default data/raw, data/regions.csv)
//   --min-f1 X      exit 1 when the lenient F1 is below X
//   --corpus [DIR]  score a development set laid out as DIR/raw (texts and sources.csv), DIR/gold
//                   and DIR/regions.csv; a DIR whose sub-folders are such sets scores each of them.
//                   Without DIR: every set under ../shared/corpus. Checks the targets of issue 18.
//   --reviews [FILE] score the raw extractor (reviews not applied) against a person's decisions
//                   (default data/reviews.csv): precision on the facts confirmed, corrected or
//                   rejected; recall against those confirmed, corrected or added.
import { existsSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { extractFolderFacts } from "../extract/node/corpus.ts";
import { evaluateReviews } from "../extract/node/reviewEval.ts";
import type { ReviewedFields } from "../extract/lib/index.ts";
import {
  documentFigures,
  factsToRows,
  formatScoreDetails,
  formatScoreLine,
  parseCsvRecords,
  PRED_REQUIRED_COLUMNS,
  readGoldDir,
  scoreRows,
  type PredRow,
  type Score,
} from "./score.ts";

/** Where the development sets live beside a checkout; they are read from there, never copied. */
const DEFAULT_CORPUS = resolve(import.meta.dirname, "../../shared/corpus");

/** What a development set must reach (issue 9): lenient F1 overall and per document, strict F1,
 * lenient precision. */
export const CORPUS_TARGETS = { f1: 0.92, documentF1: 0.8, strictF1: 0.85, precision: 0.95 };

async function readPredictions(file: string): Promise<PredRow[]> {
  const { rows, columns } = parseCsvRecords(await readFile(file, "utf8"));
  const missing = PRED_REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw new Error(`${file} lacks columns: ${missing.join(", ")}`);
  return rows;
}

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();
const isSet = (dir: string) => isDir(join(dir, "raw")) && isDir(join(dir, "gold"));

/** The sets a --corpus argument names: the folder itself, or its sub-folders that are sets. */
async function corpusSets(dir: string): Promise<string[]> {
  if (!isDir(dir)) {
    throw new Error(
      dir === DEFAULT_CORPUS
        ? `no development corpus at ${dir} (the ../shared folder beside this checkout is absent); ` +
            `name a set with --corpus DIR`
        : `${dir} is not a folder`,
    );
  }
  if (isSet(dir)) return [dir];
  const sets = (await readdir(dir))
    .sort()
    .map((name) => join(dir, name))
    .filter(isSet);
  if (!sets.length) throw new Error(`${dir} holds no set (a folder with raw/ and gold/)`);
  return sets;
}

interface SetResult {
  name: string;
  lenient: Score;
  strict: Score;
}

/** Extracts one set with its own region table and prints its scores. */
async function scoreSet(dir: string): Promise<SetResult> {
  const regions = join(dir, "regions.csv");
  if (!existsSync(regions)) throw new Error(`${dir} has no regions.csv`);
  const name = dir.split(/[\\/]/).filter(Boolean).pop()!;
  const { facts, skipped } = await extractFolderFacts(join(dir, "raw"), regions);
  const gold = await readGoldDir(join(dir, "gold"));
  const predicted = factsToRows(facts);
  const lenient = scoreRows(gold, predicted, false);
  const strict = scoreRows(gold, predicted, true);
  console.log(`\n=== ${name} (${dir}): ${facts.length} facts ===`);
  for (const s of skipped) console.log(`skipped ${s.file}: ${s.reason}`);
  console.log(formatScoreDetails(lenient));
  console.log("\n" + formatScoreDetails(strict));
  console.log("\n" + formatScoreLine(lenient) + "\n" + formatScoreLine(strict));
  return { name, lenient, strict };
}

/** The targets a set misses, in words; empty when it meets them all. */
export function targetMisses({ lenient, strict }: Omit<SetResult, "name">): string[] {
  const t = CORPUS_TARGETS;
  const out: string[] = [];
  if (lenient.f1 < t.f1) out.push(`lenient F1 ${lenient.f1.toFixed(3)} < ${t.f1}`);
  if (strict.f1 < t.strictF1) out.push(`strict F1 ${strict.f1.toFixed(3)} < ${t.strictF1}`);
  if (lenient.precision < t.precision)
    out.push(`lenient precision ${lenient.precision.toFixed(3)} < ${t.precision}`);
  for (const d of lenient.perDocument) {
    const { f1 } = documentFigures(d);
    if (f1 < t.documentF1) out.push(`${d.doc}: lenient F1 ${f1.toFixed(3)} < ${t.documentF1}`);
  }
  return out;
}

async function evalCorpus(dir: string): Promise<number> {
  const results: SetResult[] = [];
  for (const set of await corpusSets(dir)) results.push(await scoreSet(set));
  console.log("\nset         lenient P     R    F1   strict F1   targets");
  let met = true;
  for (const r of results) {
    const misses = targetMisses(r);
    met &&= misses.length === 0;
    console.log(
      `${r.name.padEnd(12)}${r.lenient.precision.toFixed(3).padStart(9)} ${r.lenient.recall.toFixed(3)} ` +
        `${r.lenient.f1.toFixed(3)}   ${r.strict.f1.toFixed(3).padStart(9)}   ${misses.length ? "missed: " + misses.join("; ") : "met"}`,
    );
  }
  return met ? 0 : 1;
}

const describeFields = (f: ReviewedFields | undefined) =>
  f
    ? `${f.indicator} ${f.region} ${f.period} ${f.value} ${f.qualifier} ${f.kind} ${f.subject}`.trim()
    : "(none)";

const ratio = (n: number, d: number) => (d ? (n / d).toFixed(3) : "–");

/** `--reviews`: what a person checked, as the raw extractor's scores; lists where it was wrong. */
async function evalReviews(inDir: string, regions: string, file: string): Promise<number> {
  const { score, checks, unapplied, problems } = await evaluateReviews(inDir, regions, file);
  console.log(`scoring the raw extraction of ${inDir} against the decisions in ${file}
`);
  for (const p of problems) console.log(`bad row (left out): ${p}`);
  for (const u of unapplied)
    console.log(
      `applied to nothing: ${file} line ${u.review.line}: ${u.review.action} ${u.review.text} in ${u.review.source}: ${u.reason}`,
    );
  for (const c of checks) {
    const right = c.extracted && c.truth && describeFields(c.extracted) === describeFields(c.truth);
    if (right) continue;
    console.log(
      `${c.last.action.padEnd(8)} ${c.source} ${c.last.start}–${c.last.end} ${c.last.text}
` +
        `  extracted: ${describeFields(c.extracted)}
  reviewed:  ${describeFields(c.truth)}`,
    );
  }
  console.log(
    `
of ${score.checked} checked facts, ${score.right} were right as extracted` +
      `  precision ${ratio(score.right, score.checked)}` +
      `  recall ${ratio(score.right, score.truth)} (of ${score.truth} facts a person says are there)`,
  );
  return 0;
}

/** `--reviews` may stand alone (data/reviews.csv) or take a file. */
function reviewsArgument(argv: string[]): { argv: string[]; reviews: string | undefined } {
  const i = argv.indexOf("--reviews");
  if (i < 0) return { argv, reviews: undefined };
  const next = argv[i + 1];
  const hasFile = next !== undefined && !next.startsWith("--");
  const rest = [...argv.slice(0, i), ...argv.slice(i + (hasFile ? 2 : 1))];
  return { argv: rest, reviews: hasFile ? next : "data/reviews.csv" };
}

/** `--corpus` may stand alone (every set of the default corpus) or take a folder. */
function corpusArgument(argv: string[]): { argv: string[]; corpus: string | undefined } {
  const i = argv.indexOf("--corpus");
  if (i < 0) return { argv, corpus: undefined };
  const next = argv[i + 1];
  const hasDir = next !== undefined && !next.startsWith("--");
  const rest = [...argv.slice(0, i), ...argv.slice(i + (hasDir ? 2 : 1))];
  return { argv: rest, corpus: hasDir ? resolve(next) : DEFAULT_CORPUS };
}

async function main(): Promise<number> {
  const fromReviews = reviewsArgument(process.argv.slice(2));
  const { argv, corpus } = corpusArgument(fromReviews.argv);
  const { values } = parseArgs({
    args: argv,
    options: {
      gold: { type: "string", default: "tests/fixtures/gold" },
      pred: { type: "string" },
      in: { type: "string", default: "data/raw" },
      regions: { type: "string", default: "data/regions.csv" },
      "min-f1": { type: "string" },
    },
  });
  if (corpus !== undefined) return evalCorpus(corpus);
  if (fromReviews.reviews !== undefined)
    return evalReviews(values.in, values.regions, fromReviews.reviews);
  const gold = await readGoldDir(values.gold);
  let predicted: PredRow[];
  if (values.pred) {
    predicted = await readPredictions(values.pred);
    console.log(`scoring ${values.pred} against ${values.gold}\n`);
  } else {
    const { facts, skipped } = await extractFolderFacts(values.in, values.regions);
    for (const s of skipped) console.log(`skipped ${s.file}: ${s.reason}`);
    predicted = factsToRows(facts);
    console.log(
      `scoring the extraction of ${values.in} (${facts.length} facts) against ${values.gold}\n`,
    );
  }
  const lenient = scoreRows(gold, predicted, false);
  const strict = scoreRows(gold, predicted, true);
  console.log(formatScoreDetails(lenient));
  if (strict.misses.length || strict.unmatched.length)
    console.log("\n" + formatScoreDetails(strict));
  console.log("\n" + formatScoreLine(lenient) + "\n" + formatScoreLine(strict));
  const min = values["min-f1"];
  return min !== undefined && lenient.f1 < Number(min) ? 1 : 0;
}

main().then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
