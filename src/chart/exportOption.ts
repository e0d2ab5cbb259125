// The exported image must stand alone in a report: the plot plus a title, the unit, the
// districts, the period and where the numbers come from. This adds those to a view's option.
import type { EChartsCoreOption } from "echarts/core";
import { FONT_FAMILY } from "./format.ts";

export interface ExportText {
  title: string;
  /** Districts and period, e.g. "蓬江区、新会区 · 2021—2023". */
  subtitle: string;
  /** Publishers and dates, e.g. "数据来源:江门日报 2023-07;羊城晚报 2022-05". */
  sourceLine: string;
}

/** Extra height the title block and the source line take, in CSS pixels. */
export const EXPORT_TOP = 64;
export const EXPORT_BOTTOM = 36;

export function buildExportOption(option: EChartsCoreOption, text: ExportText): EChartsCoreOption {
  const grid = (option.grid ?? {}) as Record<string, unknown>;
  const legend = option.legend as Record<string, unknown> | undefined;
  return {
    ...option,
    animation: false,
    title: {
      text: text.title,
      subtext: text.subtitle,
      left: 16,
      top: 8,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 18, fontWeight: "bold", color: "#1a1a1a" },
      subtextStyle: { fontFamily: FONT_FAMILY, fontSize: 12, color: "#444" },
    },
    legend: legend ? { ...legend, top: EXPORT_TOP - 8, left: 16, right: 16 } : undefined,
    // Several grids (a district's page) are placed by their tops and heights: moved down only.
    grid: Array.isArray(option.grid)
      ? (option.grid as Record<string, unknown>[]).map((g) => ({
          ...g,
          top: Number(g.top ?? 0) + EXPORT_TOP,
        }))
      : {
          ...grid,
          top: Number(grid.top ?? 48) + EXPORT_TOP,
          bottom: Number(grid.bottom ?? 40) + EXPORT_BOTTOM,
        },
    // The slider is an on-screen control; the image shows the zoomed window without it.
    dataZoom: Array.isArray(option.dataZoom)
      ? (option.dataZoom as Record<string, unknown>[]).map((z) => ({ ...z, type: "inside" }))
      : option.dataZoom,
    // A map places its series and its legend (graphic elements) itself: below the title block.
    series:
      Array.isArray(option.series) &&
      (option.series as Record<string, unknown>[]).some((x) => typeof x.top === "number")
        ? (option.series as Record<string, unknown>[]).map((series) =>
            typeof series.top === "number"
              ? {
                  ...series,
                  top: series.top + EXPORT_TOP,
                  bottom: Number(series.bottom ?? 0) + EXPORT_BOTTOM,
                }
              : series,
          )
        : option.series,
    tooltip: undefined,
    graphic: [
      ...(Array.isArray(option.graphic) ? (option.graphic as Record<string, unknown>[]) : []).map(
        (g) => (typeof g.top === "number" ? { ...g, top: g.top + EXPORT_TOP } : g),
      ),
      {
        type: "text",
        left: 16,
        bottom: 10,
        style: { text: text.sourceLine, fontFamily: FONT_FAMILY, fontSize: 11, fill: "#555" },
      },
    ],
  };
}
