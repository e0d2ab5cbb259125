// The chart of a view that draws points (趋势图, 对比): a click on a figure opens its sources, the
// empty state when nothing is drawn, the hint, and the downloads of what is drawn.
import { useRef } from "react";
import type { EChartsCoreOption } from "echarts/core";
import { pointIdOf } from "../chart/timeSeries.ts";
import { EChart, type EChartHandle } from "../echarts/EChart.tsx";
import { t } from "../i18n/dictionary.ts";
import { Empty } from "../view/Status.tsx";
import { ViewExport, drawnImage } from "./ViewExport.tsx";
import type { ViewProps } from "./types.ts";

export function PointChart({
  ctx,
  client,
  option,
  drawn,
  describe,
}: ViewProps & {
  option: EChartsCoreOption | null;
  /** Whether there is anything to draw; the empty state otherwise. */
  drawn: boolean;
  /** The chart in words, for a screen reader (asked for only when it is drawn). */
  describe: () => string;
}) {
  const { lang, derived } = ctx;
  const handle = useRef<EChartHandle>(null);
  return (
    <>
      {option && drawn ? (
        <EChart
          ref={handle}
          option={option}
          testId="chart"
          ariaLabel={describe()}
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
