// Serialises facts to the contract CSV (data/indicators.csv). Browser-safe: PapaParse only.
// Values are written as they are (no formula escaping): the file is data, not a spreadsheet.
import Papa from "papaparse";
import { FACT_COLUMNS, type Fact } from "./types.ts";

/** Rows end with LF; fields are quoted only when RFC 4180 needs it (comma, quote, CR, LF). */
const UNPARSE_CONFIG = { newline: "\n", quotes: false, escapeFormulae: false } as const;

function factCells(fact: Fact): string[] {
  return FACT_COLUMNS.map((column) => String(fact[column] ?? ""));
}

/** The header line of the contract CSV, newline included (the column names need no quoting). */
export function csvHeader(): string {
  return FACT_COLUMNS.join(",") + "\n";
}

/**
 * The rows for `facts`, in the order given, each ending with a newline; "" for no facts. Used to
 * stream a file document by document, so that a corpus never has to be held as one string.
 */
export function factsToCsvRows(facts: readonly Fact[]): string {
  if (facts.length === 0) return "";
  const rows = Papa.unparse(facts.map(factCells), { ...UNPARSE_CONFIG, header: false });
  return rows + "\n";
}

/** A whole contract CSV: header, then one row per fact in the order given. */
export function factsToCsv(facts: readonly Fact[]): string {
  return csvHeader() + factsToCsvRows(facts);
}

/** Where the quoted cell opened by the quote at `open` closes: the index of its closing quote
 * (a doubled quote inside is an escaped one), or -1 when it never closes. */
export function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') i++;
    else return i;
  }
  return -1;
}
