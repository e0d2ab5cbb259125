// A district's page in words and as one composed chart: each indicator's figure as a reader sees
// it, and, for the exported image, a small line per indicator under the district's name.
import type { EChartsCoreOption } from "echarts/core";
import { INDICATOR_UNIT } from "../model/contract.ts";
import type { Point } from "../model/aggregate.ts";
import type { DistrictRow } from "./districtRows.ts";
import { displayUnit, indicatorLabel, kindName, t } from "../i18n/dictionary.ts";
import type { Language } from "../model/language.ts";
import { FONT_FAMILY, displayValue, escapeHtml, markedValue } from "./format.ts";

/** "≈503.23 亿元", with the kind when it is not an actual figure: "600 亿元 (目标)". */
export function figureText(p: Point, lang: Language): string {
  const unit = INDICATOR_UNIT[p.indicator];
  const value = `${markedValue(displayValue(p.value, unit), p.qualifier, lang)} ${displayUnit(
    lang,
    p.indicator,
    unit,
  )}`;
  return p.kind === "actual" ? value : `${value} (${kindName(lang, p.kind)})`;
}

/** A growth rate as read: "+8.5%", "-2.1%". */
export function growthText(p: Point, lang: Language): string {
  return `${p.value > 0 ? "+" : ""}${figureText(p, lang).replace(" %", "%")}`;
}

/** A figure about a subject, its subject named: "规模以上企业 145 家", "某项目 +12%". */
export function subjectFigureText(p: Point, lang: Language): string {
  const value = p.indicator.endsWith("_growth") ? growthText(p, lang) : figureText(p, lang);
  return `${p.subject} ${value}`;
}

/** One row's words for the image and the tooltip: "2021: 503.23 亿元 · +8.5%", or for a row
 * with figures about subjects only "2022: 规模以上企业 145 家". */
export function rowSummary(row: DistrictRow, lang: Language): string {
  if (!row.latest && !row.growth && row.subjects.length) {
    const more = row.subjectCount - row.subjects.length;
    const listed = row.subjects
      .map((p) => subjectFigureText(p, lang))
      .join(lang === "zh" ? "；" : "; ");
    return `${row.subjects[0]!.period}: ${listed}${more > 0 ? ` ${t(lang, "moreSubjects", { n: more })}` : ""}`;
  }
  const parts: string[] = [];
  if (row.latest) parts.push(`${row.latest.period}: ${figureText(row.latest, lang)}`);
  if (row.growth)
    parts.push(
      row.latest
        ? growthText(row.growth, lang)
        : `${row.growth.period}: ${t(lang, "growth")} ${growthText(row.growth, lang)}`,
    );
  return parts.join(" · ");
}

/** The tooltip of a point of the composed chart: HTML, so every piece is escaped. */
export function districtTooltip(indicator: string, period: string, value: string): string {
  return `<strong>${escapeHtml(indicator)}</strong><br>${escapeHtml(period)}: ${escapeHtml(value)}`;
}

export const DISTRICT_ROW_HEIGHT = 84;

/**
 * The page as one chart: per indicator with a figure, its label and summary on the left and its
 * trend as a small line on the right. The district's name is the export's title (ExportText).
 */
export function buildDistrictOption(
  rows: readonly DistrictRow[],
  lang: Language,
): { option: EChartsCoreOption; height: number } {
  const shown = rows.filter((r) => r.latest || r.growth || r.subjects.length);
  const top = (i: number) => 12 + i * DISTRICT_ROW_HEIGHT;
  const grid = shown.map((_, i) => ({
    left: 300,
    right: 32,
    top: top(i) + 8,
    height: DISTRICT_ROW_HEIGHT - 36,
  }));
  const axisLabel = { fontFamily: FONT_FAMILY, fontSize: 10, color: "#555" };
  const xAxis = shown.map((r, i) => ({
    type: "category",
    gridIndex: i,
    data: r.trend.map((p) => p.period),
    axisLabel,
    axisTick: { show: false },
  }));
  const yAxis = shown.map((_, i) => ({
    type: "value",
    gridIndex: i,
    scale: true,
    splitNumber: 2,
    axisLabel,
  }));
  const series = shown.map((r, i) => {
    const unit = INDICATOR_UNIT[r.indicator];
    return {
      type: "line",
      name: indicatorLabel(lang, r.indicator, unit),
      xAxisIndex: i,
      yAxisIndex: i,
      symbolSize: 6,
      lineStyle: { width: 2, color: "#1f5fa8" },
      itemStyle: { color: "#1f5fa8" },
      data: r.trend.map((p) => displayValue(p.value, unit)),
    };
  });
  const graphic = shown.flatMap((r, i) => [
    {
      type: "text",
      left: 16,
      top: top(i) + 10,
      style: {
        text: indicatorLabel(lang, r.indicator, INDICATOR_UNIT[r.indicator]),
        fontFamily: FONT_FAMILY,
        fontSize: 13,
        fontWeight: "bold",
        fill: "#1a1a1a",
      },
    },
    {
      type: "text",
      left: 16,
      top: top(i) + 32,
      style: {
        text: rowSummary(r, lang),
        fontFamily: FONT_FAMILY,
        fontSize: 12,
        fill: "#333",
        width: 270,
        overflow: "truncate",
      },
    },
  ]);
  return {
    height: Math.max(1, shown.length) * DISTRICT_ROW_HEIGHT + 16,
    option: {
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily: FONT_FAMILY },
      tooltip: {
        trigger: "item",
        formatter: (params: { seriesName?: string; name?: string; value?: unknown }) =>
          districtTooltip(params.seriesName ?? "", params.name ?? "", String(params.value ?? "")),
      },
      grid,
      xAxis,
      yAxis,
      series,
      graphic,
    },
  };
}
