// The district map: boundaries matched to the region table, the option drawn from one period's
// region-wide figures, and what a click on a district does to the filter.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Region } from "../../../extract/lib/types.ts";
import type { Point } from "../../../src/model/aggregate.ts";
import { matchBoundaries, rootAdcode } from "../../../src/map/geo.ts";
import {
  NO_FIGURE_COLOR,
  buildMapOption,
  mapColor,
  type MapConfig,
} from "../../../src/chart/map.ts";
import { buildExportOption, EXPORT_TOP } from "../../../src/chart/exportOption.ts";
import { deriveDashboard } from "../../../src/state/derive.ts";
import { DEFAULT_VIEW, pickDistrict } from "../../../src/state/viewState.ts";
import { parseRegionTable } from "../../../extract/lib/index.ts";
import { chartPoint } from "./fixtures.ts";

const JIANGMEN_FILE = new URL("../../../src/map/geodata/440700.geojson", import.meta.url);
const JIANGMEN_GEOJSON = readFileSync(JIANGMEN_FILE, "utf8");
const TABLE: Region[] = parseRegionTable(
  readFileSync(new URL("../../../data/regions.csv", import.meta.url), "utf8"),
).regions;

const region = (key: string, name: string, adcode: string, parent = "city"): Region => ({
  key,
  name,
  aliases: [],
  adcode,
  parent,
  members: [],
});
const feature = (id: string | undefined, name: string) => ({
  type: "Feature",
  ...(id ? { id } : {}),
  properties: { name },
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  },
});

describe("matchBoundaries", () => {
  test("the shipped 江门 file has the seven districts, matched by adcode", () => {
    const m = matchBoundaries(JIANGMEN_GEOJSON, TABLE);
    expect(m.districts).toEqual([
      "pengjiang",
      "jianghai",
      "xinhui",
      "taishan",
      "kaiping",
      "heshan",
      "enping",
    ]);
    expect(m.unmatched).toEqual([]);
    expect(m.geo.features.find((f) => f.id === "taishan")?.properties.sourceName).toBe("台山市");
    expect(rootAdcode(TABLE)).toBe("440700");
  });

  test("the shipped 江门 file stays small and well formed: closed rings of four points or more", () => {
    expect(JIANGMEN_GEOJSON.length).toBeLessThan(60_000);
    const geo = JSON.parse(JIANGMEN_GEOJSON) as {
      features: { geometry: { type: string; coordinates: unknown } }[];
    };
    type Ring = [number, number][];
    const rings = geo.features.flatMap((f) =>
      f.geometry.type === "Polygon"
        ? (f.geometry.coordinates as Ring[])
        : (f.geometry.coordinates as Ring[][]).flat(),
    );
    expect(rings.length).toBeGreaterThanOrEqual(7);
    for (const ring of rings) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring.at(-1)).toEqual(ring[0]);
    }
  });

  test("adcode before name, never position: a feature whose name lies is placed by its id", () => {
    const regions = [region("a", "甲区", "100001"), region("b", "乙区", "100002")];
    const m = matchBoundaries(
      {
        type: "FeatureCollection",
        features: [feature("100002", "甲区"), feature("100001", "乙区")],
      },
      regions,
    );
    expect(m.geo.features.map((f) => [f.id, f.properties.sourceName])).toEqual([
      ["b", "甲区"],
      ["a", "乙区"],
    ]);
    expect(m.districts).toEqual(["a", "b"]);
  });

  test("without an adcode a feature is matched by name or alias; the rest are listed", () => {
    const regions = [{ ...region("a", "甲区", ""), aliases: ["甲"] }, region("b", "乙区", "")];
    const m = matchBoundaries(
      {
        type: "FeatureCollection",
        features: [feature(undefined, "甲"), feature(undefined, "丙区"), feature("999", "乙区")],
      },
      regions,
    );
    expect(m.districts).toEqual(["a", "b"]);
    expect(m.unmatched).toEqual(["丙区"]);
  });

  test("a file that is not a FeatureCollection is refused", () => {
    expect(() => matchBoundaries('{"type":"Feature"}', TABLE)).toThrow(/FeatureCollection/);
    expect(() => matchBoundaries("not json", TABLE)).toThrow();
  });
});

