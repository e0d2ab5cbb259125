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

export function deriveDashboard(view: ViewState, data: DashboardData): Dashboard {
  const frequencyOfPoint = frequencyByLabel();
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
  const comparePeriod = pickPeriod(view.period, periods, selected);
  const compareHasTotals =
    comparePeriod !== null && selected.some((p) => !p.subject && p.period === comparePeriod);
  const compared = comparePeriod
    ? comparisonPoints(selected, comparePeriod, !compareHasTotals || (view.subjects ?? false))
    : [];

  // The map draws all districts whatever the filter, so its period does not move on a click.
  const mapTotals = selectPoints(data.points, {
    indicator: view.indicator,
    regions: data.tableKeys,
    from: view.from,
    to: view.to,
  }).filter((p) => !p.subject);
  const mapPeriods = periodsOf(mapTotals);
  const mapPeriod = pickPeriod(view.period, mapPeriods, mapTotals);
  const mapped = mapPeriod ? comparisonPoints(mapTotals, mapPeriod, false) : [];

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
    mapPeriods,
    mapPeriod,
    mapped,
  };
}
