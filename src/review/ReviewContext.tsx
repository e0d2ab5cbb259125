// What every place that shows a fact needs to review it: the decisions known, how to keep one,
// the region table for the form. Given once by App, read by the table, the sources dialog and the
// queue, so their own props do not change.
import { createContext, useContext } from "react";
import type { Region } from "../../extract/lib/index.ts";
import type { Language } from "../state/viewState.ts";
import type { ReviewsState } from "./useReviews.ts";

export interface ReviewApi {
  lang: Language;
  state: ReviewsState;
  regions: readonly Region[];
}

export const ReviewContext = createContext<ReviewApi | null>(null);

export const useReviewApi = () => useContext(ReviewContext);
