// The scoring rules of data/CONTRACT.md ("Scoring"), as a pure library: gold facts and predicted
// rows in, counts, misses and unmatched rows out. Mirrors ../shared/eval/score.mjs, which is the
// judge; `npm run eval` and tests/gold/gold.test.ts use this one.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import { FACT_COLUMNS, type Fact } from "../extract/lib/types.ts";

/** A row of a gold file: doc,indicator,region,period,value,unit,qualifier,kind,subject,required,note. */
export type GoldRow = Record<string, string> & { doc: string };
/** A predicted row: the columns of data/indicators.csv, as strings. */
export type PredRow = Record<string, string>;

export const PRED_REQUIRED_COLUMNS = ["indicator", "region", "period", "value", "source"] as const;

/** Relative tolerance on values: within 0.5 %. */
const VALUE_TOLERANCE = 0.005;

/** Parses a CSV with a header into records of trimmed strings (BOM dropped, blank lines skipped). */
export function parseCsvRecords(text: string): {
  rows: Record<string, string>[];
  columns: string[];
} {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [head, ...body] = parsed.data;
  if (!head) return { rows: [], columns: [] };
  const columns = head.map((h) => h.trim());
  const rows = body.map((cells) =>
    Object.fromEntries(columns.map((c, j) => [c, (cells[j] ?? "").trim()])),
  );
  return { rows, columns };
}

/** `[first day, last day]` of a period label as yyyymmdd numbers, or null when it is not one. */
export function periodBounds(period: string): [number, number] | null {
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const ymd = (y: number, m: number, d: number) => y * 10000 + m * 100 + d;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(period))) return [ymd(+m[1]!, 1, 1), ymd(+m[1]!, 12, 31)];
  if ((m = /^(\d{4})-Q([1-4])$/.exec(period))) {
    const [y, q] = [+m[1]!, +m[2]!];
    return [ymd(y, q * 3 - 2, 1), ymd(y, q * 3, lastDay(y, q * 3))];
  }
  if ((m = /^(\d{4})-H([12])$/.exec(period))) {
    const y = +m[1]!;
    return m[2] === "1" ? [ymd(y, 1, 1), ymd(y, 6, 30)] : [ymd(y, 7, 1), ymd(y, 12, 31)];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(period))) {
    const [y, mo] = [+m[1]!, +m[2]!];
    return mo >= 1 && mo <= 12 ? [ymd(y, mo, 1), ymd(y, mo, lastDay(y, mo))] : null;
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period))) {
    const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
    if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return null;
    return [ymd(y, mo, d), ymd(y, mo, d)];
  }
  const parts = period.split("/");
  if (parts.length === 2) {
    const from = periodBounds(parts[0]!);
    const to = periodBounds(parts[1]!);
    return from && to && from[0] <= to[1] ? [from[0], to[1]] : null;
  }
  return null;
}

export function periodsOverlap(a: string, b: string): boolean {
  const x = periodBounds(a);
  const y = periodBounds(b);
  return x !== null && y !== null && x[0] <= y[1] && y[0] <= x[1];
}

/** The same span however it is spelled: 2022-H1 is 2022-01/2022-06, 2022 is 2022-01/2022-12. */
export function sameSpan(a: string, b: string): boolean {
  const x = periodBounds(a);
  const y = periodBounds(b);
  return x !== null && y !== null && x[0] === y[0] && x[1] === y[1];
}

/** A gold cell's alternatives: `pengjiang|enping`. */
const alternatives = (cell: string | undefined) => (cell ?? "").split("|").map((s) => s.trim());

function valuesClose(predicted: number, gold: number): boolean {
  if (gold === 0) return Math.abs(predicted) < 1e-9;
  return Math.abs(predicted - gold) / Math.abs(gold) <= VALUE_TOLERANCE;
}

/**
 * Whether a predicted row matches a gold fact: indicator and region agree, the value is within
 * 0.5 %, and the periods overlap (lenient) or are the same span, and qualifier and kind agree
 * (strict): the contract's Scoring, as ../shared/eval/score.mjs reads it.
 */
