// The extraction library: browser-safe, pure. Everything Node-only lives in extract/node and cli.ts.
//
// extractDocument(doc, { regions }) runs the pipeline, one module per step:
//   normalize.ts   a matching view of the text (emphasis, full-width forms, spaces, sentences broken
//                  across paragraphs) with a map back to original offsets
//   segment.ts     paragraphs, markdown sections, sentences, clauses
//   numbers.ts     numerals, multipliers, units, qualifiers, ranges
//   periods.ts     period words and their labels, relative to the publication date
//   published.ts   the publication date when none is given
//   regions.ts     the gazetteer built from the region table; context words; outside places
//   indicators.ts  the cue lexicon (extract/lexicon/*.json) compiled for matching
//   context.ts     what the binding shares about a document; mention lookups; the page's region
//   resolve.ts     where and when a number is (clause → sentence → paragraph → section → page)
//   bind.ts        each number to an indicator, with kind, qualifier and subject
//   bind/          the binders by what they bind (amounts, growth, counts, lists) and their state
//   facts.ts       default periods, restatements, fact rows grounded in the original text
//   extractDocument.ts  the pipeline
//
// Decisions the contract leaves open:
// - A range (3至5亿元, 8.5亿元至10亿元) gives one fact: the low end, qualifier more_than.
// - `text` is the number with its qualifier words and unit as written (超220亿元, 6%左右).
// - `quote` is the sentence as written in the source, from its start to its closing punctuation;
//   when layout broke it across paragraphs the quote keeps the break (固定资产投资\n\n90亿元，…).
//   A heading's quote leaves out its # marks.
// - `id` is `${source}-${start}-${indicator}`: stable, and unique because one number gives at
//   most one fact of an indicator. A fact a person added has an id of its own (additionId:
//   `${source}-${start}-${end}-add<digest of its review row>-${indicator}`), never an extracted one's.
// - The same figure about the same subject restated in another sentence (a lead repeating the
//   body) is given once, at its first statement; a heading's figure stands only when the body
//   lacks it.
// - A figure with no period of its own takes its clause's, its sentence's, its paragraph's or its
//   section heading's; else a flow takes the last complete year before publication, while a
//   stock (enterprise counts), a named project's investment, an estimate or a target takes the
//   publication month.
//
// This file is the only door into the library from the dashboard (src/): what it uses is exported
// here, by name. The dashboard's bundler takes each module of extract/lib as free of side effects
// beyond its exports (vite.config.ts), so importing a table of types from here does not bring the
// whole pipeline into the page's first download.
export * from "./types.ts";
export * from "./regionTable.ts";
export { extractDocument, type ExtractOptions } from "./extractDocument.ts";
export { INDICATOR_RECORDS, INDICATOR_UNIT, type IndicatorRecord } from "./indicatorRecords.ts";
export { decodeDocument, detectEncoding, type Decoded, type DocumentEncoding } from "./decode.ts";
// The article panel shows where the extractor looked: numbers and periods it found, mapped back to
// the text as written, and the publication date it read or guessed.
export { normalize, originalRange, type NormalizedText } from "./normalize.ts";
export { findNumbers } from "./numbers.ts";
export { findPeriods } from "./periods.ts";
export { inferPublished, parsePublished } from "./published.ts";
// The page stage (saved web page → article text) comes before the library proper, but the
// dashboard reaches it through this same door: the names of page files and their kept texts, the
// decoding of a page's bytes and the readability step on a document the browser parsed. Node's
// side of that stage (linkedom) stays out of here.
export {
  ARTICLE_TEXT_DIR,
  DOCUMENT_EXTENSIONS,
  PAGE_EXTENSION,
  articleTextName,
  decodePage,
  isPageFile,
  pageArticle,
  type PageArticle,
} from "../page/index.ts";
// Reviews (data/reviews.csv): a person's decisions read, checked and applied to the facts.
export * from "./reviewCheck.ts";
export * from "./reviews.ts";
export * from "./reviewsCsv.ts";
export * from "./applyReviews.ts";
export { factsToCsv, factsToCsvRows, csvHeader, closingQuote } from "./csv.ts";
