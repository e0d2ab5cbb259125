// The one state of the dashboard's view, and its two-way mapping to the URL query, so a reload or
// a shared link shows the same chart. Anything unknown or malformed falls back to its default.
import { isIndicator, type Indicator } from "../model/contract.ts";
import { FREQUENCIES, type Frequency } from "../model/period.ts";
import type { FactSort, SortColumn } from "../model/facts.ts";
import { CHART_TYPES, type ChartType } from "../chart/chartType.ts";
import { LANGUAGES, type Language } from "../model/language.ts";

// The shared types stay importable from here for the components above the state.
export { CHART_TYPES, LANGUAGES, type ChartType, type Language };

export const SORT_COLUMNS: readonly SortColumn[] = [
  "region",
  "period",
  "value",
  "kind",
  "subject",
  "text",
  "quote",
  "source",
  "published",
  "indicator",
  "qualifier",
];

/**
 * A view's id (src/views/registry.ts lists them): a string here, so the state never imports the
 * views above it; the page passes the registered ids to parseViewState.
 */
export type ViewTab = string;
const VIEW_ID = /^[a-z][a-z0-9-]{0,30}$/;

export interface ViewState {
  indicator: Indicator;
  /** Region keys shown; null means every region of the table. */
  regions: readonly string[] | null;
  /** First and last year shown, inclusive; null leaves that end open. */
  from: number | null;
  to: number | null;
  /** The period of the comparison view; null picks the latest one with data. */
  period: string | null;
  chart: ChartType;
  view: ViewTab;
  lang: Language;
  /** The time chart's frequency; null picks the one with the most points. */
  freq: Frequency | null;
  /** Whether figures about subjects are drawn; null: only when there are no region-wide ones. */
  subjects: boolean | null;
  /** The table's search text and sort. */
  search: string;
  sort: FactSort;
  /** The table lists only figures whose reports disagree. */
  disputed: boolean;
  /** The district whose page is shown (view "district"). */
  district: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  indicator: "fixed_asset_investment",
  regions: null,
  from: null,
  to: null,
  period: null,
  chart: "line",
  view: "chart",
  lang: "zh",
  freq: null,
  subjects: null,
  search: "",
  sort: { column: "period", descending: false },
  disputed: false,
  district: null,
};

/** The view's own query parameters; anything else (such as ?csv=) is left alone. */
const VIEW_PARAMS = [
  "indicator",
  "regions",
  "from",
  "to",
  "period",
  "chart",
  "view",
  "lang",
  "freq",
  "subjects",
  "q",
  "sort",
  "disputed",
  "district",
];

function parseSort(value: string | null): FactSort {
  if (value === null) return DEFAULT_VIEW.sort;
  const descending = value.startsWith("-");
  const column = descending ? value.slice(1) : value;
  return (SORT_COLUMNS as readonly string[]).includes(column)
    ? { column: column as SortColumn, descending }
    : DEFAULT_VIEW.sort;
}

const REGION_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const YEAR = /^\d{4}$/;
const PERIOD = /^[0-9QH/-]{4,21}$/;

