// Chart option of the time view. Time is on a time axis: each period sits at its real place, the
// point at its middle and a faint bar across its span, so a five-year interval reaches over the
// years it covers and a missing year leaves a gap. A region's line is its region-wide figures
// only, and joins only periods of one length (years with years, 1—5月 with 1—5月); figures about a
// subject (a project, a kind of firm, a partner) are separate markers named by their subject.
// Estimates and targets are their own, dashed and hollow series, so nobody reads them as actuals.
import type { EChartsCoreOption } from "echarts/core";
import type { Point } from "../model/aggregate.ts";
import type { Indicator, Kind, Unit } from "../model/contract.ts";
import { lineClass, middleOfDays, startMonth } from "../model/period.ts";
import { displayUnit, kindName, t } from "../i18n/dictionary.ts";
import type { ChartType } from "./chartType.ts";
import type { Language } from "../model/language.ts";
import { FONT_FAMILY, displayValue, markedValue } from "./format.ts";
import { QUALIFIERS } from "../model/contract.ts";
import { regionColor } from "./palette.ts";
import { pointTooltip } from "./tooltip.ts";
import { planTimeAxis, timeAxisOption } from "./timeAxis.ts";
import { STATE_LABEL } from "../i18n/stateLabel.ts";

export interface ChartConfig {
  indicator: Indicator;
  unit: Unit;
  lang: Language;
  chartType: ChartType;
  /** Regions shown, in the region table's order. */
  regions: readonly string[];
  /** Every key of the region table, for stable colours. */
  tableKeys: readonly string[];
  regionName: (key: string) => string;
  /** Whether figures about a subject are drawn (as markers beside the regions' lines). */
  showSubjects?: boolean;
  /** An article's name for a reader (title, publisher, date) from its document id. */
  articleName?: (source: string) => string;
  /** The shown indicator's items written ahead (see AheadItems), when they are. */
  ahead?: AheadItems;
}

/**
 * A chart data item: plain numbers, which ECharts handles far faster than objects on large files.
 * [time (ms, the period's middle), value as drawn, point id, qualifier index, number of articles,
 * 1 when its reports disagree]
 */
export type PointTuple = [number, number, number, number, number, number];
const AT = 0;
const VALUE = 1;
const POINT = 2;
const QUALIFIER = 3;
const FACTS = 4;
const DISAGREE = 5;

/** The point id of a clicked data item, if it is one of ours (a line break has none). */
export function pointIdOf(data: unknown): number | null {
  return Array.isArray(data) && Number.isInteger(data[POINT]) ? (data[POINT] as number) : null;
}

/** An empty item: ECharts draws nothing for it and does not join the line across it. */
const lineBreakAt = (at: number): PointTuple => [at, NaN, NaN, 0, 0, 0];

/**
 * The numbers of a batched marker, declared on a batched series whose data is one flat array: a
 * tuple's first three (time, value, point id). What else a tooltip says is read from the point,
 * found by its id, as its article is; a batched series shows no label. ECharts keeps every declared
 * number of every item in a column of its own (and copies it there from our array), so three
 * numbers an item instead of six halve both arrays of a drawing of 100,000 markers.
 */
export const ITEM_DIMENSIONS = ["at", "value", "point"];

/** A qualifier's index in QUALIFIERS, by name (indexOf compares strings one by one). */
const QUALIFIER_INDEX = new Map<string, number>(QUALIFIERS.map((q, i) => [q, i]));

/** Writes a batched marker's numbers (see ITEM_DIMENSIONS) into `out` from `at`. */
function writeItem(p: Point, unit: Unit, out: number[] | Float64Array, at: number): void {
  out[at + AT] = middleOfDays(p.periodStart, p.periodEnd);
  out[at + VALUE] = displayValue(p.value, unit);
  out[at + POINT] = p.id;
}

