// The extraction library: browser-safe, pure. Everything Node-only lives in extract/node and cli.ts.
export * from "./types.ts";
export * from "./regionTable.ts";
export { extractDocument, type ExtractOptions } from "./extractDocument.ts";
