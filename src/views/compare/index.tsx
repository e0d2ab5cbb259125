// 对比: every district's figure for one period, side by side.
import { useMemo } from "react";
import type { Point } from "../../model/aggregate.ts";
import { buildComparisonOption } from "../../chart/comparison.ts";
import { describeComparison } from "../../chart/describe.ts";
import type { ChartConfig } from "../../chart/timeSeries.ts";
import { SubjectToggle } from "../../view/Controls.tsx";
import { PeriodSelect } from "../../view/PanelHeading.tsx";
import { chartSelection, indicatorExportText, indicatorHeading } from "../shared.ts";
import { PointChart } from "../PointChart.tsx";
import type { ViewProps, ViewRecord } from "../types.ts";

/** The period compared and its points. */
export interface ComparedRows {
  period: string | null;
  points: readonly Point[];
}

const chart = {
  option: (config: ChartConfig, rows: ComparedRows) =>
    rows.period ? buildComparisonOption(config, rows.period, rows.points) : null,
  describe: (config: ChartConfig, rows: ComparedRows) =>
    describeComparison(config, rows.period ?? "", rows.points),
};

function CompareBody({ ctx, client }: ViewProps) {
  const { lang, derived, chartConfig, update } = ctx;
  const { compared, comparePeriod } = derived;
  const rows = useMemo(
    () => ({ period: comparePeriod, points: compared }),
    [comparePeriod, compared],
  );
  const option = useMemo(() => chart.option(chartConfig, rows), [chartConfig, rows]);
  return (
    <>
      <SubjectToggle
        lang={lang}
        hasTotals={compared.some((p) => !p.subject) || !compared.length}
        hasParts={derived.selected.some((p) => p.subject && p.period === comparePeriod)}
        checked={compared.some((p) => p.subject)}
        onChange={(subjects) => update({ subjects })}
      />
      <PeriodSelect
        lang={lang}
        testId="compare-period"
        periods={derived.periods}
        value={comparePeriod}
        onChange={(period) => update({ period })}
      />
      <PointChart
        ctx={ctx}
        client={client}
        option={option}
        drawn={compared.length > 0}
        describe={() => chart.describe(chartConfig, rows)}
      />
    </>
  );
}

export const compareView: ViewRecord<ChartConfig, ComparedRows> = {
  id: "compare",
  label: "viewCompare",
  tab: true,
  select: (state, derived) => {
    const base = chartSelection(state, derived);
    const period = derived.comparePeriod;
    return {
      ...base,
      points: derived.compared,
      periodText: period ?? "",
      filter: { ...base.filter, period },
    };
  },
  heading: indicatorHeading,
  chart,
  exportText: indicatorExportText,
  downloads: true,
  needsFacts: true,
  keepMounted: false,
  Body: CompareBody,
};
