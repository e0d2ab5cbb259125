// Chart option of the comparison view: one period, the districts side by side as horizontal bars,
// sorted so the largest is on top.
import type { EChartsCoreOption } from "echarts/core";
import type { Point } from "../model/aggregate.ts";
import { displayUnit, kindName, t } from "../i18n/dictionary.ts";
import { FONT_FAMILY, displayValue, markedValue } from "./format.ts";
import { regionColor } from "./palette.ts";
import type { ChartConfig, PointDatum } from "./timeSeries.ts";
import { pointTooltip } from "./tooltip.ts";

export function buildComparisonOption(
  config: Omit<ChartConfig, "chartType">,
  period: string,
  points: readonly Point[],
): EChartsCoreOption {
  const { lang, unit, indicator } = config;
  const unitLabel = displayUnit(lang, indicator, unit);
  // Ascending: a category axis draws its first entry at the bottom.
  const sorted = [...points].sort((a, b) => a.value - b.value);
  const names = sorted.map((p) =>
    p.kind === "actual"
      ? config.regionName(p.region)
      : `${config.regionName(p.region)} · ${kindName(lang, p.kind)}`,
  );
  const data = sorted.map((p): PointDatum & { itemStyle: Record<string, unknown> } => {
    const value = displayValue(p.value, unit);
    const color = regionColor(p.region, config.tableKeys);
    return {
      value,
      label: markedValue(value, p.qualifier, lang),
      facts: p.facts,
      itemStyle:
        p.kind === "actual"
          ? { color }
          : {
              color: "rgba(255,255,255,0)",
              borderColor: color,
              borderWidth: 2,
              borderType: "dashed",
            },
    };
  });
  return {
    // ECharts writes a description of the series and values into the container's aria-label.
    aria: { enabled: true },
    textStyle: { fontFamily: FONT_FAMILY },
    grid: { left: 16, right: 72, top: 32, bottom: 24 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: { seriesName?: string; name?: string; data?: PointDatum | null }) =>
        pointTooltip(params, unitLabel, (n) => t(lang, "reportedBy", { n })),
    },
    xAxis: { type: "value", name: unitLabel },
    yAxis: { type: "category", data: names, axisLabel: { width: 140, overflow: "truncate" } },
    series: [
      {
        type: "bar",
        name: period,
        data,
        label: {
          show: true,
          position: "right",
          formatter: (params: { data?: PointDatum | null }) => params.data?.label ?? "",
        },
      },
    ],
  };
}
