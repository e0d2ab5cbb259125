// Above the views: how far the extraction can be trusted on this data ("of N checked facts, M were
// right as extracted"), the 待核对 queue with the count left, reviews.csv to download, and what
// went wrong (a decision not saved, bad rows in the file). Decisions about articles deleted since
// are counted, as `npm run extract` names them: the file keeps them, the page applies them to
// nothing.
import { t } from "../i18n/dictionary.ts";
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
      {state.gone ? (
        <span className="hint" data-testid="reviews-gone">
          {t(lang, "reviewsGone", { n: state.gone })}
        </span>
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
          {t(lang, "reviewSaveFailed")}: {state.error}
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
