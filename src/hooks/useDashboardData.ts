// The data behind every view: the region and source tables and the facts from the parse worker,
// the articles pasted in this session (and kept in this browser) joined to them, and a person's
// decisions applied over both. Effects and queries only; what a view shows derives elsewhere.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { isIndicator, type Indicator } from "../model/contract.ts";
import { indexByIndicator } from "../model/aggregate.ts";
import { pastedFacts, sessionOnlySources, type PastedArticle } from "../model/pasted.ts";
import { firstIndicator, indicatorReach } from "../state/firstView.ts";
import type { UpdateView } from "../state/useViewState.ts";
import type { Language } from "../model/language.ts";
import { regionName } from "../i18n/dictionary.ts";
import { useParseClient } from "./useParseClient.ts";
import { useCsvSource } from "./useCsvSource.ts";
import { DEFAULT_CSV } from "../data/csvLocation.ts";
import { useFileDrop } from "./useFileDrop.ts";
import { useReviews } from "../review/useReviews.ts";
import { useBrowserKept } from "../keep/useBrowserKept.ts";

export function useDashboardData(lang: Language, indicator: Indicator, update: UpdateView) {
  const client = useParseClient();
  const csv = useCsvSource();
  useFileDrop(csv.openFile);
  const { source, key: sourceKey } = csv;

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
      const joined = await client.pasted(
        pastedFacts(pasted.articles),
        sessionOnlySources(pasted.articles),
      );
      return { ...joined, version: pasted.version };
    },
    enabled: client !== null && factsQuery.isSuccess && pasted.version > 0,
    // The chart keeps the last joined points until the new ones are in.
    placeholderData: keepPreviousData,
  });
  // One entry per document: an article kept again (the same text, the same id) replaces its
  // earlier copy rather than joining a second set of the same facts.
  const addPasted = useCallback(
    (article: PastedArticle) =>
      setPasted((p) => ({
        version: p.version + 1,
        articles: [...p.articles.filter((a) => a.source !== article.source), article],
      })),
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
  // The articles of this browser: a decision about them applies while they are here. Any other
  // document is looked for in data/raw (useReviews), as `npm run extract` looks for it.
  const pastedIds = useMemo(() => [...pastedBySource.keys()].sort(), [pastedBySource]);
  // A person's decisions go over the loaded and pasted facts in the worker (src/review).
  const reviews = useReviews({
    sources,
    tablesKey: regionsQuery.dataUpdatedAt,
    pasted: pastedIds,
    loadedAreHere: !(source?.kind === "url" && source.url === DEFAULT_CSV),
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
  const byIndicator = useMemo(
    () => (pointTable ? indexByIndicator(pointTable) : new Map<Indicator, Uint32Array>()),
    [pointTable],
  );
  const counts = useMemo(
    () => new Map([...byIndicator].map(([indicator, ids]) => [indicator, ids.length])),
    [byIndicator],
  );

  // A link without a (valid) indicator opens on the one with the most region-wide figures
  // (src/state/firstView.ts), so the first view draws lines rather than one lone point.
  const indicatorGiven = useRef(
    isIndicator(new URLSearchParams(window.location.search).get("indicator") ?? ""),
  );
  useEffect(() => {
    if (indicatorGiven.current || !byIndicator.size) return;
    indicatorGiven.current = true;
    // The worker works it out with the file's points; the page only for points it did not send
    // with a load (pasted articles alone).
    const first =
      factsQuery.data && factsQuery.data.points === pointTable
        ? factsQuery.data.firstIndicator
        : pointTable && firstIndicator(indicatorReach(pointTable, byIndicator));
    if (first && first !== indicator) update({ indicator: first }, "replace");
  }, [pointTable, byIndicator, indicator, update, factsQuery.data]);

  // What stands before the views: a refused ?csv=, a failed load, or the load still running.
  const loadFailed = regionsQuery.error ?? factsQuery.error;
  const csvRefused = !csv.location.ok && !csv.userFile;
  const loaded = factsQuery.data;
  /** The facts are in: the views that need them can show. */
  const factsReady = !csvRefused && !loadFailed && loaded !== undefined && client !== null;

  return {
    client,
    loaded,
    loadFailed,
    csvRefused,
    factsReady,
    csv,
    regionsQuery,
    factsQuery,
    regionTable,
    tableKeys,
    tableNames,
    sources,
    nameOf,
    pasted: pasted.articles,
    addPasted,
    removePasted,
    pastedBySource,
    addedSources,
    dataKey,
    pointTable,
    byIndicator,
    counts,
    reviewApi,
  };
}

export type LoadedData = ReturnType<typeof useDashboardData>;
