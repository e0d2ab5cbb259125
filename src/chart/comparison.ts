// Chart option of the comparison view: one period, the districts side by side as horizontal bars,
// sorted so the largest is on top.
import type { EChartsCoreOption } from "echarts/core";
import type { Point } from "../model/aggregate.ts";
import { QUALIFIERS } from "../model/contract.ts";
import { displayUnit, kindName, t } from "../i18n/dictionary.ts";
import { FONT_FAMILY, displayValue } from "./format.ts";
import { regionColor } from "./palette.ts";
import {
  TUPLE_AT,
  TUPLE_VALUE,
  tupleLabel,
  tupleTooltipData,
  type ChartConfig,
  type PointTuple,
} from "./timeSeries.ts";
import { pointTooltip } from "./tooltip.ts";
import { STATE_LABEL } from "../i18n/stateLabel.ts";

export function buildComparisonOption(
  config: Omit<ChartConfig, "chartType">,
  period: string,
  points: readonly Point[],
): EChartsCoreOption {
  const { lang, unit, indicator } = config;
  const unitLabel = displayUnit(lang, indicator, unit);
  // Ascending: a category axis draws its first entry at the bottom.
  const sorted = [...points].sort((a, b) => a.value - b.value);
  const articleOf = (tuple: readonly number[]) => {
    const p = sorted[tuple[TUPLE_AT] ?? -1];
    return p ? config.articleName?.(p.source) : undefined;
  };
  const names = sorted.map(
    (p) =>
      `${config.regionName(p.region)}${p.subject ? ` · ${p.subject}` : ""}${
        p.kind === "actual" ? "" : ` · ${kindName(lang, p.kind)}`
      }`,
  );
  const data = sorted.map((p, i) => {
    const color = regionColor(p.region, config.tableKeys);
    const value: PointTuple = [
      i,
      displayValue(p.value, unit),
      p.id,
      QUALIFIERS.indexOf(p.qualifier),
      p.sourceCount,
      p.disagree ? 1 : 0,
    ];
    return {
      value,
      // Estimates and targets are hollow, as in the time chart.
      ...(p.disagree ? { label: { color: "#c62828", fontWeight: "bold" } } : {}),
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
    // The description a screen reader hears is the container's label (describeComparison).
    aria: { enabled: false },
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    grid: { left: 16, right: 72, top: 32, bottom: 24 },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: { seriesName?: string; name?: string; value?: unknown }) =>
        Array.isArray(params.value)
          ? pointTooltip(
              {
                seriesName: names[params.value[TUPLE_AT] as number] ?? "",
                name: period,
                data: tupleTooltipData(params.value as number[], lang),
                article: articleOf(params.value as number[]),
              },
              unitLabel,
              (n) => t(lang, "reportedBy", { n }),
              t(lang, "reportsDisagree"),
              t(lang, STATE_LABEL[sorted[params.value[TUPLE_AT] as number]?.review ?? ""]),
            )
          : "",
    },
    xAxis: { type: "value", name: unitLabel },
    yAxis: { type: "category", data: names, axisLabel: { width: 140, overflow: "truncate" } },
    series: [
      {
        type: "bar",
        name: period,
        barMaxWidth: 36,
        data,
        encode: { x: TUPLE_VALUE, y: TUPLE_AT },
        label: {
          show: true,
          position: "right",
          formatter: (params: { value?: unknown }) =>
            Array.isArray(params.value) ? tupleLabel(params.value as number[], lang) : "",
        },
      },
    ],
  };
}
