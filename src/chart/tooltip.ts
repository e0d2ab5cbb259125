// Tooltips are HTML in ECharts. Every piece of text in them comes from data files, which a user
// may have written, so each one is escaped here and nothing else builds tooltip markup.
import { escapeHtml } from "./format.ts";

export function pointTooltip(
  params: {
    seriesName?: string;
    name?: string;
    data?: { label: string; n: number; disagree?: boolean } | null;
    /** The article behind the figure, named for a reader (articleLabel). */
    article?: string;
  },
  unitLabel: string,
  /** "3 篇报道": said when several articles stand behind the point. */
  reports: (n: number) => string,
  /** Said, marked, when the reports of the figure disagree. */
  disagreement = "",
  /** The figure's review state in words (未核对, 已核对 …); "" says nothing. */
  reviewState = "",
): string {
  const datum = params.data;
  if (!datum) return "";
  const lines = [
    `<strong>${escapeHtml(params.seriesName ?? "")}</strong>`,
    `${escapeHtml(params.name ?? "")}: ${escapeHtml(datum.label)} ${escapeHtml(unitLabel)}`,
  ];
  if (params.article) lines.push(escapeHtml(params.article));
  if (datum.n > 1) lines.push(escapeHtml(reports(datum.n)));
  if (reviewState) lines.push(`<span class="review-state">${escapeHtml(reviewState)}</span>`);
  if (datum.disagree && disagreement)
    lines.push(`<strong class="disagree">≠ ${escapeHtml(disagreement)}</strong>`);
  return lines.join("<br>");
}

/** A district on the map: its name, and its value and number of reports, or "no figure". */
export function mapTooltip(
  region: string,
  figure: { period: string; label: string; unitLabel: string; reports: string } | null,
  noFigure: string,
): string {
  if (!figure) return `<strong>${escapeHtml(region)}</strong><br>${escapeHtml(noFigure)}`;
  return [
    `<strong>${escapeHtml(region)}</strong>`,
    `${escapeHtml(figure.period)}: ${escapeHtml(figure.label)} ${escapeHtml(figure.unitLabel)}`,
    escapeHtml(figure.reports),
  ].join("<br>");
}