/** Writes a point's tuple (see PointTuple) into `out` from `at`. */
function writeTuple(p: Point, unit: Unit, out: number[] | Float64Array, at: number): void {
  writeItem(p, unit, out, at);
  out[at + QUALIFIER] = QUALIFIER_INDEX.get(p.qualifier) ?? 0;
  out[at + FACTS] = p.sourceCount;
  out[at + DISAGREE] = p.disagree ? 1 : 0;
}

/**
 * Batched markers' items as one flat array of numbers, ITEM_DIMENSIONS per item, written
 * straight from the points. ECharts copies a typed array into its store column by column, where
 * an array of 100,000 small arrays is read item by item (and walked once more for styles an item
 * could carry), and no small array is made or kept per marker: the largest part of an indicator
 * switch to 100,000 markers. ECharts gives each item back as the start of a tuple (a tooltip's
 * value, with the point id where a tuple has it).
 */
export function flatTuples(points: readonly Point[], unit: Unit, ahead?: AheadItems): Float64Array {
  const size = ITEM_DIMENSIONS.length;
  const flat = new Float64Array(points.length * size);
  const usable = ahead && ahead.unit === unit && ahead.written === ahead.ids.length;
  // Drawn points keep the array's order, so each is looked for after the one before.
  let after = 0;
  for (let i = 0, to = 0; i < points.length; i++, to += size) {
    const p = points[i]!;
    const at = usable ? aheadPosition(ahead, p, after) : -1;
    if (at < 0) {
      writeItem(p, unit, flat, to);
      continue;
    }
    after = at + 1;
    const items = ahead!.items;
    const from = at * size;
    for (let k = 0; k < size; k++) flat[to + k] = items[from + k]!;
  }
  return flat;
}

/**
 * An indicator's points with their batched items written ahead (ITEM_DIMENSIONS a point) in the
 * array's order, so the first drawing of a large indicator copies its markers' items instead of
 * writing 100,000 of them in the task that renders it (about half of that task on the big file,
 * 50–60 ms under load). The page writes them a slice at a time beside the points' own slices and
 * keeps them with the points (views/indicatorPoints.ts); a drawn point is found by its id, which
 * ascends along the array.
 */
export interface AheadItems {
  readonly unit: Unit;
  /** The points the items were written from (a drawn point must be one of these objects): the
   * page's own array, not a copy. */
  readonly points: readonly Point[];
  readonly ids: Uint32Array;
  readonly items: Float64Array;
  /** How many points, from the first, have their item written. */
  written: number;
  /** Whether the ids ascend, so that a point can be found by its id. */
  ascending: boolean;
}

/**
 * Writes the items of points[from, to) of an array of `total` points, in order: slice after
 * slice, each as its points are made, into `ahead` (the items written so far for the same points
 * and unit, kept by the page beside its points) or into new items. Returns the items to keep.
 */
export function writeItemsAhead(
  points: readonly Point[],
  unit: Unit,
  total: number,
  from: number,
  to: number,
  ahead?: AheadItems,
): AheadItems {
  if (!ahead || ahead.points !== points || ahead.unit !== unit || ahead.ids.length !== total)
    ahead = {
      unit,
      points,
      ids: new Uint32Array(total),
      items: new Float64Array(total * ITEM_DIMENSIONS.length),
      written: 0,
      ascending: true,
    };
  if (from !== ahead.written || to > total || to > points.length) return ahead;
  for (let i = from; i < to; i++) {
    const p = points[i]!;
    if (i > 0 && p.id <= ahead.ids[i - 1]!) ahead.ascending = false;
    ahead.ids[i] = p.id;
    writeItem(p, unit, ahead.items, i * ITEM_DIMENSIONS.length);
  }
  ahead.written = to;
  return ahead;
}

/** `ahead` if it holds the items of every point of `points` in `unit`. */
export function itemsAhead(
  ahead: AheadItems | undefined,
  points: readonly Point[],
  unit: Unit,
): AheadItems | undefined {
  return ahead &&
    ahead.points === points &&
    ahead.unit === unit &&
    ahead.written === points.length &&
    ahead.ascending
    ? ahead
    : undefined;
}

