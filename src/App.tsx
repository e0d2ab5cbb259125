// The dashboard: data (regions, sources, facts from the worker) → the view state's selection →
// chart options → views. What a view shows derives from the ViewState and the loaded data in one
// pure function (deriveDashboard); side effects live in hooks; this file composes them.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { SourceInfo } from "./data/metadata.ts";
import {
  INDICATORS,
  INDICATOR_UNIT,
  isIndicator,
  type FactRow,
  type Indicator,
} from "./model/contract.ts";
import { indexByIndicator, pointAt, type Point, type PointTable } from "./model/aggregate.ts";
import type { FactFilter } from "./model/facts.ts";
import { buildTimeSeriesOption, pointIdOf } from "./chart/timeSeries.ts";
import { buildComparisonOption } from "./chart/comparison.ts";
import { buildMapOption } from "./chart/map.ts";
import { displayValue, markedValue } from "./chart/format.ts";
import { describeChart, describeComparison } from "./chart/describe.ts";
import type { ExportText } from "./chart/exportOption.ts";
import { EChart, type EChartHandle } from "./echarts/EChart.tsx";
import { displayUnit, indicatorLabel, indicatorName, regionName, t } from "./i18n/dictionary.ts";
import { useViewState } from "./state/useViewState.ts";
import { deriveDashboard } from "./state/derive.ts";
import { districtHref, openDistrict, pickDistrict, type Language } from "./state/viewState.ts";
import { deriveDistrict } from "./state/district.ts";
import { buildDistrictOption } from "./chart/district.ts";
import type { DistrictLinkTarget } from "./view/DistrictLink.tsx";
import { useParseClient } from "./hooks/useParseClient.ts";
import { useCsvSource } from "./hooks/useCsvSource.ts";
import { useFileDrop } from "./hooks/useFileDrop.ts";
import { LanguageSwitch } from "./view/Controls.tsx";
import { ChartTools, PanelTitle, PeriodSelect } from "./view/PanelHeading.tsx";
import { Tabs, panelId, tabId } from "./view/Tabs.tsx";
import {
  BadCsvParam,
  Empty,
  LoadError,
  Loading,
  RegionTableProblems,
  RowProblems,
} from "./view/Status.tsx";
import { TableView } from "./view/TableView.tsx";
import { ExportPanel, type ExportSource } from "./view/ExportPanel.tsx";
import { safeFileName, saveBlob } from "./view/download.ts";
import { Sidebar } from "./view/Sidebar.tsx";
import { MapDistricts } from "./view/MapDistricts.tsx";
import { pastedFacts, type PastedArticle } from "./model/pasted.ts";
import { useReviews } from "./review/useReviews.ts";
import { ReviewContext } from "./review/ReviewContext.tsx";
import { ReviewBar } from "./review/ReviewBar.tsx";
import { useBrowserKept } from "./keep/useBrowserKept.ts";

const SourcesDialog = lazy(() => import("./view/SourcesDialog.tsx"));
// The article panel carries its own worker with the extractor: loaded when first opened.
const AnalysePanel = lazy(() => import("./view/AnalysePanel.tsx"));
// A district's page: loaded when one is first opened.
const DistrictPage = lazy(() => import("./view/DistrictPage.tsx"));
// The 待核对 queue: loaded when first opened.
const ReviewQueue = lazy(() => import("./review/ReviewQueue.tsx"));
/** The width of a district page's exported image, in CSS pixels. */
const DISTRICT_EXPORT_WIDTH = 800;

const NO_POINTS: Point[] = [];
/** The points of each indicator shown, per loaded point table (dropped with the table). */
const POINTS_KEPT = new WeakMap<PointTable, Map<Indicator, Point[]>>();
/** Publishers and dates of the articles behind the figures shown, for the exported image. */
function sourceLine(
  lang: Language,
  behind: readonly { source: string; published: string }[],
  sources: Map<string, SourceInfo>,
): string {
  const seen = new Set<string>();
  for (const s of behind) {
    const info = sources.get(s.source);
    seen.add(`${info?.publisher || s.source} ${info?.published || s.published}`.trim());
  }
  const list = [...seen].sort();
  const shown = list.slice(0, 6).join(lang === "zh" ? ";" : "; ");
  const more =
    list.length > 6
      ? lang === "zh"
        ? ` 等 ${list.length} 篇`
        : ` and ${list.length - 6} more`
      : "";
  return `${t(lang, "sourceLine")}${lang === "zh" ? ":" : ": "}${shown}${more}`;
}

