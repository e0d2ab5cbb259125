// Everything the dashboard shows, derived from the view state and the loaded points: a pure
// function (OWID Grapher's chart state, Superset's transformProps), tested in Node without a DOM.
import type { Point } from "../model/aggregate.ts";
import { FREQUENCIES, frequencyOf, yearRange, type Frequency } from "../model/period.ts";
import {
  comparisonPoints,
  periodsOf,
  selectPoints,
  yearsOf,
  type PeriodOption,
} from "../chart/select.ts";
import { shownRegions, type ViewState } from "./viewState.ts";

export interface DashboardData {
  /** The points of the view's indicator. */
  points: readonly Point[];
  /** Every key of the region table, in its order. */
  tableKeys: readonly string[];
}

export interface Dashboard {
  /** Regions shown, in the table's order. */
  regions: string[];
  /** Years the indicator's points span, for the range pickers. */
  years: number[];
  /** Points under the region and year filter, every frequency and subject. */
  selected: Point[];
  /** Frequencies the selection has, with their numbers of points, in FREQUENCIES order. */
  frequencies: { frequency: Frequency; count: number }[];
  /** The frequency drawn: the view's if the selection has it, else the one with most points. */
  frequency: Frequency | null;
  /** Whether the drawn frequency has region-wide figures, and whether subjects are drawn. */
  hasTotals: boolean;
  hasParts: boolean;
  showSubjects: boolean;
  /** The points the time chart draws (the frequency's; subject figures only when shown). */
  drawn: Point[];
  /** Periods for the comparison view, in time order, and the one compared. */
  periods: PeriodOption[];
  comparePeriod: string | null;
  compared: Point[];
  /**
   * The map: every region of the table (the filter only marks districts on it), region-wide
   * figures only; its periods, the one drawn (chosen as in the comparison view) and its points.
   */
  mapPeriods: PeriodOption[];
  mapPeriod: string | null;
  mapped: Point[];
}

/** The view's period if offered, else the one the most regions report totals for, the latest. */
function pickPeriod(
  requested: string | null,
  periods: readonly PeriodOption[],
  totals: readonly Point[],
): string | null {
  if (requested && periods.some((p) => p.period === requested)) return requested;
  const regionsPer = new Map<string, Set<string>>();
  for (const p of totals) {
    if (p.subject) continue;
    let set = regionsPer.get(p.period);
    if (!set) regionsPer.set(p.period, (set = new Set()));
    set.add(p.region);
  }
  let picked: string | null = null;
  let bestCount = -1;
  for (const p of periods) {
    const n = regionsPer.get(p.period)?.size ?? 0;
    if (n >= bestCount) [picked, bestCount] = [p.period, n];
  }
  return picked;
}

/**
 * The frequency of a point, remembered per period label (a label always names the same days):
 * a redraw of 100,000 points would otherwise test the same few hundred labels 200,000 times.
 */
function frequencyByLabel(): (p: Point) => Frequency {
  const known = new Map<string, Frequency>();
  return (p) => {
    let frequency = known.get(p.period);
    if (frequency === undefined) {
      frequency = frequencyOf(p.period, { start: p.periodStart, end: p.periodEnd });
      known.set(p.period, frequency);
    }
    return frequency;
  };
}

/**
 * What depends on an indicator's points alone, worked out once for each points array (the page
 * makes one per indicator shown) rather than on every change of a control: each point's
 * frequency, the years for the pickers, and the map's selection per year range.
 */
interface PointsIndex {
  frequency: Frequency[];
  years: number[];
  map: Map<string, { tableKeys: readonly string[]; totals: Point[]; periods: PeriodOption[] }>;
}
const indexes = new WeakMap<readonly Point[], PointsIndex>();
/** What depends on the points alone (see PointsIndex), worked out on the first call for an array
 * and kept; the page calls it ahead, in a task of its own, for a large indicator. */
export function indexPoints(points: readonly Point[]): PointsIndex {
  let index = indexes.get(points);
  if (!index) {
    const frequencyOfPoint = frequencyByLabel();
    index = { frequency: points.map(frequencyOfPoint), years: yearsOf(points), map: new Map() };
    indexes.set(points, index);
  }
  return index;
}

