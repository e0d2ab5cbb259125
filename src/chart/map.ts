// Chart option of the map view: the districts of the boundary file coloured by one period's
// region-wide figure (the comparison view's points, without subjects), a legend with the unit,
// and districts without a figure drawn grey and hatched and named as such. Pure: tested in Node.
import type { EChartsCoreOption } from "echarts/core";
import type { Point } from "../model/aggregate.ts";
import type { Indicator, Unit } from "../model/contract.ts";
import type { Language } from "../model/language.ts";
import { displayUnit, kindName, t } from "../i18n/dictionary.ts";
import { FONT_FAMILY, displayValue, formatNumber, markedValue } from "./format.ts";
import { mapTooltip } from "./tooltip.ts";

export interface MapConfig {
  indicator: Indicator;
  unit: Unit;
  lang: Language;
  regionName: (key: string) => string;
  /** The name the boundaries are registered under (echarts.registerMap). */
  mapName: string;
  /** Region keys that have a boundary, in the table's order. */
  districts: readonly string[];
  /** Districts selected in the filter: drawn with a dark outline. */
  selected: readonly string[];
  /** An article's name for a reader (title, publisher, date) from its document id. */
  articleName?: (source: string) => string;
  /** A narrow screen: the map takes the whole width, its legend in rows below it. */
  narrow?: boolean;
}

/** Legend swatches per row below a narrow map, and the width and height each takes. */
const NARROW_LEGEND_COLUMNS = 3;
const SWATCH_WIDTH = 100;
const SWATCH_HEIGHT = 22;

/** Grey for a district without a figure; its hatching is the decal below. */
export const NO_FIGURE_COLOR = "#d9d9d9";
const NO_FIGURE_DECAL = {
  symbol: "rect",
  symbolSize: 1,
  color: "rgba(0, 0, 0, 0.28)",
  dashArrayX: [1, 0],
  dashArrayY: [2, 5],
  rotation: -Math.PI / 4,
};
/** Light to dark blue for values, and light to dark red below zero when a scale crosses it. */
const LOW = [222, 235, 247];
const HIGH = [8, 69, 148];
const NEGATIVE = [165, 15, 21];
const NEAR_ZERO = [254, 224, 210];