/** Where `p` is among the points written ahead, looked for from `after` on (then before it), or
 * -1 (not one of them). Strides double from `after` until they pass the id, then halve: a point a
 * few places on is found in a few steps. */
function aheadPosition(ahead: AheadItems, p: Point, after: number): number {
  const ids = ahead.ids;
  const last = ahead.written - 1;
  let lo = 0;
  let hi = last;
  if (after <= last && ids[after]! <= p.id) {
    lo = after;
    let stride = 1;
    while (lo + stride <= last && ids[lo + stride]! <= p.id) {
      lo += stride;
      stride *= 2;
    }
    hi = Math.min(last, lo + stride);
  }
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const id = ids[mid]!;
    if (id < p.id) lo = mid + 1;
    else if (id > p.id) hi = mid - 1;
    else return ahead.points[mid] === p ? mid : -1;
  }
  return -1;
}

/** The mark of a figure whose reports disagree. */
export const DISAGREE_MARK = "≠";
const DISAGREE_COLOR = "#c62828";

/** "≈2,300", ">220", "≠2,300": the value of a data item with its qualifier mark. */
export const tupleLabel = (tuple: readonly number[], lang: Language) =>
  `${tuple[DISAGREE] ? DISAGREE_MARK : ""}${markedValue(
    tuple[VALUE] ?? 0,
    QUALIFIERS[tuple[QUALIFIER] ?? 0] ?? "exact",
    lang,
  )}`;

/** The text of a data item for tooltips: label, number of reports, whether they disagree. */
export const tupleTooltipData = (tuple: readonly number[], lang: Language) => ({
  label: markedValue(tuple[VALUE] ?? 0, QUALIFIERS[tuple[QUALIFIER] ?? 0] ?? "exact", lang),
  n: tuple[FACTS] ?? 1,
  disagree: tuple[DISAGREE] === 1,
});

/** The same as tupleLabel and tupleTooltipData, for an item whose point is known: a batched
 * marker's item carries no more than ITEM_DIMENSIONS, the rest is the point's. */
const pointLabel = (value: number, p: Point, lang: Language) =>
  `${p.disagree ? DISAGREE_MARK : ""}${markedValue(value, p.qualifier, lang)}`;
const pointTooltipData = (value: number, p: Point, lang: Language) => ({
  label: markedValue(value, p.qualifier, lang),
  n: p.sourceCount,
  disagree: p.disagree,
});

export { AT as TUPLE_AT, VALUE as TUPLE_VALUE };

const KINDS_IN_ORDER: readonly Kind[] = ["actual", "estimate", "target"];
const LINE_TYPE: Record<Kind, "solid" | "dashed" | "dotted"> = {
  actual: "solid",
  estimate: "dashed",
  target: "dotted",
};
const SYMBOL: Record<Kind, string> = {
  actual: "circle",
  estimate: "emptyCircle",
  target: "emptyTriangle",
};

/** Beyond this many points the chart switches to large-data settings and hides point labels. */
export const LARGE_SERIES = 200;
/** A region's subject markers are labelled (subject and value) up to this many. */
const SUBJECT_LABELS = 40;

/**
 * Markers of one scatter series (subject figures, disagreement marks) beyond which ECharts draws
 * them batched as small filled squares. 100,000 subject figures drawn as hollow shapes,
 * one element each, took 5–20 s to redraw (a stroke per shape); batched but still stroked, the
 * browser spent up to 25 s rasterising the one path. Below it markers keep their hollow shapes
 * (subject figures each its own element with hover; see BATCHED_MARKS for disagreement marks).
 */
export const LARGE_MARKERS = 2000;
/**
 * Disagreement marks beyond this many are drawn as one path of the same hollow diamonds: as
 * elements of their own, 2,000 marks took 70 ms of each redraw on the big file (made, then
 * culled and stroked one by one), about half of a district toggle.
 */
