// The extractor's review logic for the dashboard, through the extractor's one door. The bundler
// takes each module of extract/lib as free of side effects beyond its exports (vite.config.ts),
// so only what the review UI uses lands in its chunk; the dashboard and `npm run extract` read
// and apply decisions with the same code.
export * from "../../extract/lib/index.ts";