export function rowMatches(pred: PredRow, gold: GoldRow, strict: boolean): boolean {
  if (pred.indicator !== gold.indicator) return false;
  if (!alternatives(gold.region).includes(pred.region ?? "")) return false;
  const value = (pred.value ?? "").trim() === "" ? NaN : Number(pred.value);
  if (!Number.isFinite(value) || !valuesClose(value, Number(gold.value))) return false;
  if (strict) {
    return (
      alternatives(gold.period).some((period) => sameSpan(pred.period ?? "", period)) &&
      alternatives(gold.qualifier).includes(pred.qualifier ?? "") &&
      alternatives(gold.kind).includes(pred.kind ?? "")
    );
  }
  return alternatives(gold.period).some((period) => periodsOverlap(pred.period ?? "", period));
}

/**
 * Maximum bipartite matching of gold facts to predicted rows (augmenting paths, Kuhn's
 * algorithm): returns for each gold fact the index of its row, or -1.
 */
export function maximumMatching(edges: readonly (readonly number[])[], rowCount: number): number[] {
  const ownerOfRow = new Array<number>(rowCount).fill(-1);
  const augment = (gold: number, visited: Set<number>): boolean => {
    for (const row of edges[gold] ?? []) {
      if (visited.has(row)) continue;
      visited.add(row);
      if (ownerOfRow[row]! < 0 || augment(ownerOfRow[row]!, visited)) {
        ownerOfRow[row] = gold;
        return true;
      }
    }
    return false;
  };
  edges.forEach((_, gold) => augment(gold, new Set()));
  const rowOfGold = new Array<number>(edges.length).fill(-1);
  ownerOfRow.forEach((gold, row) => {
    if (gold >= 0) rowOfGold[gold] = row;
  });
  return rowOfGold;
}

export interface DocumentScore {
  doc: string;
  required: number;
  found: number;
  /** Required facts matched one to one (each row serves one fact). */
  foundOneToOne: number;
  predicted: number;
  correct: number;
}

export interface Score {
  strict: boolean;
  precision: number;
  recall: number;
  f1: number;
  required: number;
  found: number;
  foundOneToOne: number;
  predicted: number;
  correct: number;
  perDocument: DocumentScore[];
  /** Required gold facts no row matches. */
  misses: GoldRow[];
  /** Predicted rows (of the scored documents) that match no gold fact, optional ones included. */
  unmatched: PredRow[];
}

const f1Of = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/**
 * Scores the rows of the documents the gold covers. Recall: a required fact counts as found when
 * some row matches it (as score.mjs counts it: a row may serve two identical facts); the one-to-one
 * count from the maximum matching is given beside it. Precision: rows matching any gold fact,
 * optional ones included, over the rows predicted for those documents.
 */
export function scoreRows(
  gold: readonly GoldRow[],
  predicted: readonly PredRow[],
  strict: boolean,
): Score {
  const docs = [...new Set(gold.map((g) => g.doc))].sort();
  const perDocument: DocumentScore[] = [];
  const misses: GoldRow[] = [];
  const unmatched: PredRow[] = [];
  for (const doc of docs) {
    const goldOfDoc = gold.filter((g) => g.doc === doc);
    const required = goldOfDoc.filter((g) => g.required !== "optional");
    const rows = predicted.filter((p) => p.source === doc);
    const edges = required.map((g) =>
      rows.flatMap((p, j) => (rowMatches(p, g, strict) ? [j] : [])),
    );
    const oneToOne = maximumMatching(edges, rows.length).filter((row) => row >= 0).length;
    const foundFacts = required.filter((_, i) => edges[i]!.length > 0);
    required.forEach((g, i) => {
      if (!edges[i]!.length) misses.push(g);
    });
    const wrong = rows.filter((p) => !goldOfDoc.some((g) => rowMatches(p, g, strict)));
    unmatched.push(...wrong);
    perDocument.push({
      doc,
      required: required.length,
      found: foundFacts.length,
      foundOneToOne: oneToOne,
      predicted: rows.length,
      correct: rows.length - wrong.length,
    });
  }
  const sum = (key: keyof Omit<DocumentScore, "doc">) =>
    perDocument.reduce((n, d) => n + d[key], 0);
  const [required, found, predictedCount, correct] = [
    sum("required"),
    sum("found"),
    sum("predicted"),
    sum("correct"),
  ];
  const precision = predictedCount ? correct / predictedCount : 0;
  const recall = required ? found / required : 0;
  return {
    strict,
    precision,
    recall,
    f1: f1Of(precision, recall),
    required,
    found,
    foundOneToOne: sum("foundOneToOne"),
    predicted: predictedCount,
    correct,
    perDocument,
    misses,
    unmatched,
  };
}

