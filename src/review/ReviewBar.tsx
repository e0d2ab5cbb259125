// Above the views: how far the extraction can be trusted on this data ("of N checked facts, M were
// right as extracted"), the 待核对 queue with the count left, reviews.csv to download, and what
// went wrong (a decision not saved, bad rows in the file). Decisions about articles deleted since
// are counted and named by their line, as `npm run extract` names them: the file keeps them, the
// page applies them to nothing. Numbers decided about that the loaded indicators.csv has no row
// for yet are shown as the next run writes them, and counted and named here, so that none of
// them passes unseen.
import { t, type LabelKey } from "../i18n/dictionary.ts";
import { describeWriteFailure } from "../i18n/writeErrors.ts";
import type { Language } from "../model/language.ts";
import type { NamedDecision } from "./overlay.ts";
import { useReviewApi } from "./ReviewContext.tsx";
import { trustFigures } from "./summary.ts";

export function ReviewBar(props: { onOpenQueue: () => void }) {
  const api = useReviewApi();
  if (!api) return null;
  const { lang, state } = api;
  const counts = state.counts;
  const trust = counts ? trustFigures(counts) : null;
  return (
    <div className="review-bar" data-testid="review-bar" data-applied={state.appliedKey}>
      <button type="button" onClick={props.onOpenQueue} data-testid="open-queue">
        {t(lang, "queueOpen")}
        {counts ? ` (${counts.unchecked})` : ""}
      </button>
      <span data-testid="trust-line">
        {trust && trust.checked
          ? t(lang, "trustLine", { n: trust.checked, m: trust.right })
          : t(lang, "trustNone")}
      </span>
      {state.gone.length ? (
        <NamedDecisions
          lang={lang}
          testId="reviews-gone"
          summary={t(lang, "reviewsGone", { n: state.gone.length })}
          decisions={state.gone}
        />
      ) : null}
      {state.waiting.length ? (
        <NamedDecisions
          lang={lang}
          testId="reviews-waiting"
          summary={t(lang, "reviewsWaiting", { n: state.waiting.length })}
          decisions={state.waiting}
        />
      ) : null}
      <button
        type="button"
        className="link"
        onClick={state.download}
        data-testid="download-reviews"
      >
        {t(lang, "downloadReviews")}
      </button>
      {state.mode.kind === "static" ? <p className="hint">{t(lang, "reviewsInBrowser")}</p> : null}
      {state.error ? (
        <p role="alert">
          {t(lang, "reviewSaveFailed")}
          {lang === "zh" ? "：" : ": "}
          {describeWriteFailure(lang, state.error)}
        </p>
      ) : null}
      {state.problems.length ? (
        <details className="review-problems">
          <summary>
            {t(lang, "reviewsProblems")} ({state.problems.length})
          </summary>
          <ul>
            {state.problems.slice(0, 50).map((p) => (
              <li key={`${p.file}:${p.line}:${p.field ?? ""}`}>
                {p.file}:{p.line}: {p.field ? `${p.field}: ` : ""}
                {p.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

const ACTION_LABEL: Record<NamedDecision["action"], LabelKey> = {
  confirm: "reviewConfirm",
  correct: "reviewCorrect",
  reject: "reviewReject",
  add: "reviewAdd",
};

/** A count that opens on the decisions it counts, each by its line of reviews.csv. */
function NamedDecisions(props: {
  lang: Language;
  testId: string;
  summary: string;
  decisions: readonly NamedDecision[];
}) {
  const { lang, decisions } = props;
  const shown = decisions.slice(0, 50);
  return (
    <details className="hint review-named" data-testid={props.testId}>
      <summary>{props.summary}</summary>
      <ul>
        {shown.map((d, i) => (
          <li key={`${d.line}:${i}`}>
            {t(lang, "reviewLine", {
              line: d.line,
              action: t(lang, ACTION_LABEL[d.action]),
              text: d.text,
              source: d.source,
            })}
          </li>
        ))}
        {decisions.length > shown.length ? <li>…</li> : null}
      </ul>
    </details>
  );
}
