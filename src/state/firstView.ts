// The indicator a link without one opens on. Not the one with the most points: project investment
// has a dozen figures about single projects and one region-wide figure, which drew one point on an
// empty axis. The first view is the indicator with the most region-wide figures — distinct
// (region, period) pairs with a figure about the whole region — so it can draw lines across
// districts and periods (GDP on the shipped data). They are counted within one frequency, the
// one where the indicator has most, since a chart draws one frequency at a time: three yearly
// GDP figures make a chart, a count over 2018—2022, one over 2020—2024 and one for 1—5月 of a
// year make three lone points. Ties go to the one with more points, then to the contract's order. Its frequency is then the one with the most region-wide figures
// (deriveDashboard).
import { INDICATORS, type Indicator } from "../model/contract.ts";
import type { PointTable } from "../model/aggregate.ts";
import { frequencyOf, FREQUENCIES } from "../model/period.ts";

export interface IndicatorReach {
  indicator: Indicator;
  /** Distinct (region, period) pairs with a region-wide figure, in its best-filled frequency. */
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
  // Each period's frequency, worked out once for the table.
  const frequency = table.periods.map((p) =>
    FREQUENCIES.indexOf(frequencyOf(p.label, { start: p.start, end: p.end })),
  );
  // Distinct (region, period) pairs counted by stamping each pair with the indicator's number the
  // first time it is met (no set per indicator and frequency: on a million facts those cost the
  // page most of a long task while the first chart waited).
  const stamp = new Int32Array(Math.max(1, table.periods.length * regionCount)).fill(-1);
  const counts = new Uint32Array(FREQUENCIES.length);
  const out: IndicatorReach[] = [];
  let k = 0;
  for (const [indicator, ids] of byIndicator) {
    counts.fill(0);
    for (const id of ids) {
      if (table.subject[id] !== wholeRegion) continue;
      const period = table.period[id]!;
      const pair = period * regionCount + table.region[id]!;
      if (stamp[pair] === k) continue;
      stamp[pair] = k;
      counts[frequency[period]!]!++;
    }
    k++;
    out.push({ indicator, regionWide: Math.max(...counts), points: ids.length });
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
