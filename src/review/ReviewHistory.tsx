// In the sources dialog: a fact's state, the extracted value beside a corrected one, and every
// decision about it, oldest first.
import type { FactRow } from "../model/contract.ts";
import { displayUnit, t } from "../i18n/dictionary.ts";
import { displayValue, markedValue } from "../chart/format.ts";
import { useReviewApi } from "./ReviewContext.tsx";
import { historyOf } from "./decisions.ts";
import type { PageReview } from "./overlay.ts";

const ACTION_LABEL = {
  confirm: "reviewConfirm",
  correct: "reviewCorrect",
  reject: "reviewReject",
  add: "reviewAdd",
} as const;

export function ReviewHistory(props: {
  fact: FactRow;
  /** What the extractor reads at this number now, when known (see useExtractedReading). */
  extracted: { value: number; region: string; period: string } | null;
}) {
  const api = useReviewApi();
  if (!api) return null;
  const { lang } = api;
  const { fact } = props;
  const history = historyOf(fact, api.state.reviews);
  const show = (r: Pick<PageReview, "value" | "qualifier" | "indicator" | "unit">) =>
    `${markedValue(displayValue(r.value, r.unit), r.qualifier, lang)} ${displayUnit(lang, r.indicator, r.unit)}`;
  return (
    <div className="review-history" data-testid="review-history">
      {fact.review === "corrected" && props.extracted ? (
        <p data-testid="extracted-beside">
          {t(lang, "extractedValue")}:{" "}
          <s>
            {show({ ...fact, value: props.extracted.value })} · {props.extracted.region} ·{" "}
            {props.extracted.period}
          </s>{" "}
          → {t(lang, "reviewedValue")}: <strong>{show(fact)}</strong> · {fact.region} ·{" "}
          {fact.period}
        </p>
      ) : null}
      {history.length ? (
        <details open>
          <summary>
            {t(lang, "reviewHistory")} ({history.length})
          </summary>
          <ol>
            {history.map((r, i) => (
              <li key={`${r.reviewedAt}-${i}`}>
                <time dateTime={r.reviewedAt}>{r.reviewedAt}</time>{" "}
                {t(lang, ACTION_LABEL[r.action])}
                {r.action === "reject" ? "" : ` · ${show(r)} · ${r.region} · ${r.period}`}
                {r.note ? ` · ${r.note}` : ""}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