export function App() {
  const [state, update] = useViewState();
  const { lang } = state;
  const client = useParseClient();
  const csv = useCsvSource();
  useFileDrop(csv.openFile);
  const { source, key: sourceKey, name: sourceName, location: csvLocation } = csv;

  const regionsQuery = useQuery({
    queryKey: ["tables", client !== null],
    queryFn: () => {
      if (!client) throw new Error("no worker");
      return client.tables();
    },
    enabled: client !== null,
  });
  const regionTable = useMemo(() => regionsQuery.data?.regions ?? [], [regionsQuery.data]);
  const tableKeys = useMemo(() => regionTable.map((r) => r.key), [regionTable]);
  const tableNames = useMemo(() => new Map(regionTable.map((r) => [r.key, r.name])), [regionTable]);
  const sources = useMemo(
    () => new Map((regionsQuery.data?.sources ?? []).map((s) => [s.id, s])),
    [regionsQuery.data],
  );
  const nameOf = useCallback(
    (key: string) => regionName(lang, key, tableNames),
    [lang, tableNames],
  );

  const factsQuery = useQuery({
    queryKey: ["facts", sourceKey, client !== null],
    queryFn: () => {
      if (!client || !source) throw new Error("no data source");
      return client.load(source, tableKeys, Object.fromEntries(tableNames));
    },
    enabled: client !== null && source !== null && regionsQuery.isSuccess,
  });
  // Articles pasted in this session: their facts join the loaded ones in the worker. The version
  // names the session's set of articles, so table pages and sources are asked for again.
  const [pasted, setPasted] = useState<{ version: number; articles: PastedArticle[] }>({
    version: 0,
    articles: [],
  });
  const pastedQuery = useQuery({
    queryKey: ["pasted", sourceKey, factsQuery.dataUpdatedAt, pasted.version],
    queryFn: async () => {
      if (!client) throw new Error("no worker");
      const joined = await client.pasted(pastedFacts(pasted.articles));
      return { ...joined, version: pasted.version };
    },
    enabled: client !== null && factsQuery.isSuccess && pasted.version > 0,
    // The chart keeps the last joined points until the new ones are in.
    placeholderData: keepPreviousData,
  });
  const addPasted = useCallback(
    (article: PastedArticle) =>
      setPasted((p) => ({ version: p.version + 1, articles: [...p.articles, article] })),
    [],
  );
  const removePasted = useCallback(
    (source: string) =>
      setPasted((p) => ({
        version: p.version + 1,
        articles: p.articles.filter((a) => a.source !== source),
      })),
    [],
  );
  const pastedBySource = useMemo(
    () => new Map(pasted.articles.map((a) => [a.source, a])),
    [pasted.articles],
  );
  const addedSources = useMemo(() => new Set(pastedBySource.keys()), [pastedBySource]);
  // Articles kept in this browser (static files) join the dashboard again after a reload.
  useBrowserKept(addPasted, addedSources);
  // The key of the facts the worker holds: the file's and the session's articles' as last joined
  // (a table page asked for before the worker has joined them would be of the old facts; while
  // they are joined, the placeholder still names the version before).
  const joinedVersion = pastedQuery.data?.version ?? 0;
  // A person's decisions go over the loaded and pasted facts in the worker (src/review).
  const reviews = useReviews({
    client,
    regionKeys: tableKeys,
    factsKey: factsQuery.isSuccess
      ? `${sourceKey}#${joinedVersion}#${factsQuery.dataUpdatedAt}`
      : null,
  });
  const dataKey = `${joinedVersion ? `${sourceKey}#${joinedVersion}` : sourceKey}${reviews.appliedKey}`;
  const pointTable =
    reviews.points ??
    (pasted.version && pastedQuery.data ? pastedQuery.data.points : factsQuery.data?.points);
  const reviewApi = useMemo(
    () => ({ lang, state: reviews, regions: regionTable }),
    [lang, reviews, regionTable],
  );
  const [queueOpen, setQueueOpen] = useState(false);
  const [analyseOpened, setAnalyseOpened] = useState(state.view === "analyse");
  useEffect(() => {
    if (state.view === "analyse") setAnalyseOpened(true);
  }, [state.view]);
  const byIndicator = useMemo(
    () => (pointTable ? indexByIndicator(pointTable) : new Map<Indicator, Uint32Array>()),
    [pointTable],
  );

  // A link without a (valid) indicator opens on the most reported one, so the first view is the
  // richest chart the data allows rather than whatever the default happens to be.
  const indicatorGiven = useRef(
    isIndicator(new URLSearchParams(window.location.search).get("indicator") ?? ""),
  );
  useEffect(() => {
    if (indicatorGiven.current || !byIndicator.size) return;
    indicatorGiven.current = true;
    const [most] = [...byIndicator].sort(
      (a, b) => b[1].length - a[1].length || INDICATORS.indexOf(a[0]) - INDICATORS.indexOf(b[0]),
    );
    if (most && most[0] !== state.indicator) update({ indicator: most[0] }, "replace");
  }, [byIndicator, state.indicator, update]);

  const unit = INDICATOR_UNIT[state.indicator];
  // Only the shown indicator's points become objects; the rest stay in the typed columns.
  // Kept per indicator for the loaded table, so switching back reuses the points and what is
  // worked out from them once (chart items, frequencies: see timeSeries.ts and derive.ts).
  const indicatorPoints = useMemo(() => {
    const ids = byIndicator.get(state.indicator);
    if (!pointTable || !ids) return NO_POINTS;
    let kept = POINTS_KEPT.get(pointTable);
    if (!kept) POINTS_KEPT.set(pointTable, (kept = new Map()));
    let points = kept.get(state.indicator);
    if (!points)
      kept.set(state.indicator, (points = Array.from(ids, (id) => pointAt(pointTable, id))));
    return points;
  }, [pointTable, byIndicator, state.indicator]);
  const derived = useMemo(
    () => deriveDashboard(state, { points: indicatorPoints, tableKeys }),
    [state, indicatorPoints, tableKeys],
  );
  // A district's page: every indicator's points of that district, from the typed columns.
  const district =
    state.view === "district" && state.district && tableKeys.includes(state.district)
      ? state.district
      : null;
  const districtRows = useMemo(() => {
    if (!district || !pointTable) return [];
    const code = pointTable.regionKeys.indexOf(district);
    const points: Point[] = [];
    for (let i = 0; i < pointTable.count; i++)
      if (pointTable.region[i] === code) points.push(pointAt(pointTable, i));
    return deriveDistrict(points, district);
  }, [district, pointTable]);
  const districtPage: DistrictLinkTarget = useMemo(
    () => ({
      href: (key) => districtHref(state, key, window.location.search),
      open: (key) => update(openDistrict(key)),
      label: (key) => t(lang, "districtLinkLabel", { name: nameOf(key) }),
    }),
    [state, update, lang, nameOf],
  );
  const { regions: shown, periods, comparePeriod, compared, drawn, mapPeriod, mapped } = derived;
  const counts = useMemo(
    () => new Map([...byIndicator].map(([indicator, ids]) => [indicator, ids.length])),
    [byIndicator],
  );

  const chartConfig = useMemo(
    () => ({
      indicator: state.indicator,
      unit,
      lang,
      chartType: state.chart,
      regions: shown,
      tableKeys,
      regionName: nameOf,
      showSubjects: derived.showSubjects,
    }),
    [state.indicator, unit, lang, state.chart, shown, tableKeys, nameOf, derived.showSubjects],
  );
  const timeOption = useMemo(() => buildTimeSeriesOption(chartConfig, drawn), [chartConfig, drawn]);
  const compareOption = useMemo(
    () => (comparePeriod ? buildComparisonOption(chartConfig, comparePeriod, compared) : null),
    [chartConfig, comparePeriod, compared],
  );

  // The map: its part of ECharts and the boundaries load when the view first opens.
  const geoParam = useMemo(() => new URLSearchParams(window.location.search).get("geo"), []);
  const mapQuery = useQuery({
    queryKey: ["map", regionsQuery.dataUpdatedAt, geoParam],
    queryFn: async () => (await import("./echarts/map.ts")).loadMap(regionTable, geoParam),
    enabled: state.view === "map" && regionsQuery.isSuccess,
    staleTime: Infinity,
    retry: false,
  });
  const loadedMap = mapQuery.data;
  const mapOption = useMemo(
    () =>
      loadedMap && mapPeriod
        ? buildMapOption(
            {
              indicator: state.indicator,
              unit,
              lang,
              regionName: nameOf,
              mapName: loadedMap.mapName,
              districts: loadedMap.districts,
              selected: shown,
            },
            mapPeriod,
            mapped,
          )
        : null,
    [loadedMap, mapPeriod, mapped, state.indicator, unit, lang, nameOf, shown],
  );
  const pickOnMap = useCallback(
    (key: string) => update({ regions: pickDistrict(state.regions, key) }),
    [update, state.regions],
  );
  const onMapClick = useCallback(
    (_value: unknown, name: string) => {
      if (loadedMap?.districts.includes(name)) pickOnMap(name);
    },
    [loadedMap, pickOnMap],
  );

  // Sources view: the facts behind a clicked point, or behind the point of a table row.
  const [openSources, setOpenSources] = useState<{ point: number } | { fact: number } | null>(null);
  const onPointClick = useCallback((value: unknown) => {
    const point = pointIdOf(value);
    if (point !== null) setOpenSources({ point });
  }, []);
  const onRowOpen = useCallback((fact: FactRow) => setOpenSources({ fact: fact.index }), []);
  const closeSources = useCallback(() => setOpenSources(null), []);

  // The table lists every fact under the filter, whatever the frequency or subject toggle.
  const factFilter: FactFilter = useMemo(
    () => ({
      indicator: state.indicator,
      regions: state.regions === null ? null : shown,
      from: state.from,
      to: state.to,
      period: state.view === "compare" ? comparePeriod : null,
      disputed: state.view === "table" && state.disputed,
    }),
    [
      state.indicator,
      state.regions,
      shown,
      state.from,
      state.to,
      state.view,
      comparePeriod,
      state.disputed,
    ],
  );

  const chartHandle = useRef<EChartHandle>(null);
  const viewPoints = state.view === "compare" ? compared : state.view === "map" ? mapped : drawn;
  // Passes over every drawn point: made when the points change, not on every render.
  const timeSpan = useMemo(() => {
    if (!drawn.length) return "";
    const first = drawn.reduce((a, b) => (b.periodStart < a.periodStart ? b : a));
    const last = drawn.reduce((a, b) => (b.periodEnd > a.periodEnd ? b : a));
    return first.period !== last.period ? `${first.period} — ${last.period}` : first.period;
  }, [drawn]);
  const timeDescription = useMemo(() => describeChart(chartConfig, drawn), [chartConfig, drawn]);
  const periodText =
    state.view === "compare"
      ? (comparePeriod ?? "")
      : state.view === "map"
        ? (mapPeriod ?? "")
        : timeSpan;
  const exportSource = async (): Promise<ExportSource | null> => {
    if (state.view === "district") {
      if (!client || !district) return null;
      const { option, height } = buildDistrictOption(districtRows, lang);
      const ids = districtRows.flatMap((r) =>
        [r.latest, r.growth].filter((p): p is Point => p !== null).map((p) => p.id),
      );
      const behind = await client.sources(ids);
      return {
        option,
        // The page's title is the district's name.
        text: {
          title: nameOf(district),
          subtitle: t(lang, "viewDistrict"),
          sourceLine: sourceLine(lang, behind, sources),
        },
        width: DISTRICT_EXPORT_WIDTH,
        height,
      };
    }
    const option =
      state.view === "compare" ? compareOption : state.view === "map" ? mapOption : timeOption;
    const size = chartHandle.current?.size();
    if (!client || !option || !size || !size.width) return null;
    const behind = await client.sources(viewPoints.map((p) => p.id));
    const text: ExportText = {
      title: indicatorLabel(lang, state.indicator, unit),
      // The districts the image shows: those of the filter that have a figure in it.
      subtitle:
        state.view === "map"
          ? periodText
          : `${shown
              .filter((k) => viewPoints.some((p) => p.region === k))
              .map(nameOf)
              .join(lang === "zh" ? "、" : ", ")} · ${periodText}`,
      sourceLine: sourceLine(lang, behind, sources),
    };
    return { option, text, ...size };
  };
  const fileStem = safeFileName(
    district ? district : `${indicatorName("en", state.indicator)}-${periodText}`,
  );
  const downloadCsv = async () => {
    if (!client) return;
    const text = await client.csv(
      { ...factFilter, search: state.view === "table" ? state.search : "" },
      state.sort,
    );
    // The BOM lets spreadsheet programs read the file as UTF-8.
    saveBlob(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }), `${fileStem}.csv`);
  };

  const loadFailed = regionsQuery.error ?? factsQuery.error;
  const loaded = factsQuery.data;
  const noRegions = shown.length === 0;

  let body: React.ReactNode;
  if (!csvLocation.ok && !csv.userFile)
    body = <BadCsvParam lang={lang} given={csvLocation.given} />;
  else if (loadFailed) body = <LoadError lang={lang} error={loadFailed} />;
  else if (!loaded || !client) body = <Loading lang={lang} parsing={regionsQuery.isSuccess} />;
  else if (state.view === "analyse") body = null;
  else if (state.view === "table")
    body = (
      <TableView
        key={JSON.stringify(factFilter)}
        lang={lang}
        client={client}
        sourceKey={dataKey}
        pasted={pastedBySource}
        filter={factFilter}
        search={state.search}
        onSearch={(search) => update({ search }, state.search ? "replace" : "push")}
        sort={state.sort}
        onSort={(sort) => update({ sort })}
        disputed={state.disputed}
        onDisputed={(disputed) => update({ disputed })}
        regionName={nameOf}
        onOpen={onRowOpen}
        page={districtPage}
      />
    );
  else if (state.view === "district")
    body = district ? (
      <Suspense fallback={<p role="status">{t(lang, "loading")}</p>}>
        <DistrictPage
          lang={lang}
          rows={districtRows}
          onOpenReports={(point) => setOpenSources({ point })}
        />
      </Suspense>
    ) : (
      <p role="alert">
        {t(lang, "districtUnknown")} {state.district ?? ""}
      </p>
    );
  else if (state.view === "compare")
    body = (
      <>
        <PeriodSelect
          lang={lang}
          testId="compare-period"
          periods={periods}
          value={comparePeriod}
          onChange={(period) => update({ period })}
        />
        {compareOption && compared.length ? (
          <EChart
            ref={chartHandle}
            option={compareOption}
            testId="chart"
            ariaLabel={describeComparison({ ...chartConfig }, comparePeriod ?? "", compared)}
            onItemClick={onPointClick}
          />
        ) : (
          <Empty lang={lang} noRegions={noRegions} />
        )}
      </>
    );
  else if (state.view === "map")
    body = (
      <>
        <PeriodSelect
          lang={lang}
          testId="map-period"
          periods={derived.mapPeriods}
          value={mapPeriod}
          onChange={(period) => update({ period })}
        />
        {mapQuery.error ? (
          <p role="alert">
            {t(lang, mapQuery.error.name === "NoBoundaries" ? "mapNoBoundaries" : "mapFailed")}:{" "}
            {mapQuery.error.message}
          </p>
        ) : !loadedMap ? (
          <p role="status">{t(lang, "mapLoading")}</p>
        ) : mapOption ? (
          <div className="map-view">
            <EChart
              ref={chartHandle}
              option={mapOption}
              testId="chart"
              ariaLabel={t(lang, "mapAria", {
                indicator: indicatorName(lang, state.indicator),
                period: mapPeriod ?? "",
              })}
              onItemClick={onMapClick}
            />
            <MapDistricts
              lang={lang}
              onPick={pickOnMap}
              page={districtPage}
              districts={loadedMap.districts.map((key) => {
                const p = mapped.find((m) => m.region === key);
                return {
                  key,
                  name: nameOf(key),
                  figure: p
                    ? `${markedValue(displayValue(p.value, unit), p.qualifier, lang)} ${displayUnit(
                        lang,
                        state.indicator,
                        unit,
                      )}`
                    : null,
                  pressed: state.regions !== null && shown.includes(key),
                };
              })}
            />
          </div>
        ) : (
          <Empty lang={lang} noRegions={false} />
        )}
      </>
    );
  else
    body = drawn.length ? (
      <EChart
        ref={chartHandle}
        option={timeOption}
        testId="chart"
        ariaLabel={timeDescription}
        onItemClick={onPointClick}
      />
    ) : (
      <Empty lang={lang} noRegions={noRegions} />
    );

  const page = (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{t(lang, "appTitle")}</h1>
          <p className="subtitle">{t(lang, "appSubtitle")}</p>
        </div>
        <LanguageSwitch lang={lang} onChange={(l) => update({ lang: l })} />
      </header>
      <div className="layout">
        <Sidebar
          lang={lang}
          state={state}
          update={update}
          counts={counts}
          regions={regionTable}
          tableNames={tableNames}
          shown={shown}
          years={derived.years}
          districtPage={districtPage}
          dataSource={{
            name: sourceName,
            loaded,
            canGoBack: !!csv.userFile && csvLocation.ok,
            onOpenFile: csv.openFile,
            onBack: csv.closeFile,
          }}
          pasted={pasted.articles}
          onRemovePasted={removePasted}
        />
        <main className="main">
          {loaded ? <ReviewBar onOpenQueue={() => setQueueOpen(true)} /> : null}
          <Tabs lang={lang} value={state.view} onChange={(view) => update({ view })} />
          <section
            id={panelId(state.view)}
            role="tabpanel"
            aria-labelledby={state.view === "district" ? "district-title" : tabId(state.view)}
            className="panel"
          >
            <PanelTitle
              lang={lang}
              view={state.view}
              indicatorTitle={indicatorLabel(lang, state.indicator, unit)}
              periodText={periodText}
              districtName={state.district ? nameOf(state.district) : ""}
            />
            {regionsQuery.data ? (
              <RegionTableProblems lang={lang} problems={regionsQuery.data.regionProblems} />
            ) : null}
            {loaded ? (
              <RowProblems
                lang={lang}
                fileName={sourceName}
                fileProblem={loaded.fileProblem}
                problems={loaded.problems}
                problemCount={loaded.problemCount}
              />
            ) : null}
            {loaded ? (
              <ChartTools
                lang={lang}
                view={state.view}
                frequencies={derived.frequencies}
                frequency={derived.frequency}
                chartSubjects={{
                  hasTotals: derived.hasTotals,
                  hasParts: derived.hasParts,
                  checked: derived.showSubjects,
                }}
                compareSubjects={{
                  hasTotals: compared.some((p) => !p.subject) || !compared.length,
                  hasParts: derived.selected.some((p) => p.subject && p.period === comparePeriod),
                  checked: compared.some((p) => p.subject),
                }}
                update={update}
              />
            ) : null}
            {body}
            {analyseOpened && regionsQuery.data ? (
              <div hidden={state.view !== "analyse"}>
                <Suspense fallback={<p role="status">{t(lang, "loading")}</p>}>
                  <AnalysePanel
                    lang={lang}
                    regions={regionTable}
                    regionName={nameOf}
                    added={addedSources}
                    onAdd={addPasted}
                    sources={sources}
                    onRemove={removePasted}
                  />
                </Suspense>
              </div>
            ) : null}
            {loaded && (state.view === "chart" || state.view === "compare") ? (
              <p className="hint">{t(lang, "clickHint")}</p>
            ) : null}
            {loaded && state.view !== "analyse" ? (
              <ExportPanel
                lang={lang}
                fileStem={fileStem}
                source={state.view === "table" ? null : exportSource}
                onCsv={downloadCsv}
              />
            ) : null}
          </section>
        </main>
      </div>
      {openSources && client ? (
        <Suspense fallback={null}>
          <SourcesDialog
            lang={lang}
            client={client}
            sourceKey={dataKey}
            pasted={pastedBySource}
            of={openSources}
            sources={sources}
            regionName={nameOf}
            onClose={closeSources}
          />
        </Suspense>
      ) : null}
      {queueOpen && client ? (
        <Suspense fallback={null}>
          <ReviewQueue
            client={client}
            dataKey={dataKey}
            sources={sources}
            regionName={nameOf}
            pasted={addedSources}
            onClose={() => setQueueOpen(false)}
          />
        </Suspense>
      ) : null}
    </div>
  );
  return <ReviewContext.Provider value={reviewApi}>{page}</ReviewContext.Provider>;
}
