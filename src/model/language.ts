// The dashboard's languages: at the bottom with the data contract, so the dictionary, the chart
// builders and the view state all import it from below and none imports another for this type.
export const LANGUAGES = ["zh", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
