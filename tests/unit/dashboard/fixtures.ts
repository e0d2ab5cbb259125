// A valid row of the indicators CSV, a parsed fact and a small region table, shared by the
// dashboard tests; each test changes the fields it is about.
import type { FactRow } from "../../../src/model/contract.ts";
import type { Point } from "../../../src/model/aggregate.ts";
import type { ChartConfig } from "../../../src/chart/timeSeries.ts";
import { parsePeriod } from "../../../src/model/period.ts";

export const REGIONS: ReadonlySet<string> = new Set(["jiangmen", "xinhui", "taishan"]);

export const GOOD_ROW: Readonly<Record<string, string>> = {
  id: "a1",
  indicator: "gdp",
  region: "taishan",
  period: "2021",
  value: "50323000000",
  unit: "CNY",
  qualifier: "exact",
  kind: "actual",
  subject: "",
  source: "002_x",
  published: "2022-05",
  text: "503.23亿元",
  quote: "台山地区生产总值达503.23亿元。",
  start: "10",
  end: "18",
};

/** A parsed fact: 台山 GDP 2021, row `index` of its file (line index + 2). */
export const factRow = (index: number, change: Partial<FactRow> = {}): FactRow => ({
  index,
  line: index + 2,
  id: `f${index}`,
  indicator: "gdp",
  region: "taishan",
  period: "2021",
  periodStart: 18628,
  periodEnd: 18992,
  value: 50323000000,
  unit: "CNY",
  qualifier: "exact",
  kind: "actual",
  subject: "",
  source: "a",
  published: "2022-05",
  text: "",
  quote: "",
  start: null,
  end: null,
  review: "",
  ...change,
});

/** A chart point of one exact, actual, region-wide figure reported once; `fields` names the
 * region, period, value and whatever else a test is about. */
export function chartPoint(
  fields: Pick<Point, "id" | "indicator" | "region" | "period" | "value"> & Partial<Point>,
): Point {
  const range = parsePeriod(fields.period)!;
  return {
    periodStart: range.start,
    periodEnd: range.end,
    kind: "actual",
    qualifier: "exact",
    subject: "",
    factCount: 1,
    sourceCount: 1,
    source: "a",
    disagree: false,
    review: "",
    ...fields,
  };
}

/** Three districts whose subject figures the chart-ahead tests draw (itemsAhead, prepareAhead). */
export const SUBJECT_REGIONS = ["xinhui", "taishan", "kaiping"];
/** A line chart of project investment with subjects shown, over SUBJECT_REGIONS. */
export const subjectChartConfig: ChartConfig = {
  indicator: "project_investment",
  unit: "CNY",
  lang: "zh",
  chartType: "line",
  regions: SUBJECT_REGIONS,
  tableKeys: ["jiangmen", ...SUBJECT_REGIONS],
  regionName: (k) => k,
  showSubjects: true,
};
