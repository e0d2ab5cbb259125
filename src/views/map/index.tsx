// 地图: one period's district-wide figures on the districts' boundaries. Its part of ECharts and
// the boundaries load when the view first opens.
import { useMemo, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import type { Point } from "../../model/aggregate.ts";
import { buildMapOption, type MapConfig } from "../../chart/map.ts";
import { displayValue, markedValue } from "../../chart/format.ts";
import { EChart, type EChartHandle } from "../../echarts/EChart.tsx";
import { displayUnit, indicatorLabel, indicatorName, t } from "../../i18n/dictionary.ts";
import { useNarrow } from "../../hooks/useNarrow.ts";
import { pickDistrict } from "../../state/viewState.ts";
import { MapDistricts } from "../../view/MapDistricts.tsx";
import { PeriodSelect } from "../../view/PanelHeading.tsx";
import { Empty } from "../../view/Status.tsx";
import { chartSelection, indicatorHeading } from "../shared.ts";
import { ViewExport, drawnImage } from "../ViewExport.tsx";
import type { ViewProps, ViewRecord } from "../types.ts";

/** The period mapped and its district-wide points. */
export interface MappedRows {
  period: string | null;
  points: readonly Point[];
}

const chart = {
  option: (config: MapConfig, rows: MappedRows) =>
    rows.period ? buildMapOption(config, rows.period, rows.points) : null,
  describe: (config: MapConfig, rows: MappedRows) =>
    t(config.lang, "mapAria", {
      indicator: indicatorName(config.lang, config.indicator),
      period: rows.period ?? "",
    }),
};

function MapBody({ ctx, client }: ViewProps) {
  const { lang, derived, state, update, unit, data } = ctx;
  const { mapPeriod, mapped } = derived;
  const geoParam = useMemo(() => new URLSearchParams(window.location.search).get("geo"), []);
  const mapQuery = useQuery({
    queryKey: ["map", data.regionsQuery.dataUpdatedAt, geoParam],
    queryFn: async () => (await import("../../echarts/map.ts")).loadMap(data.regionTable, geoParam),
    enabled: data.regionsQuery.isSuccess,
    staleTime: Infinity,
    retry: false,
  });
  const loadedMap = mapQuery.data;
  const narrow = useNarrow();
  const handle = useRef<EChartHandle>(null);
  const config: MapConfig | null = useMemo(
    () =>
      loadedMap
        ? {
            indicator: state.indicator,
            unit,
            lang,
            regionName: data.nameOf,
            mapName: loadedMap.mapName,
            districts: loadedMap.districts,
            selected: derived.regions,
            articleName: ctx.articleName,
            narrow,
          }
        : null,
    [loadedMap, state.indicator, unit, lang, data.nameOf, derived.regions, ctx.articleName, narrow],
  );
  const rows = useMemo(() => ({ period: mapPeriod, points: mapped }), [mapPeriod, mapped]);
  const option = useMemo(() => (config ? chart.option(config, rows) : null), [config, rows]);
  const pick = (key: string) => update({ regions: pickDistrict(state.regions, key) });

  let drawing: React.ReactNode;
  if (mapQuery.error)
    drawing = (
      <p role="alert">
        {t(lang, mapQuery.error.name === "NoBoundaries" ? "mapNoBoundaries" : "mapFailed")}:{" "}
        {mapQuery.error.message}
      </p>
    );
  else if (!loadedMap || !config) drawing = <p role="status">{t(lang, "mapLoading")}</p>;
  else if (!option) drawing = <Empty lang={lang} noRegions={false} />;
  else
    drawing = (
      <div className="map-view">
        <EChart
          ref={handle}
          option={option}
          testId="chart"
          ariaLabel={chart.describe(config, rows)}
          onItemClick={(_value, name) => {
            if (loadedMap.districts.includes(name)) pick(name);
          }}
        />
        <MapDistricts
          lang={lang}
          onPick={pick}
          page={ctx.districtPage}
          districts={loadedMap.districts.map((key) => {
            const p = mapped.find((m) => m.region === key);
            return {
              key,
              name: data.nameOf(key),
              figure: p
                ? `${markedValue(displayValue(p.value, unit), p.qualifier, lang)} ${displayUnit(
                    lang,
                    state.indicator,
                    unit,
                  )}`
                : null,
              pressed: state.regions !== null && derived.regions.includes(key),
            };
          })}
        />
      </div>
    );
  return (
    <>
      <PeriodSelect
        lang={lang}
        testId="map-period"
        periods={derived.mapPeriods}
        value={mapPeriod}
        onChange={(period) => update({ period })}
      />
      {drawing}
      <ViewExport ctx={ctx} client={client} image={drawnImage(ctx, client, option, handle)} />
    </>
  );
}

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
  chart,
  // The map shows every district: the subtitle is the period alone.
  exportText: (ctx) => ({
    title: indicatorLabel(ctx.lang, ctx.state.indicator, ctx.unit),
    subtitle: ctx.selection.periodText,
  }),
  downloads: true,
  needsFacts: true,
  keepMounted: false,
  Body: MapBody,
};
