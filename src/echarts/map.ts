// The map's part of ECharts and its boundaries, loaded only when the map view opens: the map
// chart, the graphic component its legend is drawn with, and one city's GeoJSON, registered under
// a name of its own and matched to the region table (src/map/geo.ts).
import { MapChart } from "echarts/charts";
import { GraphicComponent } from "echarts/components";
import type { Region } from "../../extract/lib/index.ts";
import { BOUNDARY_FILES } from "../map/boundaries.ts";
import { matchBoundaries, rootAdcode } from "../map/geo.ts";
import { resolveCsvParam } from "../data/csvLocation.ts";
import { echarts } from "./core.ts";

echarts.use([MapChart, GraphicComponent]);

export interface LoadedMap {
  mapName: string;
  districts: string[];
  unmatched: string[];
}

export class NoBoundaries extends Error {
  override name = "NoBoundaries";
}

/**
 * Loads the boundaries for a region table: the same-origin file named by ?geo= if given, else the
 * entry of BOUNDARY_FILES for the table's top region.
 */
export async function loadMap(
  regions: readonly Region[],
  geoParam: string | null,
): Promise<LoadedMap> {
  let text: string;
  let source: string;
  if (geoParam) {
    const where = resolveCsvParam(geoParam, window.location.origin);
    if (!where.ok) throw new Error(`?geo=${geoParam}`);
    const response = await fetch(where.url);
    if (!response.ok) throw new Error(`${where.url}: HTTP ${response.status}`);
    text = await response.text();
    source = where.url;
  } else {
    const adcode = rootAdcode(regions);
    const load = adcode ? BOUNDARY_FILES[adcode] : undefined;
    if (!load) throw new NoBoundaries(adcode ?? "");
    text = await load();
    source = adcode ?? "";
  }
  const matched = matchBoundaries(text, regions);
  if (!matched.districts.length) throw new NoBoundaries(source);
  const mapName = `jm-${source}`;
  echarts.registerMap(mapName, matched.geo as Parameters<typeof echarts.registerMap>[1]);
  return { mapName, districts: matched.districts, unmatched: matched.unmatched };
}
