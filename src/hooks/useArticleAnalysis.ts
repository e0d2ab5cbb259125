// The 分析文章 panel's effects: the article worker (created on first use), the request in flight
// and its answer. A newer request wins: an older answer arriving late is dropped.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Region } from "../../extract/lib/index.ts";
import { createArticleClient, type ArticleClient } from "../article/articleClient.ts";
import type { ArticleAnalysis } from "../article/analyse.ts";
import { isPageFile } from "../../extract/lib/index.ts";
import { pastedId, pastedSession } from "../model/pasted.ts";

export type ArticleInput = { kind: "text"; text: string } | { kind: "file"; file: File };

export type ArticleResult =
  | { status: "idle" }
  | { status: "busy" }
  | {
      status: "done";
      /** The document id the facts carry. */
      source: string;
      text: string;
      encoding: string;
      fileName: string;
      /** The dropped file itself, so that it can be kept as it is (a GBK page keeps its bytes). */
      file?: File;
      /** A web page's own title and date, from its metadata. */
      pageTitle?: string;
      pagePublished?: string;
      analysis: ArticleAnalysis;
      ms: number;
    }
  | { status: "unreadable"; fileName: string; reason: string }
  | { status: "failed"; message: string };

/** Ids of pasted articles: unique across sessions (src/model/pasted.ts), and never a file name
 * of data/raw. */
const session = pastedSession();
let pastedCount = 0;
const nextSource = () => pastedId(session, ++pastedCount);

export function useArticleAnalysis(regions: Region[]) {
  const client = useRef<ArticleClient | null>(null);
  const latest = useRef(0);
  const [result, setResult] = useState<ArticleResult>({ status: "idle" });
  useEffect(() => () => client.current?.dispose(), []);

  const analyse = useCallback(
    async (input: ArticleInput, published: string) => {
      const ask = ++latest.current;
      setResult({ status: "busy" });
      client.current ??= createArticleClient();
      const source = nextSource();
      const fileName = input.kind === "file" ? input.file.name : "";
      try {
        // A web page: its article text is found here (DOMParser lives on the page, not in
        // workers), and its metadata gives the date when none was set.
        let page: { title?: string; published?: string; text: string; encoding: string } | null =
          null;
        if (input.kind === "file" && isPageFile(fileName)) {
          const { readPageInBrowser } = await import("../article/page.ts");
          const read = readPageInBrowser(new Uint8Array(await input.file.arrayBuffer()));
          if (ask !== latest.current) return;
          if (!read.ok) {
            setResult({ status: "unreadable", fileName, reason: read.reason });
            return;
          }
          page = read;
        }
        const answer = await client.current.analyse({
          type: "analyse",
          source,
          input:
            input.kind === "text"
              ? input
              : page
                ? { kind: "text", text: page.text }
                : { kind: "bytes", bytes: await input.file.arrayBuffer(), name: fileName },
          published: published || page?.published || "",
          regions,
        });
        if (ask !== latest.current) return;
        if (answer.type === "unreadable")
          setResult({ status: "unreadable", fileName, reason: answer.reason });
        else
          setResult({
            status: "done",
            source,
            text: answer.text,
            encoding: page ? page.encoding : answer.encoding,
            fileName,
            ...(input.kind === "file" ? { file: input.file } : {}),
            ...(page?.title ? { pageTitle: page.title } : {}),
            ...(page?.published ? { pagePublished: page.published } : {}),
            analysis: answer.analysis,
            ms: answer.ms,
          });
      } catch (error) {
        if (ask !== latest.current) return;
        setResult({
          status: "failed",
          message: error instanceof Error ? error.message : String(error),
        });
      }
    },
    [regions],
  );
  const reset = useCallback(() => {
    latest.current++;
    setResult({ status: "idle" });
  }, []);
  return { result, analyse, reset };
}
