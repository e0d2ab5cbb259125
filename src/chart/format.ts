// How numbers and text reach the chart: money in 亿元, qualifiers as marks, every string that
// may end up in HTML escaped first.
import type { Indicator, Qualifier, Unit } from "../model/contract.ts";
import { QUALIFIER_MARK } from "../i18n/dictionary.ts";
import type { Language } from "../model/language.ts";

/** The bundled Chinese font first: canvas text must not depend on the machine's fonts. */
export const FONT_FAMILY = '"Noto Sans SC", "Noto Sans CJK SC", sans-serif';

/** The number as drawn: yuan become 亿元 (÷1e8); counts and percentages stay as they are. */
export function displayValue(value: number, unit: Unit): number {
  const shown = unit === "CNY" ? value / 1e8 : value;
  return Math.round(shown * 1e4) / 1e4; // 503.23亿元, not 503.22999999999996
}

// One formatter per language: toLocaleString builds a new one on every call, which costs
// seconds over the tens of thousands of labels of a large file.
const FORMATTERS: Record<Language, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }),
};

export function formatNumber(value: number, lang: Language): string {
  // A value that rounds to zero is 0, never "-0" (Intl keeps the sign of -0.001).
  return FORMATTERS[lang].format(Math.abs(value) < 0.005 ? 0 : value);
}

/** "≈2,300", ">220", "11.3" … the value with its qualifier mark. */
export const markedValue = (value: number, qualifier: Qualifier, lang: Language) =>
  `${QUALIFIER_MARK[qualifier]}${formatNumber(value, lang)}`;

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** ECharts tooltips are HTML: every field of a user's CSV goes through this before them. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

export type { Indicator };
