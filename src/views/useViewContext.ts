// The shown view's context: the view state derived over the shown indicator's points (one pure
// function, deriveDashboard), the chart configuration every chart starts from, the view's
// selection (its record's select), and the sources dialog's state.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { INDICATOR_UNIT } from "../model/contract.ts";
import { articleLabel, articleName } from "../model/articleName.ts";
import { t } from "../i18n/dictionary.ts";
import { deriveDashboard, type Dashboard } from "../state/derive.ts";
import type { Point } from "../model/aggregate.ts";
import type { UpdateView } from "../state/useViewState.ts";
import { districtHref, openDistrict, type ViewState } from "../state/viewState.ts";
import type { DistrictLinkTarget } from "../view/DistrictLink.tsx";
import type { LoadedData } from "../hooks/useDashboardData.ts";
import { viewRecord } from "./registry.ts";
import type { SourcesOf, ViewContext } from "./types.ts";
import { useIndicatorPoints } from "./indicatorPoints.ts";
import { itemsAhead, writeItemsAhead } from "../chart/timeSeries.ts";

export function useViewContext(state: ViewState, update: UpdateView, data: LoadedData) {
  const { lang } = state;
  const { pointTable, byIndicator, tableKeys, nameOf, sources, pastedBySource } = data;
  const record = viewRecord(state.view);
  const unit = INDICATOR_UNIT[state.indicator];
  // The derivation of the view, the last one kept: a large indicator's first is made ahead, in
  // the task after its points are made, so the render that shows them does not make it too.
  const lastDerived = useRef<{
    state: ViewState;
    points: readonly Point[];
    tableKeys: readonly string[];
    derived: Dashboard;
  }>(null);
  const derive = (points: readonly Point[]) => {
    const last = lastDerived.current;
    if (last && last.state === state && last.points === points && last.tableKeys === tableKeys)
      return last.derived;
    const derived = deriveDashboard(state, { points, tableKeys });
    lastDerived.current = { state, points, tableKeys, derived };
    return derived;
  };
  // Only the shown indicator's points become objects; the rest stay in the typed columns.
  const {
    points: indicatorPoints,
    ahead: written,
    preparing,
  } = useIndicatorPoints(
    pointTable,
    byIndicator,
    state.indicator,
    // The derivation in a task of its own, then the view's own work ahead (its record's prepare).
    function* (made) {
      const derived = derive(made.points);
      yield;
      if (record.prepare)
        yield* record.prepare(state, derived, unit, itemsAhead(made.ahead, made.points, unit));
    },
    // The chart's item of each point, written as the points are made and kept beside them (see
    // AheadItems); the unit is the points' own indicator's.
    (points, total, from, to, ahead) =>
      writeItemsAhead(points, INDICATOR_UNIT[points[from]!.indicator], total, from, to, ahead),
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- derive reads state and tableKeys
  const derived = useMemo(() => derive(indicatorPoints), [state, indicatorPoints, tableKeys]);
  const selection = useMemo(() => record.select(state, derived), [record, state, derived]);
  const districtPage: DistrictLinkTarget = useMemo(
    () => ({
      href: (key) => districtHref(state, key, window.location.search),
      open: (key) => update(openDistrict(key)),
      label: (key) => t(lang, "districtLinkLabel", { name: nameOf(key) }),
    }),
    [state, update, lang, nameOf],
  );
  // Articles named for a reader in tooltips: sources.csv, else a pasted article's title.
  const articleNameOf = useMemo(
    () => (source: string) =>
      articleLabel(
        articleName(source, sources.get(source) ?? pastedBySource.get(source), undefined),
        lang,
      ),
    [sources, pastedBySource, lang],
  );
  const { regions: shown, showSubjects } = derived;
  const ahead = useMemo(
    () => itemsAhead(written, indicatorPoints, unit),
    [written, indicatorPoints, unit],
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
      showSubjects,
      articleName: articleNameOf,
      ahead,
    }),
    [
      state.indicator,
      unit,
      lang,
      state.chart,
      shown,
      tableKeys,
      nameOf,
      showSubjects,
      articleNameOf,
      ahead,
    ],
  );

  // Sources dialog: the facts behind a clicked point, or behind the point of a table row.
  const [sourcesOf, setSourcesOf] = useState<SourcesOf | null>(null);
  const closeSources = useCallback(() => setSourcesOf(null), []);

  // Views kept mounted once opened (the article panel) stay in the page after.
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([state.view]));
  useEffect(() => {
    setOpened((o) => (o.has(state.view) ? o : new Set([...o, state.view])));
  }, [state.view]);

  const ctx: ViewContext = {
    record,
    state,
    update,
    lang,
    data,
    derived,
    selection,
    unit,
    chartConfig,
    articleName: articleNameOf,
    districtPage,
    openSources: setSourcesOf,
    preparing,
  };
  return { ctx, record, opened, sourcesOf, closeSources };
}
