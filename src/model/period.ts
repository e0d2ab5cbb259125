// Period labels of the contract (YYYY | YYYY-Qn | YYYY-Hn | YYYY-MM | YYYY-MM-DD | A/B) as day
// ranges, so periods of different granularity sort and overlap on one time line.

/** First and last day of a period, in days since 1970-01-01 of the calendar (no time zone). */
export interface DayRange {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const SINGLE = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(0[1-9]|1[0-2])(?:-(\d{2}))?))?$/;

function parseSingle(label: string): DayRange | null {
  const m = SINGLE.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return null;
  if (m[2]) {
    const q = Number(m[2]);
    return {
      start: dayNumber(year, 3 * q - 2, 1),
      end: dayNumber(year, 3 * q, lastDayOfMonth(year, 3 * q)),
    };
  }
  if (m[3]) {
    const h = Number(m[3]);
    return {
      start: dayNumber(year, 6 * h - 5, 1),
      end: dayNumber(year, 6 * h, lastDayOfMonth(year, 6 * h)),
    };
  }
  if (m[4]) {
    const month = Number(m[4]);
    if (m[5]) {
      const day = Number(m[5]);
      if (day < 1 || day > lastDayOfMonth(year, month)) return null;
      return { start: dayNumber(year, month, day), end: dayNumber(year, month, day) };
    }
    return {
      start: dayNumber(year, month, 1),
      end: dayNumber(year, month, lastDayOfMonth(year, month)),
    };
  }
  return { start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31) };
}

/** The day range of a period label, or null when the label breaks the grammar. */
export function parsePeriod(label: string): DayRange | null {
  const parts = label.split("/");
  if (parts.length === 1) return parseSingle(label);
  if (parts.length !== 2) return null;
  const from = parseSingle(parts[0] ?? "");
  const to = parseSingle(parts[1] ?? "");
  if (!from || !to || from.start > to.end) return null;
  return { start: from.start, end: to.end };
}

/** The calendar year a day number falls in. */
export const yearOfDay = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

/** The day range of the years from..to (inclusive); open ends stay open. */
export function yearRange(from: number | null, to: number | null): DayRange {
  return {
    start: from === null ? -Infinity : dayNumber(from, 1, 1),
    end: to === null ? Infinity : dayNumber(to, 12, 31),
  };
}

export const overlaps = (a: DayRange, b: DayRange) => a.start <= b.end && b.start <= a.end;

/** Orders periods on the time line: by start, then the shorter (finer) one first. */
export const comparePeriods = (a: DayRange, b: DayRange) => a.start - b.start || a.end - b.end;

export type PeriodGrain = "year" | "half" | "quarter" | "month" | "day" | "span";

/**
 * The kind of period a label names. Values of different kinds (a year, a quarter, the cumulative
 * 1—5月) are not steps of one series: a line from a year's total to a quarter's reads as a fall.
 */
export function periodGrain(label: string): PeriodGrain {
  if (label.includes("/")) return "span";
  if (label.includes("-Q")) return "quarter";
  if (label.includes("-H")) return "half";
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return "day";
  if (/^\d{4}-\d{2}$/.test(label)) return "month";
  return "year";
}

/**
 * How often a figure is reported, as FRED names a series' frequency: 年度, 半年度, 季度, 月度,
 * 年初至今 (1—n月, cumulative from January within one year), and "other" (days, multi-year spans).
 */
export const FREQUENCIES = ["year", "half", "quarter", "month", "ytd", "other"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const DAY = 86_400_000;
const monthOf = (day: number) => {
  const d = new Date(day * DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

export function frequencyOf(label: string, range: DayRange): Frequency {
  const grain = periodGrain(label);
  if (grain === "year" || grain === "half" || grain === "quarter" || grain === "month")
    return grain;
  if (grain === "span") {
    const from = monthOf(range.start);
    const to = monthOf(range.end);
    // From the first of January to the end of a month of the same year.
    if (from % 12 === 0 && Math.floor(from / 12) === Math.floor(to / 12)) return "ytd";
  }
  return "other";
}

/**
 * Which periods one line may join, and how far apart two neighbours may start before the gap
 * shows: years join years a year apart; 1—5月 figures join other 1—5月 figures a year apart; a
 * five-year span joins the next five-year span. `step` is in months; 0 joins nothing.
 */
export function lineClass(label: string, range: DayRange): { key: string; step: number } {
  const frequency = frequencyOf(label, range);
  const months = monthOf(range.end) - monthOf(range.start) + 1;
  switch (frequency) {
    case "year":
      return { key: "year", step: 12 };
    case "half":
      return { key: "half", step: 6 };
    case "quarter":
      return { key: "quarter", step: 3 };
    case "month":
      return { key: "month", step: 1 };
    case "ytd":
      return { key: `ytd${months}`, step: 12 };
    default:
      return periodGrain(label) === "day"
        ? { key: "day", step: 0 }
        : { key: `span${months}`, step: months };
  }
}

/** The first month of a period as a month count (year × 12 + month − 1). */
export const startMonth = (range: DayRange) => monthOf(range.start);

/** The middle of a period in milliseconds since 1970 (UTC calendar), where a time axis puts it. */
export const periodMiddle = (range: DayRange) => middleOfDays(range.start, range.end);
/** periodMiddle of the days start..end, with no range object (a chart writes 100,000 of them). */
export const middleOfDays = (start: number, end: number) => ((start + end + 1) / 2) * DAY;
