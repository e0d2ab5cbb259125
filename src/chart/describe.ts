// What a screen reader hears for a chart: the indicator, the districts, the time span and the
// latest value of each district, in the interface language. Built from the points, never from
// ECharts' own description (which reads out raw data items and NaN for line breaks).
import type { Point } from "../model/aggregate.ts";
import type { Indicator, Unit } from "../model/contract.ts";
import { displayUnit, indicatorName, kindName, t } from "../i18n/dictionary.ts";
import type { Language } from "../model/language.ts";
import { displayValue, markedValue } from "./format.ts";

export interface DescribeConfig {
  indicator: Indicator;
  unit: Unit;
  lang: Language;
  regions: readonly string[];
  regionName: (key: string) => string;
}

const join = (lang: Language, items: readonly string[]) => items.join(lang === "zh" ? "、" : ", ");

function valueText(p: Point, config: DescribeConfig): string {
  const { lang, unit, indicator } = config;
  const value = markedValue(displayValue(p.value, unit), p.qualifier, lang);
  const unitText = displayUnit(lang, indicator, unit);
  const kind = p.kind === "actual" ? "" : ` (${kindName(lang, p.kind)})`;
  const dispute = p.disagree ? ` (${t(lang, "disagreeLabel")})` : "";
  return `${value}${unit === "percent" ? "" : " "}${unitText}${kind}${dispute}`;
}

/**
 * What the description and the span read of the drawn points, in one pass: the first and the last
 * period, and per region its latest region-wide figure, else its latest figure of any kind.
 */
export interface DrawnSummary {
  first: Point;
  last: Point;
  latestTotal: Map<string, Point>;
  latestAny: Map<string, Point>;
  /** Figures about a subject. */
  parts: number;
}

/** Summaries per drawn array (the page makes one per change of a control, and keeps it). */
const summaries = new WeakMap<readonly Point[], DrawnSummary>();

/**
 * The summary of a drawn array, made on the first call and kept: a large indicator's first visit
 * makes it ahead, in a task of its own, so the render that draws 100,000 points only reads it.
 */
export function summarizeDrawn(points: readonly Point[]): DrawnSummary | null {
  if (!points.length) return null;
  let summary = summaries.get(points);
  if (summary) return summary;
  let first = points[0]!;
  let last = first;
  const later = (a: Point | undefined, b: Point) =>
    !a || b.periodEnd > a.periodEnd || (b.periodEnd === a.periodEnd && b.kind === "actual") ? b : a;
  const latestTotal = new Map<string, Point>();
  const latestAny = new Map<string, Point>();
  let parts = 0;
  for (const p of points) {
    if (p.periodStart < first.periodStart) first = p;
    if (p.periodEnd > last.periodEnd) last = p;
    latestAny.set(p.region, later(latestAny.get(p.region), p));
    if (p.subject) parts++;
    else latestTotal.set(p.region, later(latestTotal.get(p.region), p));
  }
  summary = { first, last, latestTotal, latestAny, parts };
  summaries.set(points, summary);
  return summary;
}

/** "地区生产总值:台山市、江门东部;2021 至 2022;最新 台山市 2022 503.23 亿元 …" */
export function describeChart(config: DescribeConfig, points: readonly Point[]): string {
  const { lang } = config;
  const name = indicatorName(lang, config.indicator);
  const summary = summarizeDrawn(points);
  if (!summary) return `${name}: ${t(lang, "noData")}`;
  const { first, last, latestTotal, latestAny, parts } = summary;
  const shown = config.regions.filter((r) => latestAny.has(r));
  const latest = shown.map((region) => {
    const p = latestTotal.get(region) ?? latestAny.get(region)!;
    const subject = p.subject ? ` ${p.subject}` : "";
    return `${config.regionName(region)}${subject} ${p.period} ${valueText(p, config)}`;
  });
  const span = first.period === last.period ? first.period : `${first.period} — ${last.period}`;
  return lang === "zh"
    ? `${name},${join(lang, shown.map(config.regionName))},${span}。最新:${latest.join(";")}。${
        parts ? `含 ${parts} 个分项数字。` : ""
      }`
    : `${name} for ${join(lang, shown.map(config.regionName))}, ${span}. Latest: ${latest.join(
        "; ",
      )}.${parts ? ` Includes ${parts} figures about parts.` : ""}`;
}

/** The comparison chart in words: the period and each bar, largest first. */
export function describeComparison(
  config: DescribeConfig,
  period: string,
  points: readonly Point[],
): string {
  const { lang } = config;
  const name = indicatorName(lang, config.indicator);
  const bars = [...points]
    .sort((a, b) => b.value - a.value)
    .map(
      (p) =>
        `${config.regionName(p.region)}${p.subject ? ` ${p.subject}` : ""} ${valueText(p, config)}`,
    );
  return lang === "zh"
    ? `${name},${period} 各地区对比:${bars.join(";")}。`
    : `${name} by district, ${period}: ${bars.join("; ")}.`;
}