export const BATCHED_MARKS = 200;
/**
 * Batched hollow diamonds per path. Chromium's `closePath` costs more the longer the path it
 * closes: in a page of our own at load 9, 2,000 diamonds stroked as one path took 19–22 ms, as ten
 * paths of 200 2.4–4.9 ms, and 2.3 ms as one path with no closePath at all; ECharts closes every
 * diamond of a batched series in one path, which was most of a district toggle's painting.
 */
export const MARKS_PER_PATH = 200;
/** Batched markers this small are drawn with fillRect, not a path: ECharts' boost below 4 px. */
const DOT_SIZE = 3;
/**
 * Batched markers drawn per frame. At 2,000 a frame, 100,000 markers took 50 frames, so a
 * district toggle waited most of a second for frames while the page sat idle; at 25,000, the
 * first frame's fillRects (drawn in the task that sets the option) took 70 ms on the shared
 * machine, a long task of their own. 10,000 is ten frames of about 30 ms.
 */
export const MARKERS_PER_FRAME = 10_000;

/** ECharts' settings for a scatter series of `count` markers: `small` looks, or batched dots of
 * `dotColor`. */
function markerStyle(
  points: readonly Point[],
  unit: Unit,
  small: { symbolSize: number; itemStyle: Record<string, unknown>; data: () => unknown[] },
  dotColor: string,
  shapesBatchedFrom = LARGE_MARKERS,
  ahead?: AheadItems,
) {
  if (points.length <= shapesBatchedFrom) return { large: false, ...small, data: small.data() };
  const flat = { data: flatTuplesKept(points, unit, ahead), dimensions: ITEM_DIMENSIONS };
  // The same shapes, drawn as one path: no element (and no hover highlight) per marker, and a
  // single stroke, which stays quick at a couple of thousand shapes.
  if (points.length <= LARGE_MARKERS)
    return {
      large: true,
      largeThreshold: shapesBatchedFrom,
      symbolSize: small.symbolSize,
      itemStyle: small.itemStyle,
      ...flat,
    };
  return {
    large: true,
    ...flat,
    largeThreshold: LARGE_MARKERS,
    // Drawn in a few frames, so no single task holds the page while 100,000 go down.
    progressive: MARKERS_PER_FRAME,
    progressiveThreshold: LARGE_MARKERS,
    symbolSize: DOT_SIZE,
    itemStyle: { color: dotColor, borderWidth: 0 },
  };
}

/**
 * ECharts draws `progressive` items of every progressive series in each frame, the first frame in
 * the task that sets the option: ten regions' batched markers at MARKERS_PER_FRAME each were
 * 100,000 fillRects in that one task. The frame's budget is shared among them instead.
 */
function shareFrameBudget(series: Record<string, unknown>[]): void {
  const batched = series.filter((s) => s.progressive === MARKERS_PER_FRAME);
  if (batched.length < 2) return;
  const share = Math.ceil(MARKERS_PER_FRAME / batched.length);
  for (const s of batched) s.progressive = share;
}

export const seriesName = (regionName: string, kind: Kind, lang: Language) =>
  kind === "actual" ? regionName : `${regionName} · ${kindName(lang, kind)}`;

/** The legend name of a region's figures about subjects. */
export const subjectSeriesName = (regionName: string, lang: Language) =>
  `${regionName} · ${t(lang, "subjectFigures")}`;

/**
 * Each point's data item, made once: the page keeps one Point object per point of the indicator
 * shown (and its unit never changes), so a redraw after a filter change reuses the items of every
 * point still drawn instead of making 100,000 arrays again.
 */
