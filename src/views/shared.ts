// Pieces several views share: their selection, heading and export text. Pure functions.
import type { Point } from "../model/aggregate.ts";
import type { SourceInfo } from "../data/metadata.ts";
import { summarizeDrawn } from "../chart/describe.ts";
import { indicatorLabel, t } from "../i18n/dictionary.ts";
import type { Language } from "../model/language.ts";
import type { Dashboard } from "../state/derive.ts";
import type { ViewState } from "../state/viewState.ts";
import type { ViewContext, ViewHeading, ViewSelection } from "./types.ts";

/** The span of the drawn points: "2021 — 2023", or the one period. */
export function spanText(drawn: readonly Point[]): string {
  // From the drawn points' summary, kept per drawn array (the chart's description reads it too).
  const summary = summarizeDrawn(drawn);
  if (!summary) return "";
  const { first, last } = summary;
  return first.period !== last.period ? `${first.period} — ${last.period}` : first.period;
}

/**
 * The time chart's selection, which the other views start from: its points and span, and every
 * fact under the filter whatever the frequency or subject toggle.
 */
export function chartSelection(state: ViewState, derived: Dashboard): ViewSelection {
  return {
    points: derived.drawn,
    periodText: spanText(derived.drawn),
    filter: {
      indicator: state.indicator,
      regions: state.regions === null ? null : derived.regions,
      from: state.from,
      to: state.to,
      period: null,
      disputed: false,
    },
    search: "",
  };
}

/** 地区生产总值（亿元） · 2021 — 2023 */
export const indicatorHeading = (ctx: ViewContext): ViewHeading => ({
  title: indicatorLabel(ctx.lang, ctx.state.indicator, ctx.unit),
  hint: ctx.selection.periodText,
});

/** The exported image's title, and as subtitle the districts it shows that have a figure. */
export function indicatorExportText(ctx: ViewContext): { title: string; subtitle: string } {
  const { lang, selection } = ctx;
  const names = ctx.derived.regions
    .filter((k) => selection.points.some((p) => p.region === k))
    .map(ctx.data.nameOf)
    .join(lang === "zh" ? "、" : ", ");
  return {
    title: indicatorLabel(lang, ctx.state.indicator, ctx.unit),
    subtitle: `${names} · ${selection.periodText}`,
  };
}

/** Publishers and dates of the articles behind the figures shown, for the exported image. */
export function sourceLine(
  lang: Language,
  behind: readonly { source: string; published: string }[],
  sources: ReadonlyMap<string, SourceInfo>,
): string {
  const seen = new Set<string>();
  for (const s of behind) {
    const info = sources.get(s.source);
    seen.add(`${info?.publisher || s.source} ${info?.published || s.published}`.trim());
  }
  const list = [...seen].sort();
  const shown = list.slice(0, 6).join(lang === "zh" ? ";" : "; ");
  const more =
    list.length > 6
      ? lang === "zh"
        ? ` 等 ${list.length} 篇`
        : ` and ${list.length - 6} more`
      : "";
  return `${t(lang, "sourceLine")}${lang === "zh" ? ":" : ": "}${shown}${more}`;
}
