// The table's filter by review state: all, 未核对, 已核对, 已更正, 补录, 需复核.
import { useId } from "react";
import { t } from "../i18n/dictionary.ts";
import type { ReviewFilter } from "../model/facts.ts";
import type { Language } from "../state/viewState.ts";
import { STATE_LABEL } from "./decisions.ts";

const OPTIONS: ReviewFilter[] = ["", "unchecked", "confirmed", "corrected", "added", "stale"];

export function ReviewStateFilter(props: {
  lang: Language;
  value: ReviewFilter;
  onChange: (value: ReviewFilter) => void;
}) {
  const id = useId();
  const { lang } = props;
  return (
    <>
      <label htmlFor={id}>{t(lang, "reviewState")}</label>
      <select
        id={id}
        data-testid="review-filter"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as ReviewFilter)}
      >
        {OPTIONS.map((o) => (
          <option key={o} value={o}>
            {o === "" ? t(lang, "allStates") : t(lang, STATE_LABEL[o === "unchecked" ? "" : o])}
          </option>
        ))}
      </select>
    </>
  );
}
