// The articles behind a point or a row. Article files are shown as text only — React text nodes,
// never HTML — with the number's sentence marked and scrolled into view; Markdown headings and
// emphasis are drawn as such, their markup left out, every offset as in the file. An article is
// named by its title and publisher with its date; its file id is a tooltip.
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { useModalDialog } from "../hooks/useModalDialog.ts";
import type { ParseClient } from "../data/parseClient.ts";
import type { FactsOf } from "../data/protocol.ts";
import { fetchArticle, type SourceInfo } from "../data/metadata.ts";
import type { FactRow } from "../model/contract.ts";
import { displayUnit, kindName, t } from "../i18n/dictionary.ts";
import { displayValue, markedValue } from "../chart/format.ts";
import type { Language } from "../state/viewState.ts";
import { locateFact } from "./locate.ts";
import { isReviewable, type PastedArticle } from "../model/pasted.ts";
import { articleLabel, articleName } from "../model/articleName.ts";
import { firstLine, markdownSegments } from "../article/markdown.ts";
import { MarkdownRange } from "./MarkdownText.tsx";
import { ReviewActions } from "../review/ReviewActions.tsx";
import { ReviewHistory } from "../review/ReviewHistory.tsx";
import { AddFromSelection } from "../review/AddFromSelection.tsx";
import { useReviewApi } from "../review/ReviewContext.tsx";
import { useExtractedReading } from "../review/useExtractedReading.ts";

/** Reports are counted per article: one sentence can state a figure twice. */
const articleCount = (facts: readonly FactRow[]) => new Set(facts.map((f) => f.source)).size;

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
  const dialog = useModalDialog(onClose);
  // Once shown, the reports are followed by their ids, not by their places: a decision taken here
  // (a rejection moves every later row up one place; a correction can move a figure to another
  // point) must leave the dialog on the same figures, or the next 确认 would be about another.
  // Kept with the `of` it was made for: opened on other reports, the dialog starts from them.
  const [followed, setFollowed] = useState<{ of: typeof of; follow: FactsOf } | null>(null);
  const follow = followed?.of === of ? followed.follow : null;
  const asked = follow ?? of;
  const facts = useQuery({
    queryKey: ["facts-of", props.sourceKey, asked],
    queryFn: () => client.facts(asked),
  });
  useEffect(() => {
    const rows = facts.data;
    // Rows without an id (a hand-made file) cannot be followed: their places are used.
    if (!rows?.length || rows.some((r) => !r.id)) return;
    const next: FactsOf = {
      follow: rows.map((r) => ({ id: r.id, source: r.source })),
      opened: "fact" in of || ("follow" in asked && asked.opened),
    };
    if (JSON.stringify(next) !== JSON.stringify(follow)) setFollowed({ of, follow: next });
  }, [facts.data, of, asked, follow]);

  const first = facts.data?.[0];
  return (
    <dialog ref={dialog} className="sources" aria-labelledby="sources-title" data-testid="sources">
      <header>
        <h2 id="sources-title">
          {t(lang, "sources")}
          {first ? ` · ${props.regionName(first.region)} · ${first.period}` : ""}
          {facts.data && articleCount(facts.data) > 1
            ? ` · ${t(lang, "reportedBy", { n: articleCount(facts.data) })}`
            : ""}
        </h2>
        <button type="button" onClick={() => dialog.current?.close()} autoFocus>
          {t(lang, "close")}
        </button>
      </header>
      {facts.isPending ? <p role="status">{t(lang, "articleLoading")}</p> : null}
      {facts.data?.length === 0 ? (
        <p role="status" data-testid="sources-gone">
          {t(lang, "sourcesGone")}
        </p>
      ) : null}
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
        {t(lang, "reportedBy", { n: articleCount(facts) })}
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
              <td title={f.source} data-testid="report-source">
                {articleLabel({ ...articleName(f.source, info, undefined), published: "" }, lang)}
              </td>
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
  const text = article.data;
  const located = text === undefined ? null : locateFact(text, fact);
  const segments = useMemo(() => (text === undefined ? [] : markdownSegments(text)), [text]);
  const title =
    info?.title || (text !== undefined ? firstLine(text) : "") || (pasted ? "" : fact.source);
  const range = (from: number, to: number) =>
    text === undefined ? null : (
      <MarkdownRange text={text} segments={segments} from={from} to={to} />
    );
  // Offsets of the located pieces in the article (they are consecutive slices of it).
  const at = located
    ? (() => {
        const sentence = located.before.length;
        const number = sentence + located.sentenceBefore.length;
        const numberEnd = number + located.number.length;
        const sentenceEnd = numberEnd + located.sentenceAfter.length;
        return { sentence, number, numberEnd, sentenceEnd };
      })()
    : null;
  // 补录: a number the extractor missed is selected in a kept article (of data/raw or of this
  // browser), not in one pasted for the session.
  const reviewable = isReviewable(pasted);
  const selectable = (node: ReactNode) =>
    !reviewable || text === undefined ? (
      node
    ) : (
      <AddFromSelection fact={fact} article={text}>
        {node}
      </AddFromSelection>
    );
  return (
    <article className="source" data-source={fact.source} data-pasted={pasted ? "true" : undefined}>
      <h3 title={fact.source} data-testid="source-title">
        {pasted ? <span className="pasted-badge">{t(lang, "pastedArticle")}</span> : null} {title}
      </h3>
      <p className="source-meta">
        {info?.publisher ? `${info.publisher} · ` : ""}
        {info?.published || fact.published}
        {" · "}
        {value} {displayUnit(lang, fact.indicator, fact.unit)}
        {fact.kind !== "actual" ? ` · ${kindName(lang, fact.kind)}` : ""}
        {fact.subject ? ` · ${fact.subject}` : ""}
      </p>
      {reviewable ? <ReviewActions fact={fact} /> : null}
      {reviewable ? <ReviewHistory fact={fact} extracted={reading} /> : null}
      {/* A quote can cut through emphasis, leaving one "**" of a pair: drop them all. */}
      <blockquote>{fact.quote.replace(/\*\*/g, "")}</blockquote>
      {article.isPending ? <p role="status">{t(lang, "articleLoading")}</p> : null}
      {article.isError ? (
        <p role="alert">
          {t(lang, "articleFailed")}:{" "}
          {article.error instanceof Error ? article.error.message : String(article.error)}
        </p>
      ) : null}
      {located && at && text !== undefined ? (
        selectable(
          <div className="article-text" tabIndex={0} aria-label={title}>
            {range(0, at.sentence)}
            <mark className="sentence" ref={mark}>
              {range(at.sentence, at.number)}
              <mark className="number">{range(at.number, at.numberEnd)}</mark>
              {range(at.numberEnd, at.sentenceEnd)}
            </mark>
            {range(at.sentenceEnd, text.length)}
          </div>,
        )
      ) : text !== undefined ? (
        <div className="article-text" tabIndex={0} aria-label={title}>
          {range(0, text.length)}
        </div>
      ) : null}
    </article>
  );
}
