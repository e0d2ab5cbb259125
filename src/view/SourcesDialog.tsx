// The articles behind a point or a row. Article files are shown as text only — React text nodes,
// never HTML — with the number's sentence marked and scrolled into view.
import { useEffect, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import type { ParseClient } from "../data/parseClient.ts";
import { fetchArticle, type SourceInfo } from "../data/metadata.ts";
import type { FactRow } from "../model/contract.ts";
import { displayUnit, kindName, t } from "../i18n/dictionary.ts";
import { displayValue, markedValue } from "../chart/format.ts";
import type { Language } from "../state/viewState.ts";
import { locateFact } from "./locate.ts";
import type { PastedArticle } from "../model/pasted.ts";
import { ReviewActions } from "../review/ReviewActions.tsx";
import { ReviewHistory } from "../review/ReviewHistory.tsx";
import { AddFromSelection } from "../review/AddFromSelection.tsx";
import { useReviewApi } from "../review/ReviewContext.tsx";
import { useExtractedReading } from "../review/useExtractedReading.ts";

export default function SourcesDialog(props: {
  lang: Language;
  client: ParseClient;
  sourceKey: string;
  /** A chart point, or a table row whose point is meant. */
  of: { point: number } | { fact: number };
  sources: Map<string, SourceInfo>;
  /** Articles pasted in this session: their text is here, not on the server. */
  pasted: ReadonlyMap<string, PastedArticle>;
  regionName: (key: string) => string;
  onClose: () => void;
}) {
  const { lang, client, of, onClose } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const facts = useQuery({
    queryKey: ["facts-of", props.sourceKey, of],
    queryFn: () => client.facts(of),
  });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    const onCancel = () => onClose();
    element?.addEventListener("close", onCancel);
    return () => element?.removeEventListener("close", onCancel);
  }, [onClose]);

  const first = facts.data?.[0];
  return (
    <dialog ref={dialog} className="sources" aria-labelledby="sources-title" data-testid="sources">
      <header>
        <h2 id="sources-title">
          {t(lang, "sources")}
          {first ? ` · ${props.regionName(first.region)} · ${first.period}` : ""}
          {facts.data && facts.data.length > 1
            ? ` · ${t(lang, "reportedBy", { n: facts.data.length })}`
            : ""}
        </h2>
        <button type="button" onClick={() => dialog.current?.close()} autoFocus>
          {t(lang, "close")}
        </button>
      </header>
      {facts.isPending ? <p role="status">{t(lang, "articleLoading")}</p> : null}
      {facts.data && facts.data.length > 1 ? (
        <ReportValues lang={lang} facts={facts.data} sources={props.sources} />
      ) : null}
      {facts.data?.map((fact) => (
        <FactSource
          key={fact.index}
          lang={lang}
          fact={fact}
          info={props.sources.get(fact.source)}
          sources={props.sources}
          pasted={props.pasted.get(fact.source)}
        />
      ))}
    </dialog>
  );
}

/** Each report's value side by side, so a reader sees at once where the articles differ. */
function ReportValues(props: {
  lang: Language;
  facts: readonly FactRow[];
  sources: Map<string, SourceInfo>;
}) {
  const { lang, facts } = props;
  const shown = facts.map((f) => markedValue(displayValue(f.value, f.unit), f.qualifier, lang));
  const differ = new Set(facts.map((f) => `${f.value}`)).size > 1;
  return (
    <table className="report-values" data-testid="report-values">
      <caption>
        {t(lang, "reportedBy", { n: facts.length })}
        {differ ? ` · ${t(lang, "valuesDiffer")}` : ""}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, "source")}</th>
          <th scope="col">{t(lang, "published")}</th>
          <th scope="col">{t(lang, "value")}</th>
          <th scope="col">{t(lang, "text")}</th>
        </tr>
      </thead>
      <tbody>
        {facts.map((f, i) => {
          const info = props.sources.get(f.source);
          return (
            <tr key={f.index}>
              <td>{info?.publisher || f.source}</td>
              <td>{info?.published || f.published}</td>
              <td className="number">
                {shown[i]} {displayUnit(lang, f.indicator, f.unit)}
              </td>
              <td>{f.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function FactSource(props: {
  lang: Language;
  fact: FactRow;
  info: SourceInfo | undefined;
  sources: Map<string, SourceInfo>;
  pasted: PastedArticle | undefined;
}) {
  const { lang, fact, pasted } = props;
  const info: Partial<SourceInfo> | undefined = pasted
    ? { title: pasted.title, published: pasted.published }
    : props.info;
  const article = useQuery({
    queryKey: ["article", fact.source, pasted ? "pasted" : "file"],
    queryFn: () => (pasted ? pasted.text : fetchArticle(fact.source, props.sources)),
  });
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: "center" });
  }, [article.data]);

  const reviewApi = useReviewApi();
  const reading = useExtractedReading(fact, article.data, reviewApi?.regions ?? []);
  const value = markedValue(displayValue(fact.value, fact.unit), fact.qualifier, lang);
  const located = article.data === undefined ? null : locateFact(article.data, fact);
  const text = located ? (
    <div className="article-text" tabIndex={0} aria-label={info?.title || fact.source}>
      {located.before}
      <mark className="sentence" ref={mark}>
        {located.sentenceBefore}
        <mark className="number">{located.number}</mark>
        {located.sentenceAfter}
      </mark>
      {located.after}
    </div>
  ) : null;
  return (
    <article className="source" data-source={fact.source} data-pasted={pasted ? "true" : undefined}>
      <h3>
        {pasted ? <span className="pasted-badge">{t(lang, "pastedArticle")}</span> : null}{" "}
        {info?.title || fact.source}
      </h3>
      <p className="source-meta">
        {info?.publisher ? `${info.publisher} · ` : ""}
        {info?.published || fact.published}
        {" · "}
        {value} {displayUnit(lang, fact.indicator, fact.unit)}
        {fact.kind !== "actual" ? ` · ${kindName(lang, fact.kind)}` : ""}
        {fact.subject ? ` · ${fact.subject}` : ""}
      </p>
      {pasted ? null : <ReviewActions fact={fact} />}
      {pasted ? null : <ReviewHistory fact={fact} extracted={reading} />}
      <blockquote>{fact.quote}</blockquote>
      {article.isPending ? <p role="status">{t(lang, "articleLoading")}</p> : null}
      {article.isError ? (
        <p role="alert">
          {t(lang, "articleFailed")}:{" "}
          {article.error instanceof Error ? article.error.message : String(article.error)}
        </p>
      ) : null}
      {located && article.data !== undefined ? (
        pasted ? (
          text
        ) : (
          <AddFromSelection fact={fact} article={article.data}>
            {text}
          </AddFromSelection>
        )
      ) : article.data !== undefined ? (
        <div className="article-text" tabIndex={0}>
          {article.data}
        </div>
      ) : null}
    </article>
  );
}
