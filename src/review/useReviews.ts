// The page's decisions: read from data/reviews.csv (and the browser in static mode), sent to the
// parse worker to apply over the loaded facts, and kept when a person decides. After a decision
// the file is read again, so decisions from another tab show here too.
import { useCallback, useMemo, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ParseClient } from "../data/parseClient.ts";
import { pageWriteMode } from "../write/writeMode.ts";
import type { PageReview } from "./overlay.ts";
import { saveBlob } from "../view/download.ts";

/** Reading and keeping decisions, with PapaParse: a chunk of its own, fetched on first use. */
const store = () => import("./reviewStore.ts");

/** Answers of the worker applying decisions, numbered in the order they came. */
let appliedCount = 0;

export function useReviews(options: {
  client: ParseClient | null;
  regionKeys: readonly string[];
  /** The loaded facts, as last joined (file, then pasted articles): the decisions go over them. */
  factsKey: string | null;
  /** The ids of the documents the page knows (sources.csv, articles pasted or kept in this
   * browser), sorted: a decision about another document (deleted since) applies to nothing. */
  documents: readonly string[];
}) {
  const { client, regionKeys, factsKey, documents } = options;
  const mode = useMemo(() => pageWriteMode(), []);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const fileQuery = useQuery({
    queryKey: ["reviews-file", regionKeys.join(","), version],
    queryFn: async () => (await store()).loadReviews(mode, new Set(regionKeys)),
    enabled: regionKeys.length > 0,
    placeholderData: keepPreviousData,
  });
  const reviews = useMemo(() => fileQuery.data?.reviews ?? [], [fileQuery.data]);
  const appliedQuery = useQuery({
    // The documents are part of the key: a delete or a save changes them (and the facts after).
    queryKey: ["reviews-applied", factsKey, fileQuery.dataUpdatedAt, documents.join("\n")],
    queryFn: async () => {
      if (!client) throw new Error("no worker");
      // Numbered in the answer itself: a placeholder (the previous answer, shown while the next
      // is applied) keeps its number, so nothing takes the old facts for the new ones.
      return { ...(await client.reviews(reviews, [...documents])), applied: ++appliedCount };
    },
    // Not while the file is read again: its placeholder is the decisions before the new one.
    enabled:
      client !== null && factsKey !== null && fileQuery.isSuccess && !fileQuery.isPlaceholderData,
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
      /** Decisions about documents the page does not have: kept in the file, applied to nothing. */
      gone: applied?.gone ?? 0,
      /** Names the facts the worker holds after the decisions (table pages are asked again). */
      appliedKey: applied ? `r${applied.applied}` : "",
    }),
    [mode, reviews, problems, decide, download, error, applied],
  );
}

export type ReviewsState = ReturnType<typeof useReviews>;
