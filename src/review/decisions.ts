// From a shown fact and a person's choice to the decision kept in reviews.csv. Pure.
import {
  decisionAbout,
  reviewTimestamp,
  typedFields,
  type Fact,
  type FactFieldsInput,
  type Review,
} from "../../extract/lib/index.ts";
import type { FactRow } from "../model/contract.ts";
import type { PageReview } from "./overlay.ts";
import type { ReviewFormValues } from "./ReviewForm.tsx";

export { STATE_LABEL } from "../i18n/stateLabel.ts";

/** A row with offsets as the extractor's Fact; null for a row that has none (nothing to point at). */
export function asFact(row: FactRow): Fact | null {
  if (row.start === null || row.end === null) return null;
  const { index: _i, line: _l, periodStart: _s, periodEnd: _e, review: _r, ...rest } = row;
  return { ...rest, start: row.start, end: row.end };
}

/** The form's fields for a fact, as shown. */
export function formValues(row: Pick<FactRow, keyof FactFieldsInput>, note = ""): ReviewFormValues {
  return {
    indicator: row.indicator,
    region: row.region,
    period: row.period,
    value: String(row.value),
    // Left empty: the unit follows the indicator chosen (the contract fixes it).
    unit: "",
    qualifier: row.qualifier,
    kind: row.kind,
    subject: row.subject,
    note,
  };
}

export function confirmOrReject(row: FactRow, action: "confirm" | "reject"): PageReview | null {
  const fact = asFact(row);
  return fact && decisionAbout(fact, action, reviewTimestamp());
}

/** A correction: the form's fields (checked) replace the fact's. */
export function correction(row: FactRow, values: ReviewFormValues): PageReview | null {
  const fact = asFact(row);
  return (
    fact && decisionAbout(fact, "correct", reviewTimestamp(), typedFields(values), values.note)
  );
}

/** An addition from a selection in an article: the number's span, sentence and date with it. */
export function addition(
  span: { source: string; start: number; end: number; text: string },
  values: ReviewFormValues,
  quote: string,
  published: string,
): PageReview {
  const review: Review = {
    reviewedAt: reviewTimestamp(),
    action: "add",
    factId: "",
    ...span,
    ...typedFields(values),
    note: values.note,
    line: 0,
  };
  return { ...review, quote, published };
}

/** The decisions about one fact, oldest first: matched by id, else by its span. */
export function historyOf(row: FactRow, reviews: readonly PageReview[]): PageReview[] {
  return reviews.filter(
    (r) =>
      (r.factId && r.factId === row.id) ||
      (r.source === row.source && r.start === row.start && r.end === row.end),
  );
}
