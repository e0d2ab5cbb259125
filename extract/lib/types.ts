// The data contract of ../shared/spec/indicators.md (copied into data/CONTRACT.md), as types.

export const INDICATORS = [
  "gdp",
  "gdp_growth",
  "industrial_value_added",
  "industrial_value_added_growth",
  "fixed_asset_investment",
  "fixed_asset_investment_growth",
  "project_investment",
  "project_investment_growth",
  "project_count",
  "project_count_growth",
  "enterprise_count",
  "output_value",
  "trade_value",
  "trade_growth",
] as const;
export type Indicator = (typeof INDICATORS)[number];

export const UNITS = ["CNY", "percent", "count"] as const;
export type Unit = (typeof UNITS)[number];

export const QUALIFIERS = ["exact", "approx", "more_than", "less_than"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const KINDS = ["actual", "estimate", "target"] as const;
export type Kind = (typeof KINDS)[number];

/** The columns of data/indicators.csv, in order. */
export const FACT_COLUMNS = [
  "id",
  "indicator",
  "region",
  "period",
  "value",
  "unit",
  "qualifier",
  "kind",
  "subject",
  "source",
  "published",
  "text",
  "quote",
  "start",
  "end",
  "review",
] as const;

/** The `review` column: "" for a fact nobody checked (see data/reviews.csv in the contract). */
export const REVIEW_STATES = ["", "confirmed", "corrected", "added", "stale"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** One extracted fact: one row of data/indicators.csv. */
export interface Fact {
  id: string;
  indicator: Indicator;
  region: string;
  period: string;
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  kind: Kind;
  subject: string;
  source: string;
  published: string;
  text: string;
  quote: string;
  /** Offsets of `text` in the decoded source, UTF-16 code units, BOM excluded. */
  start: number;
  end: number;
  /** What a person decided; absent (written "") for a fact straight from the extractor. */
  review?: ReviewState;
}

/** One row of data/regions.csv: key,name,aliases,adcode,parent,members. */
export interface Region {
  key: string;
  name: string;
  aliases: string[];
  adcode: string;
  parent: string;
  members: string[];
}

/** A decoded document handed to the extractor. */
export interface SourceDocument {
  /** The file name without its extension. */
  id: string;
  /** The decoded text, BOM removed; offsets of facts point into it. */
  text: string;
  /** `YYYY-MM-DD` or `YYYY-MM` from sources.csv, when given. */
  published?: string;
}

/** What the extractor says of one document. */
export interface DocumentResult {
  facts: Fact[];
  /** The publication date used. */
  published: string;
  /** True when `published` was inferred from the text rather than given. */
  publishedGuessed: boolean;
}
