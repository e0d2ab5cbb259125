import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACT_COLUMNS, INDICATORS, KINDS, QUALIFIERS, UNITS } from "../../../extract/lib/types.ts";
import { DATA_DIR, ROOT } from "../../../scripts/data-files.ts";
import { loadRegions, mulberry32, writeBigCsv } from "../../../scripts/gen-big.ts";

// More than two chunks of 10,000 rows, so the chunk boundaries are crossed.
const ROWS = 25_000;
const dir = mkdtempSync(join(tmpdir(), "jm-gen-big-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The indicator → unit table, read from the contract itself (the `| \`key\` | unit |` rows). */
function contractUnits(): Map<string, string> {
  const text = readFileSync(join(DATA_DIR, "CONTRACT.md"), "utf8");
  const units = new Map<string, string>();
  for (const m of text.matchAll(/^\| `([a-z_]+)` \| (CNY|percent|count) \|/gm)) {
    units.set(m[1]!, m[2]!);
  }
  return units;
}

const DAY_MS = 86_400_000;
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The contract's period grammar as a day range, or null; also names the shape. */
function single(label: string): { start: number; end: number; shape: string } | null {
  const m = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(0[1-9]|1[0-2])(?:-(\d{2}))?))?$/.exec(label);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[2]) {
    const q = Number(m[2]);
    return { start: day(y, 3 * q - 2, 1), end: day(y, 3 * q, lastOfMonth(y, 3 * q)), shape: "Q" };
  }
  if (m[3]) {
    const h = Number(m[3]);
    return { start: day(y, 6 * h - 5, 1), end: day(y, 6 * h, lastOfMonth(y, 6 * h)), shape: "H" };
  }
  if (m[4]) {
    const mo = Number(m[4]);
    if (m[5]) {
      const d = Number(m[5]);
      if (d < 1 || d > lastOfMonth(y, mo)) return null;
      return { start: day(y, mo, d), end: day(y, mo, d), shape: "D" };
    }
    return { start: day(y, mo, 1), end: day(y, mo, lastOfMonth(y, mo)), shape: "M" };
  }
  return { start: day(y, 1, 1), end: day(y, 12, 31), shape: "Y" };
}
function period(label: string): { start: number; end: number; shape: string } | null {
  const parts = label.split("/");
  if (parts.length === 1) return single(label);
  if (parts.length !== 2) return null;
  const a = single(parts[0]!);
  const b = single(parts[1]!);
  if (!a || !b || a.start > b.end) return null;
  return { start: a.start, end: b.end, shape: "A/B" };
}

/** The number a `text` cell writes, in the indicator's unit: 超220亿元 → 22000000000. */
function writtenNumber(text: string): number | null {
  const m =
    /^(?:约|近|超过|超|逾|突破|不到|不足)?(\d+(?:\.\d+)?)多?(亿元|万元|%|个|家)(?:左右|以上|以下)?$/.exec(
      text,
    );
  if (!m) return null;
  const scale = { 亿元: 1e8, 万元: 1e4, "%": 1, 个: 1, 家: 1 }[m[2]!]!;
  return Number(m[1]) * scale;
}

