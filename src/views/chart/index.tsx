// 趋势图: the indicator over time, one line (or bars) per district, at one frequency.
import { useMemo, useRef } from "react";
import type { Point } from "../../model/aggregate.ts";
import { buildTimeSeriesOption, pointIdOf, type ChartConfig } from "../../chart/timeSeries.ts";
import { describeChart } from "../../chart/describe.ts";
import { EChart, type EChartHandle } from "../../echarts/EChart.tsx";
import { t } from "../../i18n/dictionary.ts";
import { FrequencyPicker, SubjectToggle } from "../../view/Controls.tsx";
import { Empty } from "../../view/Status.tsx";
import { chartSelection, indicatorExportText, indicatorHeading } from "../shared.ts";
import { ViewExport, drawnImage } from "../ViewExport.tsx";
import type { ViewProps, ViewRecord } from "../types.ts";

const chart = { option: buildTimeSeriesOption, describe: describeChart };

function ChartBody({ ctx, client }: ViewProps) {
  const { lang, derived, chartConfig, update } = ctx;
  const handle = useRef<EChartHandle>(null);
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
      {derived.drawn.length ? (
        <EChart
          ref={handle}
          option={option}
          testId="chart"
          ariaLabel={description}
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

export const chartView: ViewRecord<ChartConfig, readonly Point[]> = {
  id: "chart",
  label: "viewChart",
  tab: true,
  select: chartSelection,
  heading: indicatorHeading,
  chart,
  exportText: indicatorExportText,
  downloads: true,
  needsFacts: true,
  keepMounted: false,
  Body: ChartBody,
};
