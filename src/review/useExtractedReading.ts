// What the extractor reads at a corrected fact's number now, so the sources dialog can show the
// extracted value beside the corrected one (indicators.csv keeps only the corrected fields). Runs
// the extractor on the article in the article worker, loaded only when a corrected fact is shown.
import { useQuery } from "@tanstack/react-query";
import type { Region } from "../../extract/lib/index.ts";
import type { FactRow } from "../model/contract.ts";

export function useExtractedReading(
  fact: FactRow,
  article: string | undefined,
  regions: readonly Region[],
): { value: number; region: string; period: string } | null {
  const query = useQuery({
    queryKey: ["extracted-reading", fact.source, fact.start, fact.end, article?.length],
    queryFn: async () => {
      const { createArticleClient } = await import("../article/articleClient.ts");
      const client = createArticleClient();
      try {
        const answer = await client.analyse({
          type: "analyse",
          source: fact.source,
          input: { kind: "text", text: article! },
          published: fact.published,
          regions: [...regions],
        });
        if (answer.type !== "analysed") return null;
        const found = answer.analysis.facts.find(
          (f) => f.start === fact.start && f.end === fact.end,
        );
        return found ? { value: found.value, region: found.region, period: found.period } : null;
      } finally {
        client.dispose();
      }
    },
    enabled: fact.review === "corrected" && article !== undefined && regions.length > 0,
    staleTime: Infinity,
  });
  return query.data ?? null;
}
