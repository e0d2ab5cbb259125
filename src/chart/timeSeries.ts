// Chart option of the time view: one series per region and kind over the periods in time order.
// Estimates and targets are their own, dashed and hollow series, so nobody reads them as actuals.
import type { EChartsCoreOption } from "echarts/core";
import type { Point } from "../model/aggregate.ts";
import type { Indicator, Kind, Unit } from "../model/contract.ts";
import { periodGrain, type PeriodGrain } from "../model/period.ts";
import { displayUnit, kindName, t } from "../i18n/dictionary.ts";
import type { ChartType, Language } from "../state/viewState.ts";
import { FONT_FAMILY, displayValue, markedValue } from "./format.ts";
import { QUALIFIERS } from "../model/contract.ts";
import { regionColor } from "./palette.ts";
import { periodsOf } from "./select.ts";
import { pointTooltip } from "./tooltip.ts";

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
}

/**
 * A chart data item: plain numbers, which ECharts handles far faster than objects on large files.
 * [position on the category axis, value as drawn, point id, qualifier index, number of facts]
 */
export type PointTuple = [number, number, number, number, number];
const AT = 0;
const VALUE = 1;
const POINT = 2;
const QUALIFIER = 3;
const FACTS = 4;

/** The point id of a clicked data item, if it is one of ours (a line break has none). */
export function pointIdOf(data: unknown): number | null {
  return Array.isArray(data) && Number.isInteger(data[POINT]) ? (data[POINT] as number) : null;
}

const GRAIN_ORDER: Record<PeriodGrain, number> = {
  year: 0,
  half: 1,
  quarter: 2,
  month: 3,
  day: 4,
  span: 5,
};

/** An empty item: ECharts draws nothing for it and does not join the line across it. */
const lineBreakAt = (at: number): PointTuple => [at, NaN, NaN, 0, 0];

/** "≈2,300", ">220": the value of a data item with its qualifier mark. */
export const tupleLabel = (tuple: readonly number[], lang: Language) =>
  markedValue(tuple[VALUE] ?? 0, QUALIFIERS[tuple[QUALIFIER] ?? 0] ?? "exact", lang);

/** The text of a data item for tooltips: label and number of reports. */
export const tupleTooltipData = (tuple: readonly number[], lang: Language) => ({
  label: tupleLabel(tuple, lang),
  n: tuple[FACTS] ?? 1,
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

/** Beyond this many periods the chart switches to large-data settings and hides point labels. */
export const LARGE_SERIES = 200;

export const seriesName = (regionName: string, kind: Kind, lang: Language) =>
  kind === "actual" ? regionName : `${regionName} · ${kindName(lang, kind)}`;

export function buildTimeSeriesOption(
  config: ChartConfig,
  points: readonly Point[],
): EChartsCoreOption {
  const { lang, unit, indicator } = config;
  const periods = periodsOf(points);
  const column = new Map(periods.map((p, i) => [p.period, i]));
  const large = periods.length > LARGE_SERIES;
  const showLabels = !large && points.length <= 60;
  const unitLabel = displayUnit(lang, indicator, unit);

  const byRegionKind = new Map<string, Point[]>();
  for (const p of points) {
    const key = `${p.region}\u0000${p.kind}`;
    const list = byRegionKind.get(key);
    if (list) list.push(p);
    else byRegionKind.set(key, [p]);
  }

  const series: Record<string, unknown>[] = [];
  for (const region of config.regions) {
    for (const kind of KINDS_IN_ORDER) {
      const list = byRegionKind.get(`${region}\u0000${kind}`);
      if (!list) continue;
      const color = regionColor(region, config.tableKeys);
      const placed: { tuple: PointTuple; grain: PeriodGrain }[] = [];
      for (const p of list) {
        const at = column.get(p.period);
        if (at === undefined) continue;
        const tuple: PointTuple = [
          at,
          displayValue(p.value, unit),
          p.id,
          QUALIFIERS.indexOf(p.qualifier),
          p.factCount,
        ];
        placed.push({ tuple, grain: periodGrain(p.period) });
      }
      // A line joins only periods of one kind: years to years, quarters to quarters. ECharts
      // draws a line in data order, so each kind is one run in time order, runs kept apart by
      // an empty item; bars need no runs.
      const line = config.chartType === "line";
      placed.sort(
        (a, b) =>
          (line ? GRAIN_ORDER[a.grain] - GRAIN_ORDER[b.grain] : 0) || a.tuple[AT] - b.tuple[AT],
      );
      const data: PointTuple[] = [];
      placed.forEach(({ tuple, grain }, i) => {
        const before = placed[i - 1];
        if (line && before && before.grain !== grain) data.push(lineBreakAt(tuple[AT]));
        data.push(tuple);
      });
      const name = seriesName(config.regionName(region), kind, lang);
      const hollow = kind !== "actual";
      const common = {
        name,
        data,
        encode: { x: AT, y: VALUE },
        color,
        label: {
          show: showLabels,
          position: "top",
          fontSize: 11,
          formatter: (params: { data?: unknown }) =>
            Array.isArray(params.data) ? tupleLabel(params.data, lang) : "",
        },
        emphasis: { focus: "series" },
        ...(large ? { sampling: "lttb", progressive: 2000, progressiveThreshold: 3000 } : {}),
      };
      if (config.chartType === "line") {
        series.push({
          ...common,
          type: "line",
          symbol: SYMBOL[kind],
          symbolSize: hollow ? 9 : 7,
          showSymbol: !large,
          lineStyle: { type: LINE_TYPE[kind], width: hollow ? 1.5 : 2 },
          itemStyle: { color, borderColor: color, borderWidth: hollow ? 2 : 1 },
        });
      } else {
        series.push({
          ...common,
          type: "bar",
          large,
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
  }

  return {
    // ECharts writes a description of the series and values into the container's aria-label.
    aria: { enabled: true },
    // No animation: a filter change shows its result at once, and `finished` follows the draw.
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    legend: { type: "scroll", top: 0, left: 0, right: 0, textStyle: { fontFamily: FONT_FAMILY } },
    grid: { left: 56, right: 36, top: 64, bottom: periods.length > 30 ? 72 : 40 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: { seriesName?: string; name?: string; data?: unknown }) =>
        Array.isArray(params.data)
          ? pointTooltip(
              {
                seriesName: params.seriesName,
                name: periods[params.data[AT] as number]?.period ?? "",
                data: tupleTooltipData(params.data as number[], lang),
              },
              unitLabel,
              (n) => t(lang, "reportedBy", { n }),
            )
          : "",
    },
    xAxis: {
      type: "category",
      data: periods.map((p) => p.period),
      boundaryGap: config.chartType === "bar",
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: "value",
      name: unitLabel,
      nameTextStyle: { align: "right" },
      nameGap: 12,
      scale: unit === "percent",
    },
    dataZoom:
      periods.length > 30 ? [{ type: "inside" }, { type: "slider", bottom: 8, height: 18 }] : [],
    series,
  };
}
