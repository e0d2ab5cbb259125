// The view registry: one record per view, each complete; the page knows no view by name; the
// dashboard's modules import each other without a cycle.
import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { VIEW_IDS, VIEW_RECORDS, viewRecord } from "../../../src/views/registry.ts";
import { t } from "../../../src/i18n/dictionary.ts";
import { DEFAULT_VIEW, parseViewState } from "../../../src/state/viewState.ts";
import { deriveDashboard } from "../../../src/state/derive.ts";
import { chartView } from "../../../src/views/chart/index.tsx";
import { compareView } from "../../../src/views/compare/index.tsx";
import { mapView } from "../../../src/views/map/index.tsx";
import { tableView } from "../../../src/views/table/index.tsx";
import type { ChartConfig } from "../../../src/chart/timeSeries.ts";
import type { MapConfig } from "../../../src/chart/map.ts";
import { chartPoint } from "./fixtures.ts";
import { cycles, importGraph, readSource } from "./importGraph.ts";

describe("view registry", () => {
  test("ids are unique, and the default view is registered", () => {
    expect(new Set(VIEW_IDS).size).toBe(VIEW_IDS.length);
    expect(VIEW_IDS).toContain(DEFAULT_VIEW.view);
    expect(viewRecord(DEFAULT_VIEW.view).id).toBe(DEFAULT_VIEW.view);
  });

  test("each record is complete", () => {
    for (const v of VIEW_RECORDS) {
      expect(v.id, v.id).toMatch(/^[a-z][a-z0-9-]*$/);
      // A key the dictionary lacks throws here (t reads its entry).
      expect(t("zh", v.label), v.id).toMatch(/\p{Script=Han}/u);
      expect(t("en", v.label), v.id).toMatch(/[A-Za-z]/);
      expect(typeof v.select, v.id).toBe("function");
      expect(typeof v.heading, v.id).toBe("function");
      expect(typeof v.Body, v.id).not.toBe("undefined");
      expect(typeof v.tab, v.id).toBe("boolean");
      if (v.chart) {
        expect(typeof v.chart.option, v.id).toBe("function");
        expect(typeof v.chart.describe, v.id).toBe("function");
        // A view that draws a chart exports its image.
        expect(v.exportText, v.id).not.toBeNull();
      }
      if (v.exportText) expect(v.downloads, v.id).toBe(true);
    }
  });

  test("every view folder is registered, and every registered view has a folder", () => {
    const folders = readdirSync(new URL("../../../src/views", import.meta.url), {
      withFileTypes: true,
    })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect([...VIEW_IDS].sort()).toEqual(folders);
  });

  test("a link to a view that is not registered opens the default one", () => {
    for (const id of VIEW_IDS) expect(parseViewState(`?view=${id}`, VIEW_IDS).view).toBe(id);
    expect(parseViewState("?view=globe", VIEW_IDS).view).toBe(DEFAULT_VIEW.view);
  });
});

describe("each view's selection and chart, from the same view state", () => {
  const NAMES: Record<string, string> = { xinhui: "新会区", taishan: "台山市" };
  const points = [
    chartPoint({ id: 1, indicator: "gdp", region: "taishan", period: "2021", value: 50323000000 }),
    chartPoint({ id: 2, indicator: "gdp", region: "taishan", period: "2022", value: 51200000000 }),
    chartPoint({ id: 3, indicator: "gdp", region: "xinhui", period: "2022", value: 71800000000 }),
  ];
  const tableKeys = ["jiangmen", "xinhui", "taishan"];
  const state = {
    ...DEFAULT_VIEW,
    indicator: "gdp" as const,
    regions: ["taishan", "xinhui"],
    search: "台山",
    disputed: true,
  };
  const derived = deriveDashboard(state, { points, tableKeys });
  const config: ChartConfig = {
    indicator: "gdp",
    unit: "CNY",
    lang: "zh",
    chartType: "line",
    regions: derived.regions,
    tableKeys,
    regionName: (k) => NAMES[k] ?? k,
  };
  const values = (option: unknown) => JSON.stringify((option as { series: unknown }).series);

  test("the time chart: every drawn point over its span, the facts of every period", () => {
    const selection = chartView.select(state, derived);
    expect(selection.points.map((p) => p.id).sort()).toEqual([1, 2, 3]);
    expect(selection.periodText).toBe("2021 — 2022");
    expect(selection.filter).toMatchObject({ period: null, disputed: false });
    expect(selection.search).toBe("");
    expect(values(chartView.chart!.option(config, selection.points))).toContain("503.23");
    expect(chartView.chart!.describe(config, selection.points)).toContain("台山市");
  });

  test("the comparison: one period's points, and the table of that period", () => {
    const selection = compareView.select(state, derived);
    expect(selection.periodText).toBe("2022");
    expect(selection.points.map((p) => p.id).sort()).toEqual([2, 3]);
    expect(selection.filter.period).toBe("2022");
    const rows = { period: "2022", points: selection.points };
    expect(values(compareView.chart!.option(config, rows))).toContain("718");
    expect(compareView.chart!.describe(config, rows)).toContain("新会区");
    expect(compareView.chart!.option(config, { period: null, points: [] })).toBeNull();
  });

  test("the map: district-wide points of its period, named for a screen reader", () => {
    const selection = mapView.select(state, derived);
    expect(selection.periodText).toBe("2022");
    const map: MapConfig = { ...config, mapName: "test", districts: tableKeys, selected: [] };
    const rows = { period: "2022", points: selection.points };
    expect(values(mapView.chart!.option(map, rows))).toContain("718");
    expect(mapView.chart!.describe(map, rows)).toContain("2022");
  });

  test("the table: the filter's facts, only disputed ones and the search when asked", () => {
    const selection = tableView.select(state, derived);
    expect(selection.filter).toMatchObject({ regions: ["xinhui", "taishan"], disputed: true });
    expect(selection.search).toBe("台山");
    expect(tableView.chart).toBeNull();
    expect(tableView.exportText).toBeNull();
  });
});

describe("the page knows no view by name", () => {
  const app = readSource("src/App.tsx");

  test("App.tsx holds no per-view branch", () => {
    expect(app).not.toMatch(/view\s*[!=]==/);
    expect(app).not.toMatch(/[!=]==\s*["'`]/);
    for (const id of VIEW_IDS) expect(app).not.toContain(`"${id}"`);
  });

  test("App.tsx stays under 200 lines", () => {
    expect(app.split("\n").length).toBeLessThan(200);
  });

  test("nothing outside src/views tests which view is shown", () => {
    for (const [file] of importGraph()) {
      if (file.startsWith("src/views/")) continue;
      expect(readSource(file), file).not.toMatch(/\bview\s*[!=]==\s*["'`]/);
    }
  });
});

describe("imports", () => {
  test("no module imports itself back through another", () => {
    expect(cycles(importGraph())).toEqual([]);
  });

  test("model ← i18n ← chart ← state: each imports only its own layer and those below", () => {
    const layers = ["model", "i18n", "chart", "state"];
    const layerOf = (path: string) => /^src\/([^/]+)\//.exec(path)?.[1] ?? path;
    for (const [file, targets] of importGraph()) {
      const at = layers.indexOf(layerOf(file));
      if (at < 0) continue;
      const upwards = targets.filter(
        (t) => t.startsWith("src/") && !layers.slice(0, at + 1).includes(layerOf(t)),
      );
      expect(upwards, file).toEqual([]);
    }
  });
});
