// 趋势图: the indicator over time, one line (or bars) per district, at one frequency.
import { useMemo } from "react";
import type { Point } from "../../model/aggregate.ts";
import {
  buildTimeSeriesOption,
  prepareTimeSeries,
  type ChartConfig,
} from "../../chart/timeSeries.ts";
import { describeChart, summarizeDrawn } from "../../chart/describe.ts";
import { FrequencyPicker, SubjectToggle } from "../../view/Controls.tsx";
import { chartSelection, indicatorExportText, indicatorHeading } from "../shared.ts";
import { PointChart } from "../PointChart.tsx";
import type { ViewProps, ViewRecord } from "../types.ts";

const chart = { option: buildTimeSeriesOption, describe: describeChart };

function ChartBody({ ctx, client }: ViewProps) {
  const { lang, derived, chartConfig, update } = ctx;
  const option = useMemo(() => chart.option(chartConfig, derived.drawn), [chartConfig, derived]);
  // A pass over every drawn point: made when the points change, not on every render.
  const description = useMemo(
    () => chart.describe(chartConfig, derived.drawn),
    [chartConfig, derived.drawn],
  );
  return (
    <>
      <div className="chart-tools">
        <FrequencyPicker
          lang={lang}
          options={derived.frequencies}
          value={derived.frequency}
          onChange={(freq) => update({ freq })}
        />
        <SubjectToggle
          lang={lang}
          hasTotals={derived.hasTotals}
          hasParts={derived.hasParts}
          checked={derived.showSubjects}
          onChange={(subjects) => update({ subjects })}
        />
      </div>
      <PointChart
        ctx={ctx}
        client={client}
        option={option}
        drawn={derived.drawn.length > 0}
        describe={() => description}
      />
    </>
  );
}

export const chartView: ViewRecord<ChartConfig, readonly Point[]> = {
  id: "chart",
  label: "viewChart",
  tab: true,
  select: chartSelection,
  heading: indicatorHeading,
  chart,
  // The series' groups, data and batched markers' items, then what the description and the span
  // read (summarizeDrawn): each a pass over every drawn point.
  *prepare(state, derived, unit, ahead) {
    yield* prepareTimeSeries(derived.drawn, derived.showSubjects, unit, ahead, state.chart);
    yield;
    summarizeDrawn(derived.drawn);
  },
  exportText: indicatorExportText,
  downloads: true,
  needsFacts: true,
  keepMounted: false,
  Body: ChartBody,
};
