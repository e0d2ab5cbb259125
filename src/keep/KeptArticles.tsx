// The kept articles, each with 删除文章: under `npm start` those saved from the dashboard
// (data/raw/article-*, from sources.csv), moved to data/trash/ on delete; otherwise those kept in
// this browser, which can also be downloaded with their facts. Says plainly where they are kept.
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { SourceInfo } from "../data/metadata.ts";
import { t } from "../i18n/dictionary.ts";
import { describeWriteFailure } from "../i18n/writeErrors.ts";
import { factsToCsv } from "../model/csvExport.ts";
import { factAsRow } from "../model/pasted.ts";
import type { Language } from "../state/viewState.ts";
import { saveBlob } from "../view/download.ts";
import { pageWriteMode } from "../write/writeMode.ts";
import { keptStore, type BrowserKept } from "./browserKept.ts";
import { deleteOnServer } from "./keepClient.ts";
import { reloadData } from "./SaveArticle.tsx";
import { BROWSER_KEPT_KEY, useBrowserKeptList } from "./useBrowserKept.ts";

export function KeptArticles(props: {
  lang: Language;
  sources: ReadonlyMap<string, SourceInfo>;
  onRemove: (source: string) => void;
}) {
  const { lang } = props;
  const mode = pageWriteMode();
  const queryClient = useQueryClient();
  const browserList = useBrowserKeptList(mode.kind !== "server");
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);

  const onServer = mode.kind === "server";
  const items: { id: string; title: string; published: string; kept?: BrowserKept }[] = onServer
    ? [...props.sources.values()]
        .filter((s) => s.id.startsWith("article-"))
        .map((s) => ({ id: s.id, title: s.title || s.file, published: s.published }))
    : (browserList.data ?? []).map((k) => ({
        id: k.key,
        title: k.title || k.fileName || k.key,
        published: k.published,
        kept: k,
      }));

  const remove = async (id: string) => {
    if (onServer) {
      const result = await deleteOnServer(mode, id);
      if (!result.ok)
        return setMessage({
          text: `${t(lang, "deleteFailed")} ${describeWriteFailure(lang, result)}`,
          problem: true,
        });
      await reloadData(queryClient);
      setMessage({
        text: t(lang, "deletedToTrash", { trash: result.value.trash }),
        problem: false,
      });
      return;
    }
    try {
      await keptStore().delete(id);
    } catch (error) {
      const failure = {
        status: 0,
        code: "browser-storage",
        params: {},
        detail: String(error),
      } as const;
      return setMessage({
        text: `${t(lang, "deleteFailed")} ${describeWriteFailure(lang, failure)}`,
        problem: true,
      });
    }
    props.onRemove(id);
    await queryClient.invalidateQueries({ queryKey: BROWSER_KEPT_KEY });
    setMessage(null);
  };

  // Named by its id, as its facts and the decisions about it name it: put into data/raw with
  // the reviews.csv the bar downloads, `npm run extract` applies those decisions to it.
  const downloadText = (kept: BrowserKept) =>
    saveBlob(new Blob([kept.text], { type: "text/plain;charset=utf-8" }), `${kept.key}.txt`);
  const downloadFacts = () => {
    const facts = (browserList.data ?? []).flatMap((k) => k.facts);
    const csv = factsToCsv(facts.map(factAsRow));
    saveBlob(new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" }), "kept-articles.csv");
  };

  return (
    <section className="kept-articles" data-testid="kept-articles" data-mode={mode.kind}>
      <h3>{t(lang, "keptArticles")}</h3>
      <p className="hint" data-testid="kept-where">
        {mode.kind === "server"
          ? t(lang, "keptOnServer")
          : mode.kind === "static"
            ? t(lang, "keptInBrowser")
            : t(lang, "writesOff", { reason: mode.reason })}
      </p>
      {items.length ? (
        <ul>
          {items.map((item) => (
            <li key={item.id} data-source={item.id}>
              {item.title}
              {item.published ? ` · ${item.published}` : ""}{" "}
              {item.kept ? (
                <button type="button" onClick={() => downloadText(item.kept!)}>
                  {t(lang, "downloadArticle")}
                </button>
              ) : null}{" "}
              <button
                type="button"
                data-testid="delete-article"
                aria-label={`${t(lang, "deleteArticle")} ${item.title}`}
                onClick={() => void remove(item.id)}
              >
                {t(lang, "deleteArticle")}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t(lang, "noKeptArticles")}</p>
      )}
      {!onServer && items.length ? (
        <button type="button" data-testid="download-kept" onClick={downloadFacts}>
          {t(lang, "downloadKeptFacts")}
        </button>
      ) : null}
      {message ? (
        <p
          role={message.problem ? "alert" : "status"}
          className={message.problem ? "problem" : undefined}
          data-testid="kept-status"
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
