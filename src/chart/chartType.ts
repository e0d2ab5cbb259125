// How the time chart draws its series. Here, beside the builders that read it, so the view state
// (which parses it from the URL) imports the chart layer and never the other way round.
export const CHART_TYPES = ["line", "bar"] as const;
export type ChartType = (typeof CHART_TYPES)[number];
