// Messages between the page and the article worker: one request, one answer with the same id.
import type { Region } from "../../extract/lib/index.ts";
import type { ArticleAnalysis } from "./analyse.ts";

export type ArticleRequest = {
  id: number;
  type: "analyse";
  source: string;
  /** Pasted text, or a dropped file's bytes (decoded in the worker: UTF-8 or GB18030). */
  input: { kind: "text"; text: string } | { kind: "bytes"; bytes: ArrayBuffer; name: string };
  published: string;
  regions: Region[];
};

export type ArticleResponse =
  | {
      id: number;
      type: "analysed";
      /** The decoded text the facts' offsets point into. */
      text: string;
      /** The encoding of a dropped file ("" for pasted text). */
      encoding: string;
      analysis: ArticleAnalysis;
      /** Milliseconds the worker spent extracting, decoding excluded. */
      ms: number;
    }
  /** A dropped file that is no text (binary, empty, not UTF-8 or GB18030). */
  | { id: number; type: "unreadable"; reason: string }
  | { id: number; type: "error"; message: string };
