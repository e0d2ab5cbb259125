// 待核对: the unchecked facts one by one, the article open at the sentence with the number marked;
// Y confirms, C corrects, R rejects, N (or →) goes to the next; the count of what is left shows.
import { NO_OFFSETS } from "../i18n/writeErrors.ts";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useModalDialog } from "../hooks/useModalDialog.ts";
import type { ParseClient } from "../data/parseClient.ts";
import { fetchArticle, type SourceInfo } from "../data/metadata.ts";
import { displayUnit, indicatorName, kindName, t } from "../i18n/dictionary.ts";
import { displayValue, markedValue } from "../chart/format.ts";
import { locateFact } from "../view/locate.ts";
import { useReviewApi } from "./ReviewContext.tsx";
import { confirmOrReject, correction, formValues } from "./decisions.ts";
import { ReviewForm } from "./ReviewForm.tsx";
import { StateBadge } from "./ReviewActions.tsx";
import { isReviewable, type PastedArticle } from "../model/pasted.ts";
import type { FactRow } from "../model/contract.ts";
import type { WriteFailure } from "../i18n/writeErrors.ts";
import type { PageReview } from "./overlay.ts";
import type { LabelKey } from "../i18n/dictionary.ts";

type DecidedAction = "confirm" | "correct" | "reject";
/** The state a decision just made leaves its fact in. */
const ACTION_STATE: Record<DecidedAction, LabelKey> = {
  confirm: "stateConfirmed",
  correct: "stateCorrected",
  reject: "stateRejected",
};

/** Facts asked of the worker at once: a queue longer than this refills as it empties. */
const QUEUE_BATCH = 500;

