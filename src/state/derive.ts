// Everything the dashboard shows, derived from the view state and the loaded points: a pure
// function (OWID Grapher's chart state, Superset's transformProps), tested in Node without a DOM.
import type { Point } from "../model/aggregate.ts";
import { FREQUENCIES, frequencyOf, type Frequency } from "../model/period.ts";
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
}

const frequencyOfPoint = (p: Point) =>
  frequencyOf(p.period, { start: p.periodStart, end: p.periodEnd });

export function deriveDashboard(view: ViewState, data: DashboardData): Dashboard {
  const regions = shownRegions(view, data.tableKeys);
  const years = yearsOf(data.points);
  const selected = selectPoints(data.points, {
    indicator: view.indicator,
    regions,
    from: view.from,
    to: view.to,
  });

  // Frequencies: the default is the one with the most region-wide points (else the most points).
  const totals = new Map<Frequency, number>();
  const all = new Map<Frequency, number>();
  for (const p of selected) {
    const f = frequencyOfPoint(p);
    all.set(f, (all.get(f) ?? 0) + 1);
    if (!p.subject) totals.set(f, (totals.get(f) ?? 0) + 1);
  }
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
  const ofFrequency = selected.filter((p) => frequencyOfPoint(p) === frequency);
  const hasTotals = ofFrequency.some((p) => !p.subject);
  const hasParts = ofFrequency.some((p) => p.subject !== "");
  // Parts start hidden beside totals; with no totals they are all there is, and always shown, so
  // the chart is never empty while the table has rows.
  const showSubjects = hasParts && (!hasTotals || (view.subjects ?? false));
  const drawn = showSubjects ? ofFrequency : ofFrequency.filter((p) => !p.subject);

  const periods = periodsOf(selected);
  const regionsPer = new Map<string, Set<string>>();
  for (const p of selected) {
    if (p.subject) continue;
    let set = regionsPer.get(p.period);
    if (!set) regionsPer.set(p.period, (set = new Set()));
    set.add(p.region);
  }
  let comparePeriod: string | null = null;
  if (view.period && periods.some((p) => p.period === view.period)) comparePeriod = view.period;
  else {
    // Default: the period most districts report totals for, the latest of those.
    let bestCount = -1;
    for (const p of periods) {
      const n = regionsPer.get(p.period)?.size ?? 0;
      if (n >= bestCount) [comparePeriod, bestCount] = [p.period, n];
    }
  }
  const compareHasTotals = comparePeriod !== null && (regionsPer.get(comparePeriod)?.size ?? 0) > 0;
  const compared = comparePeriod
    ? comparisonPoints(selected, comparePeriod, !compareHasTotals || (view.subjects ?? false))
    : [];

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
    periods,
    comparePeriod,
    compared,
  };
}