describe("gen-big", () => {
  let csv = "";
  beforeAll(() => {
    writeBigCsv({ rows: ROWS, out: join(dir, "a.csv") });
    csv = readFileSync(join(dir, "a.csv"), "utf8");
  });

  it("gives byte-identical output for the same flags, from the command line too", () => {
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        join(ROOT, "scripts", "gen-big.ts"),
        "--rows",
        String(ROWS),
        "--out",
        join(dir, "b.csv"),
      ],
      { cwd: ROOT, stdio: "pipe" },
    );
    expect(readFileSync(join(dir, "b.csv")).equals(readFileSync(join(dir, "a.csv")))).toBe(true);
  });

  it("gives other rows for another seed", () => {
    writeBigCsv({ rows: 200, out: join(dir, "c.csv"), seed: 7 });
    writeBigCsv({ rows: 200, out: join(dir, "d.csv") });
    expect(readFileSync(join(dir, "c.csv"), "utf8")).not.toBe(
      readFileSync(join(dir, "d.csv"), "utf8"),
    );
  });

  it("writes exactly the rows asked for, every one valid against the contract", () => {
    const units = contractUnits();
    expect([...units.keys()].sort()).toEqual([...INDICATORS].sort());
    const regions = new Set(loadRegions().map((r) => r.key));

    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...FACT_COLUMNS]);
    expect(rows).toHaveLength(ROWS);

    const col = Object.fromEntries(FACT_COLUMNS.map((c, i) => [c, i])) as Record<
      (typeof FACT_COLUMNS)[number],
      number
    >;
    const bad: string[] = [];
    const ids = new Set<string>();
    let previous: [string, number] = ["", -1];
    rows.forEach((row, i) => {
      const line = i + 2;
      const get = (c: (typeof FACT_COLUMNS)[number]) => row[col[c]] ?? "";
      const fail = (why: string) => bad.push(`line ${line}: ${why} (${row.join(",")})`);
      if (row.length !== FACT_COLUMNS.length) return fail(`${row.length} cells`);

      const indicator = get("indicator");
      const unit = get("unit");
      if (!units.has(indicator)) fail(`indicator ${indicator}`);
      if (!(UNITS as readonly string[]).includes(unit) || units.get(indicator) !== unit) {
        fail(`unit ${unit} for ${indicator}`);
      }
      if (!regions.has(get("region"))) fail(`region ${get("region")}`);
      const range = period(get("period"));
      if (!range) fail(`period ${get("period")}`);
      const valueCell = get("value");
      const value = Number(valueCell);
      if (!/^-?\d+(\.\d+)?$/.test(valueCell) || !Number.isFinite(value)) fail(`value ${valueCell}`);
      if (unit !== "percent" && !Number.isInteger(value)) fail(`whole value ${valueCell}`);
      if (!(QUALIFIERS as readonly string[]).includes(get("qualifier"))) fail("qualifier");
      if (!(KINDS as readonly string[]).includes(get("kind"))) fail("kind");

      if (ids.has(get("id"))) fail(`duplicate id ${get("id")}`);
      ids.add(get("id"));

      // Rows are sorted by (source, start), and the text sits in the quote at its offsets' length.
      const start = Number(get("start"));
      const end = Number(get("end"));
      const text = get("text");
      if (!Number.isInteger(start) || end - start !== text.length) fail("offsets");
      const key: [string, number] = [get("source"), start];
      if (key[0] < previous[0] || (key[0] === previous[0] && key[1] <= previous[1])) fail("order");
      previous = key;
      if (!get("quote").includes(text)) fail("text not in quote");

      // The text writes the value: 90亿元 is 9000000000, 下降3.2% is -3.2.
      const written = writtenNumber(text);
      const falls = get("quote").includes(`下降${text}`);
      if (written === null) fail(`text ${text}`);
      else if (
        Math.abs((falls ? -written : written) - value) >
        1e-6 * Math.max(1, Math.abs(value))
      ) {
        fail(`text ${text} vs value ${valueCell}`);
      }

      // The period agrees with the publication date: actual figures cover a period that has
      // ended by then, or (a stock, a named project) the publication month; targets and
      // estimates a period that has not ended.
      const pub = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(get("published"));
      if (!pub) return fail(`published ${get("published")}`);
      if (!get("source").startsWith(`syn${pub[1]}${pub[2]}`)) fail("source id and published date");
      const y = Number(pub[1]);
      const m = Number(pub[2]);
      const pubStart = day(y, m, pub[3] ? Number(pub[3]) : 1);
      const pubEnd = day(y, m, pub[3] ? Number(pub[3]) : lastOfMonth(y, m));
      const publicationMonth = get("period") === `${pub[1]}-${pub[2]}`;
      if (range && get("kind") === "actual" && range.end > pubEnd && !publicationMonth) {
        fail("actual period after publication");
      }
      if (range && get("kind") !== "actual" && range.end < pubStart)
        fail("target period already over");
    });
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it("covers every indicator, region, qualifier, kind and period shape", () => {
    const [, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    const seen = (i: number) => new Set(rows.map((r) => r[i] ?? ""));
    const at = (c: (typeof FACT_COLUMNS)[number]) => FACT_COLUMNS.indexOf(c);
    expect([...seen(at("indicator"))].sort()).toEqual([...INDICATORS].sort());
    expect([...seen(at("region"))].sort()).toEqual(
      loadRegions()
        .map((r) => r.key)
        .sort(),
    );
    expect([...seen(at("qualifier"))].sort()).toEqual([...QUALIFIERS].sort());
    expect([...seen(at("kind"))].sort()).toEqual([...KINDS].sort());
    const shapes = new Set(rows.map((r) => period(r[at("period")] ?? "")?.shape));
    expect([...shapes].sort()).toEqual(["A/B", "D", "H", "M", "Q", "Y"]);
  });

  it("spreads publication over twenty years, whatever the size", () => {
    // The publication day follows the share of rows already written.
    const [, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    const years = rows.map((r) => Number((r[FACT_COLUMNS.indexOf("published")] ?? "").slice(0, 4)));
    expect(Math.min(...years)).toBe(2006);
    expect(Math.max(...years)).toBe(2025);
  });

  it("mulberry32 is deterministic and spreads over [0, 1)", () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});