const fixed = (x: number) => x.toFixed(3);

/** The summary line, worded like score.mjs so the two can be compared by eye. */
export function formatScoreLine(score: Score): string {
  return (
    `${score.strict ? "strict " : "lenient"} precision ${fixed(score.precision)} recall ${fixed(score.recall)} ` +
    `f1 ${fixed(score.f1)} (${score.found}/${score.required} found, ${score.foundOneToOne} one-to-one, ` +
    `${score.correct}/${score.predicted} rows right)`
  );
}

/** Precision, recall and F1 of one document's counts. */
export function documentFigures(d: DocumentScore): {
  precision: number;
  recall: number;
  f1: number;
} {
  const precision = d.predicted ? d.correct / d.predicted : d.required ? 0 : 1;
  const recall = d.required ? d.found / d.required : 1;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** Per-document counts and figures, every miss and every unmatched row: what a developer needs
 * to fix. */
export function formatScoreDetails(score: Score): string {
  const width = Math.max(26, ...score.perDocument.map((d) => d.doc.length + 2));
  const lines = [`${"doc".padEnd(width)}required found 1:1 predicted correct     P     R    F1`];
  for (const d of score.perDocument) {
    const { precision, recall, f1 } = documentFigures(d);
    lines.push(
      `${d.doc.padEnd(width)}${String(d.required).padStart(8)}${String(d.found).padStart(6)}` +
        `${String(d.foundOneToOne).padStart(4)}${String(d.predicted).padStart(10)}${String(d.correct).padStart(8)}` +
        ` ${fixed(precision)} ${fixed(recall)} ${fixed(f1)}`,
    );
  }
  if (score.misses.length) {
    lines.push(
      "",
      `missed (${score.strict ? "strict" : "lenient"}: required gold facts with no matching row):`,
    );
    for (const m of score.misses) {
      lines.push(
        `  ${m.doc} ${m.indicator} ${m.region} ${m.period} ${m.value} ${m.qualifier} ${m.kind} | ${m.note ?? ""}`,
      );
    }
  }
  if (score.unmatched.length) {
    lines.push("", `unmatched rows (${score.strict ? "strict" : "lenient"}: match no gold fact):`);
    for (const w of score.unmatched) {
      lines.push(
        `  ${w.source} ${w.indicator} ${w.region} ${w.period} ${w.value} ${w.qualifier ?? ""} ${w.kind ?? ""}` +
          ` | ${w.text ?? ""} | ${(w.quote ?? "").slice(0, 60)}`,
      );
    }
  }
  return lines.join("\n");
}

/** Facts as the scorer sees rows of data/indicators.csv. */
export function factsToRows(facts: readonly Fact[]): PredRow[] {
  return facts.map((fact) => Object.fromEntries(FACT_COLUMNS.map((c) => [c, String(fact[c])])));
}

/** Every gold row of the `*.csv` files of a folder (the only IO of this module). */
export async function readGoldDir(dir: string): Promise<GoldRow[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".csv")).sort();
  const rows: GoldRow[] = [];
  for (const file of files) {
    const { rows: records } = parseCsvRecords(await readFile(join(dir, file), "utf8"));
    rows.push(...records.map((r) => ({ ...r, doc: r.doc ?? "" })));
  }
  return rows;
}
