// 地图: one period's district-wide figures on the districts' boundaries. The view's body loads
// when the map first opens (MapBody), and its part of ECharts and the boundaries after it.
import { lazy, Suspense } from "react";
import type { MapConfig } from "../../chart/map.ts";
import { indicatorLabel, t } from "../../i18n/dictionary.ts";
import { chartSelection, indicatorHeading } from "../shared.ts";
import type { ViewProps, ViewRecord } from "../types.ts";
import { mapChart, type MappedRows } from "./chart.ts";

const MapBody = lazy(() => import("./MapBody.tsx"));

export const mapView: ViewRecord<MapConfig, MappedRows> = {
  id: "map",
  label: "viewMap",
  tab: true,
  select: (state, derived) => ({
    ...chartSelection(state, derived),
    points: derived.mapped,
    periodText: derived.mapPeriod ?? "",
  }),
  heading: indicatorHeading,
  chart: mapChart,
  // The map shows every district: the subtitle is the period alone.
  exportText: (ctx) => ({
    title: indicatorLabel(ctx.lang, ctx.state.indicator, ctx.unit),
    subtitle: ctx.selection.periodText,
  }),
  downloads: true,
  needsFacts: true,
  keepMounted: false,
  Body: (props: ViewProps) => (
    <Suspense fallback={<p role="status">{t(props.ctx.lang, "mapLoading")}</p>}>
      <MapBody {...props} />
    </Suspense>
  ),
};