const oneOf = <T extends string>(options: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (options as readonly string[]).includes(value) ? (value as T) : fallback;

function year(value: string | null): number | null {
  if (value === null || !YEAR.test(value)) return null;
  const n = Number(value);
  return n >= 1900 && n <= 2200 ? n : null;
}

/**
 * Reads the view from a query string; never throws. With the registered view ids, a view that is
 * not one of them falls back to the default; without, any well-formed id is kept.
 */
export function parseViewState(search: string, viewIds?: readonly string[]): ViewState {
  const params = new URLSearchParams(search);
  const indicator = params.get("indicator");
  const rawRegions = params.get("regions");
  let regions: string[] | null = null;
  if (rawRegions !== null) {
    regions = [...new Set(rawRegions.split(",").filter((k) => REGION_KEY.test(k)))];
    // "regions=garbage" names nothing usable: show everything rather than an empty chart.
    if (!regions.length && rawRegions !== "") regions = null;
  }
  let from = year(params.get("from"));
  let to = year(params.get("to"));
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  const period = params.get("period");
  const view = params.get("view");
  return {
    indicator: indicator !== null && isIndicator(indicator) ? indicator : DEFAULT_VIEW.indicator,
    regions,
    from,
    to,
    period: period !== null && PERIOD.test(period) ? period : null,
    chart: oneOf(CHART_TYPES, params.get("chart"), DEFAULT_VIEW.chart),
    view:
      view !== null && (viewIds ? viewIds.includes(view) : VIEW_ID.test(view))
        ? view
        : DEFAULT_VIEW.view,
    lang: oneOf(LANGUAGES, params.get("lang"), DEFAULT_VIEW.lang),
    freq: oneOf<Frequency | "">(FREQUENCIES, params.get("freq"), "") || null,
    subjects: params.get("subjects") === "1" ? true : params.get("subjects") === "0" ? false : null,
    // Search text is the user's own: kept as typed, only bounded in length.
    search: (params.get("q") ?? "").slice(0, 200),
    sort: parseSort(params.get("sort")),
    disputed: params.get("disputed") === "1",
    district: REGION_KEY.test(params.get("district") ?? "") ? params.get("district") : null,
  };
}

/**
 * Writes the view into a query string, leaving defaults out so links stay short, and keeping
 * parameters that are not part of the view (such as ?csv=).
 */
export function serializeViewState(state: ViewState, keep = ""): string {
  const params = new URLSearchParams(keep);
  for (const key of VIEW_PARAMS) params.delete(key);
  if (state.indicator !== DEFAULT_VIEW.indicator) params.set("indicator", state.indicator);
  if (state.regions !== null) params.set("regions", state.regions.join(","));
  if (state.from !== null) params.set("from", String(state.from));
  if (state.to !== null) params.set("to", String(state.to));
  if (state.period !== null) params.set("period", state.period);
  if (state.chart !== DEFAULT_VIEW.chart) params.set("chart", state.chart);
  if (state.view !== DEFAULT_VIEW.view) params.set("view", state.view);
  if (state.lang !== DEFAULT_VIEW.lang) params.set("lang", state.lang);
  if (state.freq !== null) params.set("freq", state.freq);
  if (state.subjects !== null) params.set("subjects", state.subjects ? "1" : "0");
  if (state.search) params.set("q", state.search);
  if (state.sort.column !== DEFAULT_VIEW.sort.column || state.sort.descending)
    params.set("sort", `${state.sort.descending ? "-" : ""}${state.sort.column}`);
  if (state.disputed) params.set("disputed", "1");
  if (state.district !== null) params.set("district", state.district);
  const query = params.toString().replace(/%2C/g, ",");
  return query ? `?${query}` : "";
}

/** The regions actually shown: the chosen ones that exist, in the table's order. */
export function shownRegions(state: ViewState, tableKeys: readonly string[]): string[] {
  if (state.regions === null) return [...tableKeys];
  const chosen = new Set(state.regions);
  return tableKeys.filter((k) => chosen.has(k));
}

/**
 * The filter after a district is picked on the map: that district alone, or, when it already is
 * the only one shown, every region again.
 */
export function pickDistrict(
  regions: readonly string[] | null,
  key: string,
): readonly string[] | null {
  return regions !== null && regions.length === 1 && regions[0] === key ? null : [key];
}

/** The change that opens a district's page. */
export const openDistrict = (key: string): Partial<ViewState> => ({
  view: "district",
  district: key,
});

/** The address of a district's page from the current view, for a link that can be shared. */
export function districtHref(state: ViewState, key: string, current: string): string {
  return serializeViewState({ ...state, ...openDistrict(key) }, current) || "?";
}