export default function ReviewQueue(props: {
  client: ParseClient;
  /** Names the facts the worker holds: after a decision the queue is asked for again. */
  dataKey: string;
  sources: Map<string, SourceInfo>;
  regionName: (key: string) => string;
  /** Articles of this browser by source: those pasted for the session are not in the queue (a
   * decision about one would apply to nothing once the page is gone); a kept one is, its text
   * from here. */
  pasted: ReadonlyMap<string, PastedArticle>;
  onClose: () => void;
}) {
  const api = useReviewApi();
  const { client, onClose } = props;
  const dialog = useModalDialog(onClose);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [correcting, setCorrecting] = useState(false);
  const [busy, setBusy] = useState(false);
  // The facts decided in this queue, newest last, with what was decided: U brings the last one
  // back (a key pressed by mistake, R for Y, is otherwise only undone by editing reviews.csv), to
  // be decided again; the last decision about a fact wins.
  const [decided, setDecided] = useState<readonly { row: FactRow; action: DecidedAction }[]>([]);
  const [revisit, setRevisit] = useState<{ row: FactRow; action: DecidedAction } | null>(null);
  const queue = useQuery({
    queryKey: ["unchecked", props.dataKey],
    queryFn: () => client.unchecked(QUEUE_BATCH),
  });

  const rows = queue.data?.rows;
  const { pasted } = props;
  const current = useMemo(
    () =>
      revisit?.row ??
      rows?.find((r) => !skipped.has(r.id) && isReviewable(pasted.get(r.source))) ??
      null,
    [rows, skipped, pasted, revisit],
  );
  const own = current ? pasted.get(current.source) : undefined;
  const article = useQuery({
    queryKey: ["article", current?.source, own ? "pasted" : "file"],
    queryFn: () => own?.text ?? fetchArticle(current!.source, props.sources),
    enabled: current !== null,
  });
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: "center" });
  }, [article.data, current]);

  // The keys work while the focus is in the queue. A decision swaps the fact shown (the buttons
  // that held the focus go while the queue is asked again), which left the focus on the page's
  // body after a correction saved from the form: Y, C, R and N then did nothing until a click.
  // After every render, a focus that left the queue comes back to it.
  useEffect(() => {
    const element = dialog.current;
    if (!element || correcting) return;
    const active = document.activeElement;
    if (!active || active === document.body || !element.contains(active)) element.focus();
  });

  const next = useCallback(() => {
    if (revisit) return setRevisit(null);
    if (current) setSkipped((s) => new Set([...s, current.id]));
  }, [current, revisit]);
  /** Keeps a decision about the fact shown; remembers it for U. */
  const decide = useCallback(
    async (review: PageReview | null, action: DecidedAction): Promise<WriteFailure | null> => {
      if (!api || !current) return null;
      if (!review) return NO_OFFSETS;
      const failed = await api.state.decide(review);
      if (!failed) {
        const row = current;
        setDecided((d) => [...d.filter((x) => x.row.id !== row.id), { row, action }]);
        setRevisit(null);
      }
      return failed;
    },
    [api, current],
  );
  const back = useCallback(() => {
    const last = decided[decided.length - 1];
    if (!last || revisit?.row.id === last.row.id) return;
    setDecided((d) => d.slice(0, -1));
    setRevisit(last);
  }, [decided, revisit]);
  const quick = useCallback(
    async (action: "confirm" | "reject") => {
      if (!api || !current || busy) return;
      const review = confirmOrReject(current, action);
      if (!review) return next();
      setBusy(true);
      await decide(review, action);
      setBusy(false);
    },
    [api, current, busy, next, decide],
  );
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (
      correcting ||
      event.target instanceof HTMLInputElement ||
      event.altKey ||
      event.ctrlKey ||
      event.metaKey
    )
      return;
    const key = event.key.toLowerCase();
    if (key === "y") void quick("confirm");
    else if (key === "r") void quick("reject");
    else if (key === "c" && current) setCorrecting(true);
    else if (key === "n" || key === "arrowright") next();
    else if (key === "u" || key === "arrowleft") back();
    else return;
    event.preventDefault();
  };

  if (!api) return null;
  const { lang } = api;
  const lastDecided = decided[decided.length - 1];
  const describeRow = (row: FactRow) =>
    `${indicatorName(lang, row.indicator)} · ${props.regionName(row.region)} · ${row.period} · ${markedValue(
      displayValue(row.value, row.unit),
      row.qualifier,
      lang,
    )} ${displayUnit(lang, row.indicator, row.unit)}`;
  // Until the worker answers, the count is not known: saying 0 would read as "all checked".
  const left = queue.data?.total;
  const located = current && article.data !== undefined ? locateFact(article.data, current) : null;
  const info = current ? (own ?? props.sources.get(current.source)) : undefined;
  return (
    <dialog
      ref={dialog}
      className="review-queue"
      aria-labelledby="queue-title"
      data-testid="review-queue"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header>
        <h2 id="queue-title">{t(lang, "queueTitle")}</h2>
        <span aria-live="polite" data-testid="queue-left" aria-busy={left === undefined}>
          {left === undefined ? "" : t(lang, "queueLeft", { n: left })}
        </span>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t(lang, "close")}
        </button>
      </header>
      <p className="queue-keys" data-testid="queue-keys">
        <kbd>{t(lang, "queueKeys")}</kbd>
      </p>
      {lastDecided && !revisit ? (
        <p className="hint" role="status" data-testid="queue-last">
          {t(lang, "queueLast", {
            action: t(lang, ACTION_STATE[lastDecided.action]),
            fact: describeRow(lastDecided.row),
          })}
        </p>
      ) : null}
      {queue.isPending ? <p role="status">{t(lang, "loading")}</p> : null}
      {queue.data && !current ? <p role="status">{t(lang, "queueDone")}</p> : null}
      {current ? (
        <article
          className="queue-fact"
          data-testid="queue-fact"
          data-fact={current.id}
          tabIndex={-1}
        >
          {revisit ? (
            <p className="hint" data-testid="queue-revisit">
              {t(lang, "queueRevisit", { state: t(lang, ACTION_STATE[revisit.action]) })}
            </p>
          ) : null}
          <p className="source-meta">
            {revisit ? (
              <span className={`review-state review-${revisit.action}`} data-testid="review-state">
                {t(lang, ACTION_STATE[revisit.action])}
              </span>
            ) : (
              <StateBadge lang={lang} state={current.review} />
            )}{" "}
            {indicatorName(lang, current.indicator)} · {props.regionName(current.region)} ·{" "}
            {current.period} ·{" "}
            <strong>
              {markedValue(displayValue(current.value, current.unit), current.qualifier, lang)}{" "}
              {displayUnit(lang, current.indicator, current.unit)}
            </strong>
            {current.kind !== "actual" ? ` · ${kindName(lang, current.kind)}` : ""}
            {current.subject ? ` · ${current.subject}` : ""}
          </p>
          <h3>{info?.title || current.source}</h3>
          <div className="queue-buttons">
            <button type="button" disabled={busy} onClick={() => void quick("confirm")}>
              {t(lang, "reviewConfirm")} <kbd>Y</kbd>
            </button>
            <button type="button" disabled={busy} onClick={() => setCorrecting(true)}>
              {t(lang, "reviewCorrect")} <kbd>C</kbd>
            </button>
            <button type="button" disabled={busy} onClick={() => void quick("reject")}>
              {t(lang, "reviewReject")} <kbd>R</kbd>
            </button>
            <button type="button" onClick={next}>
              {t(lang, "queueNext")} <kbd>N</kbd>
            </button>
            <button type="button" onClick={back} disabled={!decided.length}>
              {t(lang, "queueBack")} <kbd>U</kbd>
            </button>
          </div>
          {located ? (
            <div className="article-text" tabIndex={0}>
              {located.before}
              <mark className="sentence" ref={mark}>
                {located.sentenceBefore}
                <mark className="number">{located.number}</mark>
                {located.sentenceAfter}
              </mark>
              {located.after}
            </div>
          ) : (
            <blockquote>{current.quote}</blockquote>
          )}
        </article>
      ) : null}
      {correcting && current ? (
        <ReviewForm
          lang={lang}
          title={t(lang, "correctTitle")}
          focusValue
          number={current.text}
          initial={formValues(current)}
          regions={api.regions}
          onSave={(values) => decide(correction(current, values), "correct")}
          onClose={() => {
            setCorrecting(false);
            dialog.current?.focus();
          }}
        />
      ) : null}
    </dialog>
  );
}