export function deriveDashboard(view: ViewState, data: DashboardData): Dashboard {
  const index = indexPoints(data.points);
  const regions = shownRegions(view, data.tableKeys);
  const years = index.years;
  // selectPoints' rule, with each selected point's frequency taken along.
  const shownSet = new Set(regions);
  const range = yearRange(view.from, view.to);
  const selected: Point[] = [];
  const selectedFrequency: Frequency[] = [];
  const points = data.points;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    // overlaps(p's days, range), without an object per point.
    if (
      p.indicator === view.indicator &&
      shownSet.has(p.region) &&
      p.periodStart <= range.end &&
      range.start <= p.periodEnd
    ) {
      selected.push(p);
      selectedFrequency.push(index.frequency[i]!);
    }
  }

  // Frequencies: the default is the one with the most region-wide points (else the most points).
  const totals = new Map<Frequency, number>();
  const all = new Map<Frequency, number>();
  selected.forEach((p, i) => {
    const f = selectedFrequency[i]!;
    all.set(f, (all.get(f) ?? 0) + 1);
    if (!p.subject) totals.set(f, (totals.get(f) ?? 0) + 1);
  });
  const frequencies = FREQUENCIES.filter((f) => all.has(f)).map((frequency) => ({
    frequency,
    count: all.get(frequency)!,
  }));
  let frequency: Frequency | null = null;
  if (view.freq && all.has(view.freq)) frequency = view.freq;
  else {
    const counts = totals.size ? totals : all;
    let best = 0;
    for (const f of FREQUENCIES) {
      const n = counts.get(f) ?? 0;
      if (n > best) [frequency, best] = [f, n];
    }
  }
  const ofFrequency = selected.filter((_, i) => selectedFrequency[i] === frequency);
  const hasTotals = ofFrequency.some((p) => !p.subject);
  const hasParts = ofFrequency.some((p) => p.subject !== "");
  // Parts start hidden beside totals; with no totals they are all there is, and always shown, so
  // the chart is never empty while the table has rows.
  const showSubjects = hasParts && (!hasTotals || (view.subjects ?? false));
  const drawn = showSubjects ? ofFrequency : ofFrequency.filter((p) => !p.subject);

  // The comparison's and the map's parts are worked out when a view reads them (those two views
  // only), once per derivation: the time chart redraws without them (on the big file, 20–40 ms of
  // a redraw of 100,000 points went to a comparison nobody was looking at).
  const lazy = <T>(make: () => T) => {
    let value: { v: T } | null = null;
    return () => (value ??= { v: make() }).v;
  };
  const periods = lazy(() => periodsOf(selected));
  const comparePeriod = lazy(() => pickPeriod(view.period, periods(), selected));
  const compared = lazy(() => {
    const period = comparePeriod();
    if (!period) return [];
    const hasTotals = selected.some((p) => !p.subject && p.period === period);
    return comparisonPoints(selected, period, !hasTotals || (view.subjects ?? false));
  });

  // The map draws all districts whatever the filter, so its period does not move on a click.
  // It depends on the indicator and the year range only: kept per range, not made per click.
  const map = lazy(() => {
    const mapKey = `${view.indicator} ${view.from} ${view.to}`;
    let kept = index.map.get(mapKey);
    if (!kept || kept.tableKeys !== data.tableKeys) {
      const totals = selectPoints(data.points, {
        indicator: view.indicator,
        regions: data.tableKeys,
        from: view.from,
        to: view.to,
      }).filter((p) => !p.subject);
      kept = { tableKeys: data.tableKeys, totals, periods: periodsOf(totals) };
      index.map.set(mapKey, kept);
    }
    return kept;
  });
  const mapPeriod = lazy(() => pickPeriod(view.period, map().periods, map().totals));
  const mapped = lazy(() => {
    const period = mapPeriod();
    return period ? comparisonPoints(map().totals, period, false) : [];
  });

  return {
    regions,
    years,
    selected,
    frequencies,
    frequency,
    hasTotals,
    hasParts,
    showSubjects,
    drawn,
    get periods() {
      return periods();
    },
    get comparePeriod() {
      return comparePeriod();
    },
    get compared() {
      return compared();
    },
    get mapPeriods() {
      return map().periods;
    },
    get mapPeriod() {
      return mapPeriod();
    },
    get mapped() {
      return mapped();
    },
  };
}