const point = (region: string, period: string, value: number, change: Partial<Point> = {}): Point =>
  chartPoint({ id: 1, indicator: "gdp_growth", region, period, value, ...change });

const NAMES: Record<string, string> = {
  xinhui: "新会区",
  taishan: "台山市",
  kaiping: "<b>开平</b>",
};
const config: MapConfig = {
  indicator: "gdp_growth",
  unit: "percent",
  lang: "zh",
  regionName: (k) => NAMES[k] ?? k,
  mapName: "test",
  districts: ["xinhui", "taishan", "kaiping"],
  selected: ["xinhui", "taishan", "kaiping"],
};

interface MapItem {
  name: string;
  value: number;
  text: string;
  itemStyle: { areaColor: string; decal?: unknown; borderWidth: number };
}
const seriesOf = (option: Record<string, unknown>) =>
  (option.series as { type: string; map: string; data: MapItem[] }[])[0]!;
const tooltipOf = (option: Record<string, unknown>) =>
  (option.tooltip as { formatter: (p: { name: string }) => string }).formatter;

describe("buildMapOption", () => {
  const points = [
    point("xinhui", "2022", 8.2, { factCount: 4, sourceCount: 3, source: "doc1" }),
    point("taishan", "2022", 2.1),
    point("taishan", "2021", 99),
    point("xinhui", "2022", 500, { subject: "某项目" }),
  ];
  const option = buildMapOption(config, "2022", points);
  const series = seriesOf(option);
  const item = (k: string) => series.data.find((d) => d.name === k)!;

  test("each district is named by its key and draws the period's region-wide value", () => {
    expect(series.type).toBe("map");
    expect(series.map).toBe("test");
    expect(series.data.map((d) => [d.name, d.value])).toEqual([
      ["xinhui", 8.2],
      ["taishan", 2.1],
      ["kaiping", Number.NaN],
    ]);
  });

  test("colours by value: the higher figure is darker, the ends are the scale's ends", () => {
    const lum = (hex: string) =>
      [1, 3, 5].reduce((s, i) => s + parseInt(hex.slice(i, i + 2), 16), 0);
    expect(lum(item("xinhui").itemStyle.areaColor)).toBeLessThan(
      lum(item("taishan").itemStyle.areaColor),
    );
    expect(item("xinhui").itemStyle.areaColor).toBe(mapColor(8.2, 2.1, 8.2));
    expect(mapColor(8.2, 2.1, 8.2)).toBe("#084594");
    expect(mapColor(2.1, 2.1, 8.2)).toBe("#deebf7");
    // A scale crossing zero draws falls in red, darker the further below.
    expect(mapColor(-3, -3, 5)).toBe("#a50f15");
    expect(mapColor(-1, -3, 5)).not.toBe(mapColor(-3, -3, 5));
    expect(mapColor(0, -3, 5)).toBe("#deebf7");
  });

  test("a district without a figure is grey and hatched, and named as having none", () => {
    const none = item("kaiping");
    expect(none.itemStyle.areaColor).toBe(NO_FIGURE_COLOR);
    expect(none.itemStyle.decal).toBeTruthy();
    expect(item("xinhui").itemStyle.decal).toBeUndefined();
    expect(none.text).toBe("<b>开平</b>\n无数据");
    expect(tooltipOf(option)({ name: "kaiping" })).toBe(
      "<strong>&lt;b&gt;开平&lt;/b&gt;</strong><br>无数据",
    );
    // The legend names it too, beside the unit.
    const legend = JSON.stringify(option.graphic);
    expect(legend).toContain('"text":"无数据"');
    expect(legend).toContain('"text":"%"');
  });

  test("the tooltip gives the value, its unit and the number of reports, escaped", () => {
    expect(tooltipOf(option)({ name: "xinhui" })).toBe(
      "<strong>新会区</strong><br>2022: 8.2 %<br>3 篇报道",
    );
    // Counted per article (four facts in three articles); the article named, escaped.
    const named = buildMapOption(
      { ...config, articleName: (id) => `江门日报《<b>${id}</b>》 2022-05` },
      "2022",
      points,
    );
    expect(tooltipOf(named)({ name: "xinhui" })).toBe(
      "<strong>新会区</strong><br>2022: 8.2 %<br>江门日报《&lt;b&gt;doc1&lt;/b&gt;》 2022-05 · 3 篇报道",
    );
    const hostile = buildMapOption(
      { ...config, regionName: () => `<img src=x onerror=alert(1)>` },
      "2022",
      points,
    );
    expect(tooltipOf(hostile)({ name: "xinhui" })).not.toContain("<img");
    expect(tooltipOf(hostile)({ name: "xinhui" })).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  test("money in 亿元, hedged values marked, targets named; the legend carries the unit", () => {
    const money = buildMapOption({ ...config, indicator: "gdp", unit: "CNY" }, "2022", [
      point("xinhui", "2022", 50323000000, {
        indicator: "gdp",
        qualifier: "approx",
        kind: "target",
      }),
    ]);
    expect(seriesOf(money).data[0]).toMatchObject({ value: 503.23, text: "新会区\n≈503.23 目标" });
    expect(JSON.stringify(money.graphic)).toContain('"text":"亿元"');
  });

  test("districts picked in the filter are outlined; with all of them shown none is", () => {
    const picked = buildMapOption({ ...config, selected: ["taishan"] }, "2022", points);
    const widths = seriesOf(picked).data.map((d) => d.itemStyle.borderWidth);
    expect(widths).toEqual([1, 2.5, 1]);
    expect(series.data.map((d) => d.itemStyle.borderWidth)).toEqual([1, 1, 1]);
  });

  test("the export puts the map and its legend below the title block", () => {
    const exported = buildExportOption(option, { title: "t", subtitle: "s", sourceLine: "src" });
    expect((exported.series as { top: number }[])[0]!.top).toBe(16 + EXPORT_TOP);
    const graphic = exported.graphic as { top?: number; style?: { text?: string } }[];
    expect(graphic[0]!.top).toBe(16 + EXPORT_TOP);
    expect(graphic.at(-1)!.style?.text).toBe("src");
  });
});

describe("deriveDashboard: the map", () => {
  const tableKeys = ["jiangmen", "xinhui", "taishan", "kaiping"];
  const points = [
    point("xinhui", "2022", 8.2),
    point("taishan", "2022", 2.1),
    point("taishan", "2022", 3.0, { kind: "target" }),
    point("kaiping", "2021", 4.4),
    point("kaiping", "2022", 9, { subject: "某项目" }),
  ];
  const view = { ...DEFAULT_VIEW, indicator: "gdp_growth" as const };

  test("all districts whatever the filter, totals only, the actual figure over a target", () => {
    const d = deriveDashboard({ ...view, regions: ["kaiping"] }, { points, tableKeys });
    expect(d.mapPeriod).toBe("2022");
    expect(d.mapped.map((p) => [p.region, p.value, p.kind])).toEqual([
      ["xinhui", 8.2, "actual"],
      ["taishan", 2.1, "actual"],
    ]);
    expect(d.mapPeriods.map((p) => p.period)).toEqual(["2021", "2022"]);
  });

  test("the period is the view's when the map has it, as in the comparison view", () => {
    const d = deriveDashboard({ ...view, period: "2021" }, { points, tableKeys });
    expect(d.mapPeriod).toBe("2021");
    expect(d.mapped.map((p) => p.region)).toEqual(["kaiping"]);
    expect(deriveDashboard({ ...view, period: "2030" }, { points, tableKeys }).mapPeriod).toBe(
      "2022",
    );
  });
});

describe("pickDistrict", () => {
  test("a click shows that district alone; a click on the only one shown shows all again", () => {
    expect(pickDistrict(null, "xinhui")).toEqual(["xinhui"]);
    expect(pickDistrict(["taishan", "xinhui"], "xinhui")).toEqual(["xinhui"]);
    expect(pickDistrict(["xinhui"], "xinhui")).toBeNull();
  });
});
