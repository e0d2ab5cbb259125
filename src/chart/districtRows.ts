// One page per district: what a district's page shows, derived from its points in one pure
// function, and the sparkline of a trend as SVG coordinates. Tested in Node without a DOM.
import { INDICATOR_GROUPS, type Indicator, type Kind } from "../model/contract.ts";
import type { Point } from "../model/aggregate.ts";
import { frequencyOf, type Frequency } from "../model/period.ts";

/** The indicators a page lists, each a level with its growth rate beside it (if there is one). */
export const DISTRICT_INDICATORS: readonly { indicator: Indicator; growth: Indicator | null }[] =
  INDICATOR_GROUPS.flatMap((g) => g.indicators as readonly Indicator[])
    .filter((i) => !i.endsWith("_growth"))
    .map((indicator) => {
      const growth = `${indicator === "trade_value" ? "trade" : indicator}_growth`;
      return {
        indicator,
        growth: INDICATOR_GROUPS.some((g) => (g.indicators as readonly string[]).includes(growth))
          ? (growth as Indicator)
          : null,
      };
    });

/** A trend point: the period's label, its start (for order) and its value. */
export interface TrendPoint {
  period: string;
  value: number;
}

export interface DistrictRow {
  indicator: Indicator;
  /** The latest region-wide figure: an actual one if any, else an estimate, else a target. */
  latest: Point | null;
  /** The growth rate reported for the latest figure's period and kind (no level: the latest). */
  growth: Point | null;
  /** The latest figure's frequency, and the region-wide figures of it and its kind, in time order. */
  frequency: Frequency | null;
  trend: TrendPoint[];
  /**
   * Only when there is no region-wide figure (no level, no growth rate): the figures about
   * subjects of the latest period that has them (规模以上企业 145家), the level's before its
   * growth rate's, actual before estimate before target, largest first; at most SUBJECTS_SHOWN.
   */
  subjects: Point[];
  /** How many subject figures that period has in all (more than `subjects` lists, at times). */
  subjectCount: number;
  /** Every region-wide and subject figure of the indicator for the district, for "no figure yet". */
  pointCount: number;
}

/** Subject figures listed on a row; the rest are counted. */
export const SUBJECTS_SHOWN = 3;

const KIND_ORDER: readonly Kind[] = ["actual", "estimate", "target"];
const frequencyOfPoint = (p: Point) =>
  frequencyOf(p.period, { start: p.periodStart, end: p.periodEnd });

/** Later end first; on a tie the longer period (a year over its last quarter). */
const later = (a: Point, b: Point) => b.periodEnd - a.periodEnd || a.periodStart - b.periodStart;

/** The subject figures of the latest period and first kind that has any, largest first. */
function latestSubjects(points: readonly Point[]): Point[] {
  const latest = latestOf(points);
  if (!latest) return [];
  return points
    .filter(
      (p) =>
        p.kind === latest.kind &&
        p.periodStart === latest.periodStart &&
        p.periodEnd === latest.periodEnd,
    )
    .sort((a, b) => b.value - a.value || (a.subject < b.subject ? -1 : 1));
}

/** Rows with a region-wide figure first, then those with figures about subjects only, then empty
 * ones; the picker's order within each. */
const rowRank = (r: DistrictRow) => (r.latest || r.growth ? 0 : r.subjects.length ? 1 : 2);

function latestOf(points: readonly Point[]): Point | null {
  for (const kind of KIND_ORDER) {
    const ofKind = points.filter((p) => p.kind === kind).sort(later);
    if (ofKind.length) return ofKind[0]!;
  }
  return null;
}

/**
 * The rows of a district's page, one per level indicator: those with a region-wide figure first,
 * then those with figures about subjects only (named by subject), then those without any figure
 * (the page says "no figure yet" rather than leaving them out); the picker's order within each.
 */
export function deriveDistrict(points: readonly Point[], district: string): DistrictRow[] {
  const totals = new Map<Indicator, Point[]>();
  const parts = new Map<Indicator, Point[]>();
  const counts = new Map<Indicator, number>();
  for (const p of points) {
    if (p.region !== district) continue;
    counts.set(p.indicator, (counts.get(p.indicator) ?? 0) + 1);
    const byIndicator = p.subject ? parts : totals;
    let list = byIndicator.get(p.indicator);
    if (!list) byIndicator.set(p.indicator, (list = []));
    list.push(p);
  }
  const rows = DISTRICT_INDICATORS.map(({ indicator, growth }): DistrictRow => {
    const own = totals.get(indicator) ?? [];
    const growths = growth ? (totals.get(growth) ?? []) : [];
    const latest = latestOf(own);
    // Without a level, the latest growth rate still says something.
    const growthPoint = latest
      ? (growths.find((p) => p.period === latest.period && p.kind === latest.kind) ?? null)
      : latestOf(growths);
    const frequency = latest ? frequencyOfPoint(latest) : null;
    const trend = latest
      ? own
          .filter((p) => p.kind === latest.kind && frequencyOfPoint(p) === frequency)
          .sort((a, b) => a.periodStart - b.periodStart || a.periodEnd - b.periodEnd)
          .map((p) => ({ period: p.period, value: p.value }))
      : [];
    const subjects =
      latest || growthPoint
        ? []
        : (() => {
            const own = latestSubjects(parts.get(indicator) ?? []);
            return own.length ? own : growth ? latestSubjects(parts.get(growth) ?? []) : [];
          })();
    return {
      indicator,
      latest,
      growth: growthPoint,
      frequency,
      trend,
      subjects: subjects.slice(0, SUBJECTS_SHOWN),
      subjectCount: subjects.length,
      pointCount: (counts.get(indicator) ?? 0) + (growth ? (counts.get(growth) ?? 0) : 0),
    };
  });
  // A stable sort: the picker's order stays within each rank.
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => rowRank(a.row) - rowRank(b.row) || a.i - b.i)
    .map(({ row }) => row);
}

/**
 * A sparkline's polyline points ("x,y x,y …") in a width × height box with a margin, the first
 * value at the left, the highest at the top; one value is a point in the middle. Empty for none.
 */
export function sparkline(values: readonly number[], width: number, height: number, pad = 2) {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return "";
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const x = (i: number) =>
    values.length === 1 ? width / 2 : pad + ((width - 2 * pad) * i) / (values.length - 1);
  const y = (v: number) =>
    max === min ? height / 2 : pad + ((height - 2 * pad) * (max - v)) / (max - min);
  const round = (n: number) => Math.round(n * 100) / 100;
  return values
    .map((v, i) => (Number.isFinite(v) ? `${round(x(i))},${round(y(v))}` : null))
    .filter((s) => s !== null)
    .join(" ");
}
