// 确认 / 更正 / 驳回 on one fact, with its state beside them; 更正 opens the form.
import { NO_OFFSETS } from "../i18n/writeErrors.ts";
import { lazy, Suspense, useState } from "react";
import type { FactRow, ReviewState } from "../model/contract.ts";
import { t } from "../i18n/dictionary.ts";
import type { Language } from "../state/viewState.ts";
import { useReviewApi } from "./ReviewContext.tsx";
import { confirmOrReject, correction, formValues, STATE_LABEL } from "./decisions.ts";

// The form loads when 更正 is first pressed: the table's first render does without it.
const ReviewForm = lazy(() => import("./ReviewForm.tsx").then((m) => ({ default: m.ReviewForm })));

export function StateBadge(props: { lang: Language; state: ReviewState }) {
  return (
    <span
      className={`review-state review-${props.state || "unchecked"}`}
      data-testid="review-state"
    >
      {t(props.lang, STATE_LABEL[props.state])}
    </span>
  );
}

export function ReviewActions(props: { fact: FactRow; compact?: boolean }) {
  const api = useReviewApi();
  const [correcting, setCorrecting] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!api) return null;
  const { lang, state } = api;
  const { fact } = props;
  const usable = fact.start !== null && fact.end !== null;
  const quick = async (action: "confirm" | "reject") => {
    const review = confirmOrReject(fact, action);
    if (!review) return;
    setBusy(true);
    await state.decide(review);
    setBusy(false);
  };
  return (
    <span
      className="review-actions"
      data-testid="review-actions"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <StateBadge lang={lang} state={fact.review} />{" "}
      <button type="button" disabled={!usable || busy} onClick={() => void quick("confirm")}>
        {t(lang, "reviewConfirm")}
      </button>
      <button type="button" disabled={!usable || busy} onClick={() => setCorrecting(true)}>
        {t(lang, "reviewCorrect")}
      </button>
      <button type="button" disabled={!usable || busy} onClick={() => void quick("reject")}>
        {t(lang, "reviewReject")}
      </button>
      {correcting ? (
        <Suspense fallback={null}>
          <ReviewForm
            lang={lang}
            title={t(lang, "correctTitle")}
            focusValue
            number={fact.text}
            initial={formValues(fact)}
            regions={api.regions}
            onSave={async (values) => {
              const review = correction(fact, values);
              return review ? state.decide(review) : NO_OFFSETS;
            }}
            onClose={() => setCorrecting(false)}
          />
        </Suspense>
      ) : null}
    </span>
  );
}
