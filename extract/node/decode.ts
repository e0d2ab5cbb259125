// The decoder moved to extract/lib/decode.ts, so that the dashboard reads a CSV a user opens with
// the same detection as the extractor reads articles with; this keeps the extractor's imports.
export * from "../lib/decode.ts";
