// The words for each review state: 未核对, 已核对, 已更正, 补录, 需复核.
import type { LabelKey } from "./dictionary.ts";
import type { ReviewState } from "../model/contract.ts";

export const STATE_LABEL: Record<ReviewState, LabelKey> = {
  "": "stateUnchecked",
  confirmed: "stateConfirmed",
  corrected: "stateCorrected",
  added: "stateAdded",
  stale: "stateStale",
};