const tuplesByUnit = new Map<Unit, WeakMap<Point, PointTuple>>();
function tupleOf(p: Point, unit: Unit): PointTuple {
  let tuples = tuplesByUnit.get(unit);
  if (!tuples) tuplesByUnit.set(unit, (tuples = new WeakMap()));
  let tuple = tuples.get(p);
  if (!tuple) {
    tuple = [0, 0, 0, 0, 0, 0];
    writeTuple(p, unit, tuple, 0);
    tuples.set(p, tuple);
  }
  return tuple;
}

/**
 * A region's points as one line's data: each line class (years, quarters, 1—5月 …) is one run in
 * time order, runs kept apart by an empty item, and an empty item wherever a period is missing
 * between two neighbours (2019 then 2021), so a gap in time shows as a gap.
 */
export function lineData(points: readonly Point[], unit: Unit): PointTuple[] {
  const placed = points.map((p) => {
    const range = { start: p.periodStart, end: p.periodEnd };
    const cls = lineClass(p.period, range);
    return { p, cls, month: startMonth(range), tuple: tupleOf(p, unit) };
  });
  placed.sort(
    (a, b) =>
      (a.cls.key < b.cls.key ? -1 : a.cls.key > b.cls.key ? 1 : 0) || a.tuple[AT] - b.tuple[AT],
  );
  const data: PointTuple[] = [];
  placed.forEach((item, i) => {
    const before = placed[i - 1];
    if (
      before &&
      (before.cls.key !== item.cls.key ||
        item.cls.step === 0 ||
        item.month - before.month > item.cls.step)
    )
      data.push(lineBreakAt(item.tuple[AT]));
    data.push(item.tuple);
  });
  return data;
}

/**
 * A series' data kept with the points it was made from, found again by those points (the same
 * objects in the same order): a district toggle, a switch back to an indicator or a change of
 * the year range leaves most regions' lists as they were, and their data is not made again (a
 * line's items placed, sorted and broken into runs; a span's three items a point). A few lists a
 * first point; dropped with the points.
 */
const keptData = new WeakMap<Point, { points: readonly Point[]; key: string; data: unknown[] }[]>();
const KEPT_PER_POINT = 4;

