// The one place ECharts is assembled: only the charts, components and renderer the dashboard
// uses, so the bundle carries no more of ECharts than that. What the first screen's line chart
// does not use is in extras.ts, loaded when a chart needs it (see needsExtras).
import * as echarts from "echarts/core";
import { LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  LineChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  CanvasRenderer,
]);

export { echarts };

/**
 * Whether an option needs the parts in extras.ts: bars (the comparison view, the bar chart type)
 * or a zoom (a chart of more than LARGE_SERIES points).
 */
export function needsExtras(option: object): boolean {
  const o = option as { series?: unknown; dataZoom?: unknown };
  const series = Array.isArray(o.series) ? o.series : o.series ? [o.series] : [];
  const zoom = Array.isArray(o.dataZoom) ? o.dataZoom.length > 0 : !!o.dataZoom;
  return zoom || series.some((s) => (s as { type?: unknown }).type === "bar");
}

let extras: Promise<void> | null = null;
let extrasIn = false;
/** Loads the parts of extras.ts once; an instance made before they were in cannot use them. */
export function loadExtras(): Promise<void> {
  extras ??= import("./extras.ts").then(() => {
    extrasIn = true;
  });
  return extras;
}
/** Whether extras.ts is in: ECharts fixes an instance's processors when it is made, so only an
 * instance made after that can draw bars or a zoom. */
export const extrasLoaded = () => extrasIn;
