// The parts of ECharts the first screen's line chart does not use, loaded when a chart needs them
// (core.ts, needsExtras): bars, and the zoom of a large chart (inside and slider, about a fifth of
// the ECharts code the page carries). Registered with ECharts itself, as core.ts registers the rest.
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { DataZoomComponent } from "echarts/components";

echarts.use([BarChart, DataZoomComponent]);