function sameList(a: readonly Point[], b: readonly Point[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `make(points)`, or what it made before for the same points and key (the kind of data and its
 * unit). */
export function keptSeriesData<T>(
  points: readonly Point[],
  key: string,
  make: (points: readonly Point[]) => T[],
): T[] {
  const head = points[0];
  if (!head) return make(points);
  let kept = keptData.get(head);
  if (!kept) keptData.set(head, (kept = []));
  const found = kept.find((k) => k.key === key && sameList(k.points, points));
  if (found) return found.data as T[];
  const data = make(points);
  kept.unshift({ points, key, data });
  if (kept.length > KEPT_PER_POINT) kept.length = KEPT_PER_POINT;
  return data;
}

/** Faint bars across each period's span: [start, value], [end, value], then a break. */
function spanData(points: readonly Point[], unit: Unit): number[][] {
  const data: number[][] = [];
  for (const p of points) {
    const v = displayValue(p.value, unit);
    data.push([p.periodStart * 86_400_000, v], [(p.periodEnd + 1) * 86_400_000, v], [NaN, NaN]);
  }
  return data;
}

/**
 * The drawn points sorted into what the chart draws of them: each region's series of region-wide
 * figures per kind, its subject figures (when they are drawn), each drawn period's days (the axis
 * depends on those alone: one range per period, not one object per point) and the figures whose
 * reports disagree.
 */
export interface DrawnGroups {
  byRegionKind: Map<string, Point[]>;
  subjectsOf: Map<string, Point[]>;
  periodDays: Map<string, { start: number; end: number }>;
  disputed: Point[];
}

/** Groups per drawn array (the page makes one per change of a control, and keeps it). */
const groupsOf = new WeakMap<readonly Point[], { showSubjects: boolean; groups: DrawnGroups }>();

/**
 * The groups of a drawn array, in one pass, made on the first call and kept: a large indicator's
 * first visit makes them ahead (prepareTimeSeries), so the render that draws them only reads them.
 */
export function groupDrawn(points: readonly Point[], showSubjects: boolean): DrawnGroups {
  const kept = groupsOf.get(points);
  if (kept && kept.showSubjects === showSubjects) return kept.groups;
  const byRegionKind = new Map<string, Point[]>();
  const subjectsOf = new Map<string, Point[]>();
  const periodDays = new Map<string, { start: number; end: number }>();
  const disputed: Point[] = [];
  for (const p of points) {
    // Subject figures count only when they are drawn.
    if (p.subject) {
      if (!showSubjects) continue;
      const list = subjectsOf.get(p.region);
      if (list) list.push(p);
      else subjectsOf.set(p.region, [p]);
    } else {
      const key = `${p.region}\u0000${p.kind}`;
      const list = byRegionKind.get(key);
      if (list) list.push(p);
      else byRegionKind.set(key, [p]);
    }
    if (!periodDays.has(p.period))
      periodDays.set(p.period, { start: p.periodStart, end: p.periodEnd });
    if (p.disagree) disputed.push(p);
  }
  const groups = { byRegionKind, subjectsOf, periodDays, disputed };
  groupsOf.set(points, { showSubjects, groups });
  return groups;
}

/** Batched markers' flat items per array of points (a region's subject figures), per unit. */
const flatOf = new WeakMap<readonly Point[], { unit: Unit; flat: Float64Array }>();

/** flatTuples of `points`, made on the first call for the array and kept. */
export function flatTuplesKept(
  points: readonly Point[],
  unit: Unit,
  ahead?: AheadItems,
): Float64Array {
  const kept = flatOf.get(points);
  if (kept && kept.unit === unit) return kept.flat;
  const flat = flatTuples(points, unit, ahead);
  flatOf.set(points, { unit, flat });
  return flat;
}

/**
 * What a large indicator's first drawing would work out over every drawn point, done ahead, a
 * step a task (each `yield` ends one): the groups, each region's lines and spans (or bars) when
 * the chart's type is given, then the batched markers' items of each region's subject figures. The render that follows finds them made (groupDrawn, flatTuplesKept).
 */
export function* prepareTimeSeries(
  points: readonly Point[],
  showSubjects: boolean,
  unit: Unit,
  ahead?: AheadItems,
  chartType?: ChartType,
): Generator<void, void> {
  const { byRegionKind, subjectsOf } = groupDrawn(points, showSubjects);
  yield;
  // Each region's lines and spans (or bars), as the option will ask for them.
  if (chartType) {
    for (const list of byRegionKind.values())
      if (chartType === "line") {
        keptLineData(list, unit);
        keptSpanData(list, unit);
      } else keptBarData(list, unit);
    yield;
  }
  let copied = 0;
  for (const parts of subjectsOf.values()) {
    if (parts.length <= LARGE_MARKERS) continue;
    // A few regions' items a task: about 30,000 points.
    if (copied > 30_000) {
      yield;
      copied = 0;
    }
    flatTuplesKept(parts, unit, ahead);
    copied += parts.length;
  }
}

/** A region's series data of one kind, kept with its points (keptSeriesData). */
const keptLineData = (list: readonly Point[], unit: Unit) =>
  keptSeriesData(list, `line ${unit}`, (l) => lineData(l, unit));
const keptSpanData = (list: readonly Point[], unit: Unit) =>
  keptSeriesData(list, `span ${unit}`, (l) => spanData(l, unit));
const keptBarData = (list: readonly Point[], unit: Unit) =>
  keptSeriesData(list, `bar ${unit}`, (l) =>
    [...l].sort((a, b) => a.periodStart - b.periodStart).map((p) => tupleOf(p, unit)),
  );

export function buildTimeSeriesOption(
  config: ChartConfig,
  points: readonly Point[],
): EChartsCoreOption {
  const { lang, unit, indicator } = config;
  const large = points.length > LARGE_SERIES;
  const showLabels = !large && points.length <= 60;
  const unitLabel = displayUnit(lang, indicator, unit);
  // Only a tooltip or a label asks for a point by id: the map is made then, not on every redraw.
  let byIdMap: Map<number, Point> | null = null;
  const byId = {
    get: (id: number) => (byIdMap ??= new Map(points.map((p) => [p.id, p]))).get(id),
  };
  const line = config.chartType === "line";

  const { byRegionKind, subjectsOf, periodDays, disputed } = groupDrawn(
    points,
    config.showSubjects ?? false,
  );

  // The axis spans every drawn period.
  const axisPlan = planTimeAxis([...periodDays.values()]);
  const axisMiddle = axisPlan ? (axisPlan.min + axisPlan.max) / 2 : 0;

  const valueLabel = {
    show: showLabels,
    position: "top",
    fontSize: 11,
    formatter: (params: { value?: unknown }) =>
      Array.isArray(params.value) ? tupleLabel(params.value, lang) : "",
  };

  const series: Record<string, unknown>[] = [];
  const legend: string[] = [];
  for (const region of config.regions) {
    const color = regionColor(region, config.tableKeys);
    for (const kind of KINDS_IN_ORDER) {
      const list = byRegionKind.get(`${region}\u0000${kind}`);
      if (!list) continue;
      const name = seriesName(config.regionName(region), kind, lang);
      legend.push(name);
      const hollow = kind !== "actual";
      const common = {
        name,
        encode: { x: AT, y: VALUE },
        color,
        label: valueLabel,
        emphasis: { focus: "series" },
        ...(large ? { progressive: 2000, progressiveThreshold: 3000 } : {}),
      };
      if (line) {
        series.push({
          ...common,
          type: "line",
          data: keptLineData(list, unit),
          symbol: SYMBOL[kind],
          symbolSize: hollow ? 9 : 7,
          showSymbol: !large,
          lineStyle: { type: LINE_TYPE[kind], width: hollow ? 1.5 : 2 },
          itemStyle: { color, borderColor: color, borderWidth: hollow ? 2 : 1 },
        });
        // The span of each period, under its point: same name, so the legend toggles both.
        series.push({
          name,
          type: "line",
          data: keptSpanData(list, unit),
          silent: true,
          symbol: "none",
          // Not only no symbol: ECharts would otherwise still match every item of the old and
          // the new data to find symbols to draw (a third of a redraw's chart work on the big
          // file, for nothing drawn).
          showSymbol: false,
          color,
          lineStyle: { width: 5, opacity: 0.22, type: "solid", cap: "butt" },
          tooltip: { show: false },
          z: 1,
        });
      } else {
        series.push({
          ...common,
          type: "bar",
          large,
          data: keptBarData(list, unit),
          itemStyle: hollow
            ? {
                color: "rgba(255,255,255,0)",
                borderColor: color,
                borderWidth: 2,
                borderType: LINE_TYPE[kind],
              }
            : { color },
        });
      }
    }
    const parts = subjectsOf.get(region);
    if (parts) {
      const name = subjectSeriesName(config.regionName(region), lang);
      const labelled = parts.length <= SUBJECT_LABELS;
      legend.push(name);
      series.push({
        name,
        type: "scatter",
        color,
        symbol: "rect",
        ...markerStyle(
          parts,
          unit,
          {
            symbolSize: 9,
            itemStyle: { color: "rgba(255,255,255,0.9)", borderColor: color, borderWidth: 2 },
            // A labelled marker in the axis' right half has its label on its left, so no label
            // runs off the chart's edge.
            data: () =>
              parts.map((p) => {
                const tuple = tupleOf(p, unit);
                return labelled && tuple[AT] > axisMiddle
                  ? { value: tuple, label: { position: "left" } }
                  : tuple;
              }),
          },
          color,
          LARGE_MARKERS,
          config.ahead,
        ),
        encode: { x: AT, y: VALUE },
        label: {
          show: labelled,
          position: "right",
          fontSize: 10,
          color: "#555",
          width: 120,
          overflow: "truncate",
          formatter: (params: { value?: unknown }) => {
            const tuple = Array.isArray(params.value) ? (params.value as number[]) : null;
            const p = tuple ? byId.get(tuple[POINT]!) : null;
            return tuple && p ? `${p.subject} ${pointLabel(tuple[VALUE]!, p, lang)}` : "";
          },
        },
      });
    }
  }

  // Figures whose reports disagree: a red diamond over the point, in a legend entry of its own.
  if (disputed.length) {
    const name = t(lang, "disagreeLabel");
    legend.push(name);
    // Batched diamonds go down as several paths of at most MARKS_PER_PATH (see there), series of
    // one name, which the legend shows and toggles as one.
    const batched = disputed.length > BATCHED_MARKS && disputed.length <= LARGE_MARKERS;
    const chunks: Point[][] = [];
    // Even chunks: 201 marks are two paths of 101 and 100, not 200 and a lone mark.
    const size = Math.ceil(disputed.length / Math.ceil(disputed.length / MARKS_PER_PATH));
    if (batched)
      for (let from = 0; from < disputed.length; from += size)
        chunks.push(disputed.slice(from, from + size));
    else chunks.push(disputed);
    for (const chunk of chunks)
      series.push({
        name,
        type: "scatter",
        color: DISAGREE_COLOR,
        symbol: "diamond",
        ...markerStyle(
          chunk,
          unit,
          {
            symbolSize: 16,
            itemStyle: {
              color: "rgba(255,255,255,0)",
              borderColor: DISAGREE_COLOR,
              borderWidth: 2.5,
            },
            data: () => chunk.map((p) => tupleOf(p, unit)),
          },
          DISAGREE_COLOR,
          // A chunk is batched whatever its size, being part of a batched whole; not from 0: an
          // empty series in large mode (the new chart's frame, see EChart.tsx) throws in ECharts.
          batched ? 1 : BATCHED_MARKS,
          config.ahead,
        ),
        z: 5,
        encode: { x: AT, y: VALUE },
        label: { show: false },
      });
  }

  shareFrameBudget(series);

  return {
    // The description a screen reader hears is the container's label (describeChart), in words.
    aria: { enabled: false },
    // No animation: a filter change shows its result at once, and `finished` follows the draw.
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    legend: {
      type: "scroll",
      top: 0,
      left: 0,
      right: 0,
      data: legend,
      textStyle: { fontFamily: FONT_FAMILY },
    },
    grid: { left: 56, right: 36, top: 64, bottom: large ? 72 : 40 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: { seriesName?: string; value?: unknown }) => {
        if (!Array.isArray(params.value)) return "";
        const p = byId.get(params.value[POINT] as number);
        if (!p) return "";
        return pointTooltip(
          {
            seriesName: params.seriesName,
            name: p.subject ? `${p.period} · ${p.subject}` : p.period,
            data: pointTooltipData(params.value[VALUE] as number, p, lang),
            article: config.articleName?.(p.source),
          },
          unitLabel,
          (n) => t(lang, "reportedBy", { n }),
          t(lang, "reportsDisagree"),
          t(lang, STATE_LABEL[p.review]),
        );
      },
    },
    xAxis: timeAxisOption(axisPlan),
    yAxis: {
      type: "value",
      name: unitLabel,
      nameTextStyle: { align: "right" },
      nameGap: 12,
      scale: unit === "percent",
    },
    // The slider's shadow of the data is a second drawing of every point (100 ms a redraw for
    // 100,000 markers): the slider is a plain range here, the chart above it shows the data.
    dataZoom: large
      ? [{ type: "inside" }, { type: "slider", bottom: 8, height: 18, showDataShadow: false }]
      : [],
    series,
  };
}
