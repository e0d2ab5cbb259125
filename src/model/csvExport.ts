// The CSV download. A spreadsheet runs a cell that starts with = + - @ (or a tab, carriage
// return or NUL: OWASP's CSV-injection guidance, ASVS 1.2.10) as a formula, so such text fields get a leading apostrophe; a plain number such as
// -2.4 is no formula and stays a number. The escape is reversible: a field that itself starts
// with an apostrophe gets one more, and the dashboard's reader (restoreFormula, in validateRow)
// drops exactly one, so a downloaded file opened again gives the same facts, quotes included.
import Papa from "papaparse";
import { FACT_COLUMNS, restoreFormula, type FactRow } from "./contract.ts";

const ESCAPED_START = /^[=+\-@\t\r\0']/;
const PLAIN_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseFormula(field: string): string {
  if (!ESCAPED_START.test(field) || PLAIN_NUMBER.test(field)) return field;
  return `'${field}`;
}

export { restoreFormula };

/** Contract columns, so a downloaded file can be opened again in the dashboard. */
export function factsToCsv(facts: Iterable<FactRow>): string {
  const rows: string[][] = [];
  for (const f of facts) {
    rows.push(
      FACT_COLUMNS.map((c) => {
        const v = f[c];
        return neutraliseFormula(v === null ? "" : String(v));
      }),
    );
  }
  return Papa.unparse({ fields: [...FACT_COLUMNS], data: rows }, { newline: "\r\n" });
}