const mix = (a: number[], b: number[], f: number) =>
  `#${a
    .map((x, i) =>
      Math.round(x + ((b[i] ?? x) - x) * f)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;

/**
 * The colour of a value on a scale from min to max: darker blue for more. On a scale that crosses
 * zero (growth rates), values below zero are red, darker the further below.
 */
export function mapColor(value: number, min: number, max: number): string {
  if (min < 0 && value < 0) return mix(NEAR_ZERO, NEGATIVE, min === 0 ? 1 : value / min);
  const low = min < 0 ? 0 : min;
  if (max === low) return mix(LOW, HIGH, 0.6);
  return mix(LOW, HIGH, Math.min(1, Math.max(0, (value - low) / (max - low))));
}

const LEGEND_STEPS = 5;

export function buildMapOption(
  config: MapConfig,
  period: string,
  points: readonly Point[],
): EChartsCoreOption {
  const { lang, unit, indicator } = config;
  const unitLabel = displayUnit(lang, indicator, unit);
  const noFigure = t(lang, "noFigure");
  const byRegion = new Map<string, Point>();
  for (const p of points) if (!p.subject && p.period === period) byRegion.set(p.region, p);
  const values = config.districts
    .map((k) => byRegion.get(k))
    .filter((p): p is Point => p !== undefined)
    .map((p) => displayValue(p.value, unit));
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 0;
  const selected = new Set(config.selected);
  const allSelected = config.districts.every((k) => selected.has(k));
  const outline = (key: string) =>
    !allSelected && selected.has(key)
      ? { borderColor: "#111", borderWidth: 2.5 }
      : { borderColor: "#fff", borderWidth: 1 };
  const label = (p: Point) =>
    `${markedValue(displayValue(p.value, unit), p.qualifier, lang)}${
      p.kind === "actual" ? "" : ` ${kindName(lang, p.kind)}`
    }`;

  const data = config.districts.map((key) => {
    const p = byRegion.get(key);
    // The label as a string in the option: the fonts for it are loaded before drawing.
    const text = `${config.regionName(key)}\n${p ? label(p) : noFigure}`;
    if (!p)
      return {
        name: key,
        text,
        value: Number.NaN,
        itemStyle: { areaColor: NO_FIGURE_COLOR, decal: NO_FIGURE_DECAL, ...outline(key) },
        emphasis: { itemStyle: { areaColor: NO_FIGURE_COLOR } },
        label: { color: "#555" },
      };
    const value = displayValue(p.value, unit);
    const color = mapColor(value, min, max);
    const dark = color === mapColor(max, min, max) || (min < 0 && value < min / 2);
    return {
      name: key,
      text,
      value,
      itemStyle: { areaColor: color, ...outline(key) },
      emphasis: { itemStyle: { areaColor: color } },
      label: { color: dark ? "#fff" : "#1a1a1a" },
    };
  });

  // The legend: the unit, swatches from the scale's bottom to its top, and "no figure".
  const swatches: { color: string; text: string; decal?: boolean }[] = [];
  if (values.length) {
    const steps = min === max ? 1 : LEGEND_STEPS;
    for (let i = steps - 1; i >= 0; i--) {
      const v = steps === 1 ? min : min + ((max - min) * i) / (steps - 1);
      swatches.push({ color: mapColor(v, min, max), text: formatNumber(v, lang) });
    }
  }
  if (values.length < config.districts.length)
    swatches.push({ color: NO_FIGURE_COLOR, text: noFigure, decal: true });
  const columns = config.narrow ? NARROW_LEGEND_COLUMNS : 1;
  const legendHeight = SWATCH_HEIGHT * (1 + Math.ceil(swatches.length / columns));
  const legend = {
    type: "group",
    ...(config.narrow ? { left: 16, bottom: 8 } : { right: 16, top: 16 }),
    children: [
      {
        type: "text",
        left: 0,
        top: 0,
        style: { text: unitLabel, fontFamily: FONT_FAMILY, fontSize: 12, fill: "#333" },
      },
      ...swatches.flatMap((s, i) => [
        {
          type: "rect",
          left: (i % columns) * SWATCH_WIDTH,
          top: SWATCH_HEIGHT * (1 + Math.floor(i / columns)),
          shape: { width: 18, height: 14 },
          style: { fill: s.color, stroke: s.decal ? "#999" : s.color, lineWidth: 1 },
        },
        {
          type: "text",
          left: (i % columns) * SWATCH_WIDTH + 26,
          top: SWATCH_HEIGHT * (1 + Math.floor(i / columns)),
          style: { text: s.text, fontFamily: FONT_FAMILY, fontSize: 12, fill: "#333" },
        },
      ]),
    ],
  };

  return {
    aria: { enabled: false },
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: { name?: string }) => {
        const key = params.name ?? "";
        const p = byRegion.get(key);
        return mapTooltip(
          config.regionName(key),
          p
            ? {
                period,
                label: label(p),
                unitLabel,
                reports: [
                  config.articleName?.(p.source),
                  t(lang, "reportedBy", { n: p.sourceCount }),
                ]
                  .filter(Boolean)
                  .join(" · "),
              }
            : null,
          noFigure,
        );
      },
    },
    graphic: [legend],
    series: [
      {
        type: "map",
        map: config.mapName,
        name: period,
        roam: false,
        selectedMode: false,
        top: 16,
        bottom: config.narrow ? legendHeight + 16 : 16,
        left: 16,
        right: config.narrow ? 16 : 120,
        label: {
          show: true,
          fontFamily: FONT_FAMILY,
          fontSize: 12,
          formatter: (params: { data?: { text?: string } }) => params.data?.text ?? "",
        },
        data,
      },
    ],
  };
}
