// The map view's body: loaded when the map first opens, before its part of ECharts and the
// boundaries (which load on their own, from echarts/map.ts).
import { useMemo, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import type { MapConfig } from "../../chart/map.ts";
import { displayValue, markedValue } from "../../chart/format.ts";
import { EChart, type EChartHandle } from "../../echarts/EChart.tsx";
import { displayUnit, t } from "../../i18n/dictionary.ts";
import { useNarrow } from "../../hooks/useNarrow.ts";
import { pickDistrict } from "../../state/viewState.ts";
import { MapDistricts } from "../../view/MapDistricts.tsx";
import { PeriodSelect } from "../../view/PanelHeading.tsx";
import { Empty } from "../../view/Status.tsx";
import { ViewExport, drawnImage } from "../ViewExport.tsx";
import type { ViewProps } from "../types.ts";
import { mapChart } from "./chart.ts";

export default function MapBody({ ctx, client }: ViewProps) {
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
  const option = useMemo(() => (config ? mapChart.option(config, rows) : null), [config, rows]);
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
          ariaLabel={mapChart.describe(config, rows)}
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
