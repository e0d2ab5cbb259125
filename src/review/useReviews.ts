// The page's decisions: read from data/reviews.csv (and the browser in static mode), sent to the
// parse worker to apply over the loaded facts, and kept when a person decides. After a decision
// the file is read again, so decisions from another tab show here too.
import { useCallback, useMemo, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ParseClient } from "../data/parseClient.ts";
import type { SourceInfo } from "../data/metadata.ts";
import { pageWriteMode } from "../write/writeMode.ts";
import type { NamedDecision, PageReview } from "./overlay.ts";
import { saveBlob } from "../view/download.ts";
import type { WriteFailure } from "../i18n/writeErrors.ts";

/** Reading and keeping decisions, with PapaParse: a chunk of its own, fetched on first use. */
const store = () => import("./reviewStore.ts");
/** Asking data/raw whether a document is there (loaded with the first decision). */
const files = () => import("../data/metadata.ts");

const NONE: readonly NamedDecision[] = [];

/** Answers of the worker applying decisions, numbered in the order they came. */
let appliedCount = 0;

export function useReviews(options: {
  client: ParseClient | null;
  regionKeys: readonly string[];
  /** The loaded facts, as last joined (file, then pasted articles): the decisions go over them. */
  factsKey: string | null;
  /** data/raw/sources.csv: the file name of each document it lists. */
  sources: ReadonlyMap<string, SourceInfo>;
  /** Changes when data/raw may have changed (an article saved or deleted): asked again then. */
  tablesKey: number;
  /** The ids of the articles pasted or kept in this browser, sorted: here by definition. */
  pasted: readonly string[];
  /** Whether the loaded facts vouch for their documents: a file opened by hand, or ?csv= other
   * than data/indicators.csv, has no folder to check them against, and only its rows' articles
   * (and the browser's) are here. The shipped CSV does not: it was extracted from data/raw, and
   * a document gone from there is gone. */
  loadedAreHere: boolean;
}) {
  const { client, regionKeys, factsKey, sources, tablesKey, pasted, loadedAreHere } = options;
  const mode = useMemo(() => pageWriteMode(), []);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<WriteFailure | null>(null);
  const fileQuery = useQuery({
    queryKey: ["reviews-file", regionKeys.join(","), version],
    queryFn: async () => (await store()).loadReviews(mode, new Set(regionKeys)),
    enabled: regionKeys.length > 0,
    placeholderData: keepPreviousData,
  });
  const reviews = useMemo(() => fileQuery.data?.reviews ?? [], [fileQuery.data]);
  // The documents decided about, other than the browser's own: each is looked for in data/raw as
  // `npm run extract` looks for it (its file, not its row of sources.csv), so that a decision
  // about an article whose file is gone applies to nothing here as it does there.
  // A file opened by hand is data of its own, not data/raw's: its rows' articles (and the
  // browser's) are the ones here, and data/raw is not asked.
  const asked = useMemo(() => {
    if (loadedAreHere) return [];
    const own = new Set(pasted);
    return [...new Set(reviews.map((r) => r.source))].filter((s) => !own.has(s)).sort();
  }, [reviews, pasted, loadedAreHere]);
  const presentQuery = useQuery({
    queryKey: ["documents-here", asked.join("\n"), tablesKey],
    queryFn: async () => {
      const { documentIsHere } = await files();
      const here = await Promise.all(asked.map((id) => documentIsHere(id, sources)));
      return asked.filter((_, i) => here[i]);
    },
    enabled: fileQuery.isSuccess && !fileQuery.isPlaceholderData,
  });
  const documents = useMemo(
    () => (presentQuery.data ? [...new Set([...presentQuery.data, ...pasted])].sort() : null),
    [presentQuery.data, pasted],
  );
  const appliedQuery = useQuery({
    // The documents are part of the key: a delete or a save changes them (and the facts after).
    queryKey: [
      "reviews-applied",
      factsKey,
      fileQuery.dataUpdatedAt,
      documents?.join("\n"),
      loadedAreHere,
    ],
    queryFn: async () => {
      if (!client || !documents) throw new Error("no worker");
      // Numbered in the answer itself: a placeholder (the previous answer, shown while the next
      // is applied) keeps its number, so nothing takes the old facts for the new ones.
      const answer = await client.reviews(reviews, documents, loadedAreHere);
      return { ...answer, applied: ++appliedCount };
    },
    // Not while the file is read again: its placeholder is the decisions before the new one.
    enabled:
      client !== null &&
      factsKey !== null &&
      fileQuery.isSuccess &&
      !fileQuery.isPlaceholderData &&
      documents !== null,
    placeholderData: keepPreviousData,
  });
  const decide = useCallback(
    async (review: PageReview) => {
      const failed = await (await store()).saveReview(mode, review);
      setError(failed);
      if (!failed) setVersion((v) => v + 1);
      return failed;
    },
    [mode],
  );
  const download = useCallback(async () => {
    if (!fileQuery.data) return;
    const text = (await store()).reviewsFileText(fileQuery.data);
    saveBlob(new Blob([text], { type: "text/csv;charset=utf-8" }), "reviews.csv");
  }, [fileQuery.data]);
  const applied = appliedQuery.data;
  const problems = fileQuery.data?.problems;
  // One object while nothing changed, so the context that carries it re-renders no one.
  return useMemo(
    () => ({
      mode,
      reviews,
      problems: problems ?? [],
      decide,
      download,
      error,
      /** Points after the decisions, once the worker has applied them for the current facts. */
      points: applied?.points ?? null,
      counts: applied?.counts ?? null,
      /** Decisions about documents that are not here: kept in the file, applied to nothing. */
      gone: applied?.gone ?? NONE,
      /** Numbers decided about that the loaded file has no row for yet: shown as the next
       * `npm run extract` writes them. */
      waiting: applied?.waiting ?? NONE,
      /** Names the facts the worker holds after the decisions (table pages are asked again). */
      appliedKey: applied ? `r${applied.applied}` : "",
    }),
    [mode, reviews, problems, decide, download, error, applied],
  );
}

export type ReviewsState = ReturnType<typeof useReviews>;
