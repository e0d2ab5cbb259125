// 保存文章: keeps the analysed article. Under `npm start` it goes to data/raw/ through the server
// (the file as dropped, or the pasted text), and the dashboard reloads its data files; otherwise
// it is kept in this browser with its facts and joins the dashboard at once.
import { useId, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { Fact } from "../../extract/lib/index.ts";
import { t } from "../i18n/dictionary.ts";
import { describeWriteFailure, type WriteFailure } from "../i18n/writeErrors.ts";
import type { PastedArticle } from "../model/pasted.ts";
import type { Language } from "../state/viewState.ts";
import { pageWriteMode } from "../write/writeMode.ts";
import { asPasted, keptId, keptStore, retarget, type BrowserKept } from "./browserKept.ts";
import { saveOnServer } from "./keepClient.ts";
import { BROWSER_KEPT_KEY } from "./useBrowserKept.ts";

type Status =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "done"; message: string }
  | { kind: "failed"; failure: WriteFailure };

/** After a save or a delete on the server: the tables and facts are fetched again. */
export async function reloadData(queryClient: ReturnType<typeof useQueryClient>): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ["tables"] });
  await queryClient.invalidateQueries({ queryKey: ["facts"] });
}

export function SaveArticle(props: {
  lang: Language;
  /** The analysis's document id (pasted-<session>-<n>) and what it found. */
  source: string;
  text: string;
  facts: readonly Fact[];
  /** The file as dropped, when it was. */
  file: File | null;
  title: string;
  published: string;
  onAdd: (article: PastedArticle) => void;
  /** Called once it is kept, on the server (its facts are in the data files from then on) or in
   * this browser (its kept copy joins the dashboard): the session's copy goes. */
  onSavedToData: () => void;
}) {
  const { lang } = props;
  const mode = pageWriteMode();
  const queryClient = useQueryClient();
  const [publisher, setPublisher] = useState("");
  const [url, setUrl] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const ids = { publisher: useId(), url: useId() };

  const save = async () => {
    setStatus({ kind: "saving" });
    const meta = { title: props.title, published: props.published, publisher, url };
    if (mode.kind === "server") {
      const input = props.file ? { file: props.file } : { text: props.text };
      const result = await saveOnServer(mode, input, meta);
      if (!result.ok) return setStatus({ kind: "failed", failure: result });
      props.onSavedToData();
      await reloadData(queryClient);
      const { article, already } = result.value;
      setStatus({
        kind: "done",
        message: already
          ? t(lang, "alreadySaved", { file: article.file })
          : t(lang, "savedToData", { file: article.file, n: article.facts }),
      });
      return;
    }
    const key = keptId(props.text);
    const kept: BrowserKept = {
      key,
      ...meta,
      text: props.text,
      fileName: props.file?.name ?? "",
      savedAt: new Date().toISOString(),
      facts: retarget(props.facts, props.source, key),
    };
    try {
      await keptStore().put(kept);
    } catch (error) {
      return setStatus({
        kind: "failed",
        failure: { status: 0, code: "browser-storage", params: {}, detail: String(error) },
      });
    }
    await queryClient.invalidateQueries({ queryKey: BROWSER_KEPT_KEY });
    // The kept copy stands for the article from now on: the session's copy (added with 添加到仪表盘)
    // would count every figure twice.
    props.onSavedToData();
    props.onAdd(asPasted(kept));
    setStatus({ kind: "done", message: t(lang, "savedInBrowser", { n: kept.facts.length }) });
  };

  return (
    <div className="save-article" data-testid="save-article" data-mode={mode.kind}>
      <div className="analyse-fields">
        <div className="control">
          <label htmlFor={ids.publisher}>{t(lang, "articlePublisher")}</label>
          <input
            id={ids.publisher}
            type="text"
            data-testid="article-publisher"
            value={publisher}
            maxLength={200}
            onChange={(e) => setPublisher(e.target.value)}
          />
        </div>
        <div className="control">
          <label htmlFor={ids.url}>{t(lang, "articleUrl")}</label>
          <input
            id={ids.url}
            type="url"
            data-testid="article-url"
            value={url}
            maxLength={2000}
            placeholder="https://"
            onChange={(e) => setUrl(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="primary"
          data-testid="save-article-button"
          disabled={status.kind === "saving"}
          onClick={() => void save()}
        >
          {status.kind === "saving" ? t(lang, "saving") : t(lang, "saveArticle")}
        </button>
      </div>
      {status.kind === "done" ? (
        <p role="status" data-testid="save-status">
          {status.message}
        </p>
      ) : null}
      {status.kind === "failed" ? (
        <p role="alert" className="problem" data-testid="save-status">
          {t(lang, "saveFailed")} {describeWriteFailure(lang, status.failure)}
        </p>
      ) : null}
    </div>
  );
}
