// The dashboard's languages: below the dictionary, the chart builders and the view state alike,
// so none of them imports another only for this type.
export const LANGUAGES = ["zh", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
