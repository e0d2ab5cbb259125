// Which chart points a view shows. Points are few (one per indicator, region, period and kind),
// so filtering them on every filter change is cheap; raw facts are never touched here.
import type { Point } from "../model/aggregate.ts";
import type { Indicator, Kind } from "../model/contract.ts";
import { comparePeriods, overlaps, yearRange } from "../model/period.ts";

export interface PointFilter {
  indicator: Indicator;
  regions: readonly string[];
  from: number | null;
  to: number | null;
}

export function selectPoints(points: readonly Point[], filter: PointFilter): Point[] {
  const regions = new Set(filter.regions);
  const range = yearRange(filter.from, filter.to);
  return points.filter(
    (p) =>
      p.indicator === filter.indicator &&
      regions.has(p.region) &&
      overlaps({ start: p.periodStart, end: p.periodEnd }, range),
  );
}

export interface PeriodOption {
  period: string;
  start: number;
  end: number;
}

/** The distinct periods of some points, in time order (start, then the finer one first). */
export function periodsOf(points: readonly Point[]): PeriodOption[] {
  const byLabel = new Map<string, PeriodOption>();
  for (const p of points) {
    if (!byLabel.has(p.period))
      byLabel.set(p.period, { period: p.period, start: p.periodStart, end: p.periodEnd });
  }
  return [...byLabel.values()].sort(
    (a, b) => comparePeriods(a, b) || (a.period < b.period ? -1 : 1),
  );
}

const KIND_PREFERENCE: Record<Kind, number> = { actual: 0, estimate: 1, target: 2 };

/**
 * The comparison view's points: one region-wide figure per region for one period, an actual
 * figure over an estimate over a target; figures about subjects beside them when shown.
 */
export function comparisonPoints(
  points: readonly Point[],
  period: string,
  showSubjects = false,
): Point[] {
  const best = new Map<string, Point>();
  const parts: Point[] = [];
  for (const p of points) {
    if (p.period !== period) continue;
    if (p.subject) {
      if (showSubjects) parts.push(p);
      continue;
    }
    const seen = best.get(p.region);
    if (!seen || KIND_PREFERENCE[p.kind] < KIND_PREFERENCE[seen.kind]) best.set(p.region, p);
  }
  return [...best.values(), ...parts];
}

/** The years the points span, for the period range pickers. */
export function yearsOf(points: readonly Point[]): number[] {
  const years = new Set<number>();
  // Each period label once: its days, and so its years, are always the same.
  const seen = new Set<string>();
  for (const p of points) {
    if (seen.has(p.period)) continue;
    seen.add(p.period);
    const from = new Date(p.periodStart * 86_400_000).getUTCFullYear();
    const to = new Date(p.periodEnd * 86_400_000).getUTCFullYear();
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}
