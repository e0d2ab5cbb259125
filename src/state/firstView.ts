// The indicator a link without one opens on. Not the one with the most points: project investment
// has a dozen figures about single projects and one region-wide figure, which drew one point on an
// empty axis. The first view is the indicator with the most region-wide figures — distinct
// (region, period) pairs with a figure about the whole region — so it can draw lines across
// districts and periods (GDP on the shipped data); ties go to the one with more points, then to
// the contract's order. Its frequency is then the one with the most region-wide figures
// (deriveDashboard).
import { INDICATORS, type Indicator } from "../model/contract.ts";
import type { PointTable } from "../model/aggregate.ts";

export interface IndicatorReach {
  indicator: Indicator;
  /** Distinct (region, period) pairs with a region-wide figure. */
  regionWide: number;
  points: number;
}

/** How many region-wide figures each indicator has, from the typed columns (no point objects). */
export function indicatorReach(
  table: PointTable,
  byIndicator: ReadonlyMap<Indicator, Uint32Array>,
): IndicatorReach[] {
  const wholeRegion = table.subjects.indexOf("");
  const regionCount = Math.max(1, table.regionKeys.length);
  const out: IndicatorReach[] = [];
  for (const [indicator, ids] of byIndicator) {
    const pairs = new Set<number>();
    for (const id of ids)
      if (table.subject[id] === wholeRegion)
        pairs.add(table.period[id]! * regionCount + table.region[id]!);
    out.push({ indicator, regionWide: pairs.size, points: ids.length });
  }
  return out;
}

/** The first view's indicator, or null when there are no points at all. */
export function firstIndicator(reach: readonly IndicatorReach[]): Indicator | null {
  let best: IndicatorReach | null = null;
  for (const r of reach) {
    if (
      !best ||
      r.regionWide > best.regionWide ||
      (r.regionWide === best.regionWide &&
        (r.points > best.points ||
          (r.points === best.points &&
            INDICATORS.indexOf(r.indicator) < INDICATORS.indexOf(best.indicator))))
    )
      best = r;
  }
  return best?.indicator ?? null;
}
