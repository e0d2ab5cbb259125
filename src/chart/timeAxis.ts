// The time chart's x axis from the periods it draws. Left to itself, ECharts fits a time axis to
// the points' middles: one annual figure became an axis from January to December ticked by month
// with the point at 7月, and a marker on the first or last period sat on the axis' edge, half cut
// off. Here the axis covers every period drawn from its first day to its last, and when every
// period is a whole calendar year (or run of years) it is labelled by year, each label under the
// middle of its year, with ticks on the year boundaries.
import type { DayRange } from "../model/period.ts";

const DAY = 86_400_000;
/** Past this many years, every n-th year is labelled, so labels never crowd. */
const MAX_YEAR_LABELS = 12;

export interface TimeAxisPlan {
  /** The axis' ends, ms since 1970 (UTC calendar). */
  min: number;
  max: number;
  /** On an axis of whole years: where year labels go (the middle of each year) and its ticks. */
  years: { labels: number[]; ticks: number[] } | null;
}

const yearStart = (year: number) => Date.UTC(year, 0, 1);
const isJanuaryFirst = (day: number) => {
  const d = new Date(day * DAY);
  return d.getUTCMonth() === 0 && d.getUTCDate() === 1;
};

/** Whether a period is one or more whole calendar years. */
export const isWholeYears = (range: DayRange) =>
  isJanuaryFirst(range.start) && isJanuaryFirst(range.end + 1);

/** The year a label of a year axis names (its value is the middle of that year). */
export const yearOfAxisValue = (ms: number) => new Date(ms).getUTCFullYear();

/** The axis for these periods; null when there is nothing to draw. */
export function planTimeAxis(ranges: readonly DayRange[]): TimeAxisPlan | null {
  if (!ranges.length) return null;
  let first = Infinity;
  let last = -Infinity;
  let years = true;
  for (const r of ranges) {
    if (r.start < first) first = r.start;
    if (r.end > last) last = r.end;
    if (years && !isWholeYears(r)) years = false;
  }
  if (years) {
    const from = new Date(first * DAY).getUTCFullYear();
    const to = new Date(last * DAY).getUTCFullYear();
    const step = Math.ceil((to - from + 1) / MAX_YEAR_LABELS);
    const labels: number[] = [];
    const ticks: number[] = [];
    for (let y = from; y <= to; y++) {
      ticks.push(yearStart(y));
      if ((y - from) % step === 0) labels.push((yearStart(y) + yearStart(y + 1)) / 2);
    }
    ticks.push(yearStart(to + 1));
    return { min: yearStart(from), max: yearStart(to + 1), years: { labels, ticks } };
  }
  return { min: first * DAY, max: (last + 1) * DAY, years: null };
}

/** The ECharts xAxis for a plan (a plain time axis when there is none). */
export function timeAxisOption(plan: TimeAxisPlan | null): Record<string, unknown> {
  const base = { type: "time", splitLine: { show: false } };
  if (!plan) return { ...base, axisLabel: { hideOverlap: true } };
  if (!plan.years)
    return { ...base, min: plan.min, max: plan.max, axisLabel: { hideOverlap: true } };
  return {
    ...base,
    min: plan.min,
    max: plan.max,
    axisTick: { customValues: plan.years.ticks },
    axisLabel: {
      customValues: plan.years.labels,
      formatter: (value: number) => String(yearOfAxisValue(value)),
      hideOverlap: true,
    },
  };
}
