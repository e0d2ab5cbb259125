// The extractor's review logic for the dashboard. Taken module by module, as the rest of src/
// takes the extractor's pieces: extract/lib/index.ts also carries extractDocument and its lexicon,
// which would land in the first bundle of every page. These modules are the same ones index.ts
// exports, so the dashboard and `npm run extract` read and apply decisions with the same code.
export * from "../../extract/lib/reviews.ts";
export * from "../../extract/lib/reviewCheck.ts";
export * from "../../extract/lib/applyReviews.ts";
export { INDICATORS, KINDS, QUALIFIERS } from "../../extract/lib/types.ts";
export type { Fact, Region } from "../../extract/lib/types.ts";
export type { TableProblem } from "../../extract/lib/regionTable.ts";
