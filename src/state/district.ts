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
  /** Every region-wide and subject figure of the indicator for the district, for "no figure yet". */
  pointCount: number;
}

const KIND_ORDER: readonly Kind[] = ["actual", "estimate", "target"];
const frequencyOfPoint = (p: Point) =>
  frequencyOf(p.period, { start: p.periodStart, end: p.periodEnd });

/** Later end first; on a tie the longer period (a year over its last quarter). */
const later = (a: Point, b: Point) => b.periodEnd - a.periodEnd || a.periodStart - b.periodStart;

function latestOf(points: readonly Point[]): Point | null {
  for (const kind of KIND_ORDER) {
    const ofKind = points.filter((p) => p.kind === kind).sort(later);
    if (ofKind.length) return ofKind[0]!;
  }
  return null;
}

/**
 * The rows of a district's page, one per level indicator in the picker's order, those without any
 * figure included (the page says "no figure yet" rather than leaving them out).
 */
export function deriveDistrict(points: readonly Point[], district: string): DistrictRow[] {
  const totals = new Map<Indicator, Point[]>();
  const counts = new Map<Indicator, number>();
  for (const p of points) {
    if (p.region !== district) continue;
    counts.set(p.indicator, (counts.get(p.indicator) ?? 0) + 1);
    if (p.subject) continue;
    let list = totals.get(p.indicator);
    if (!list) totals.set(p.indicator, (list = []));
    list.push(p);
  }
  return DISTRICT_INDICATORS.map(({ indicator, growth }) => {
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
    return {
      indicator,
      latest,
      growth: growthPoint,
      frequency,
      trend,
      pointCount: (counts.get(indicator) ?? 0) + (growth ? (counts.get(growth) ?? 0) : 0),
    };
  });
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
