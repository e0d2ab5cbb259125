// 对比: every district's figure for one period, side by side.
import { useMemo, useRef } from "react";
import type { Point } from "../../model/aggregate.ts";
import { buildComparisonOption } from "../../chart/comparison.ts";
import { describeComparison } from "../../chart/describe.ts";
import { pointIdOf, type ChartConfig } from "../../chart/timeSeries.ts";
import { EChart, type EChartHandle } from "../../echarts/EChart.tsx";
import { t } from "../../i18n/dictionary.ts";
import { SubjectToggle } from "../../view/Controls.tsx";
import { PeriodSelect } from "../../view/PanelHeading.tsx";
import { Empty } from "../../view/Status.tsx";
import { chartSelection, indicatorExportText, indicatorHeading } from "../shared.ts";
import { ViewExport, drawnImage } from "../ViewExport.tsx";
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
  const handle = useRef<EChartHandle>(null);
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
      {option && compared.length ? (
        <EChart
          ref={handle}
          option={option}
          testId="chart"
          ariaLabel={chart.describe(chartConfig, rows)}
          onItemClick={(value) => {
            const point = pointIdOf(value);
            if (point !== null) ctx.openSources({ point });
          }}
        />
      ) : (
        <Empty lang={lang} noRegions={derived.regions.length === 0} />
      )}
      <p className="hint">{t(lang, "clickHint")}</p>
      <ViewExport ctx={ctx} client={client} image={drawnImage(ctx, client, option, handle)} />
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
