// A view's downloads: the image of what it draws (built from its record's export text) and the
// CSV of the facts its selection lists.
import type { RefObject } from "react";
import type { EChartsCoreOption } from "echarts/core";
import type { EChartHandle } from "../echarts/EChart.tsx";
import { indicatorName } from "../i18n/dictionary.ts";
import { ExportPanel, type ExportSource } from "../view/ExportPanel.tsx";
import { safeFileName, saveBlob } from "../view/download.ts";
import { sourceLine } from "./shared.ts";
import type { ViewContext } from "./types.ts";
import type { ParseClient } from "../data/parseClient.ts";

/** The image of the chart drawn on screen: its option at its drawn size. */
export function drawnImage(
  ctx: ViewContext,
  client: ParseClient,
  option: EChartsCoreOption | null,
  handle: RefObject<EChartHandle | null>,
): () => Promise<ExportSource | null> {
  return async () => {
    const size = handle.current?.size();
    const text = ctx.record.exportText;
    if (!option || !size || !size.width || !text) return null;
    const behind = await client.sources(ctx.selection.points.map((p) => p.id));
    return {
      option,
      text: { ...text(ctx), sourceLine: sourceLine(ctx.lang, behind, ctx.data.sources) },
      ...size,
    };
  };
}

export function ViewExport(props: {
  ctx: ViewContext;
  client: ParseClient;
  /** The image to export, or null in a view without one. */
  image: (() => Promise<ExportSource | null>) | null;
  /** The files' name without extension; by default the indicator and period. */
  stem?: string;
}) {
  const { ctx } = props;
  const { state, selection } = ctx;
  // Named when a file is saved, not on every render (a redraw of the view renders this).
  const fileStem = () =>
    safeFileName(props.stem ?? `${indicatorName("en", state.indicator)}-${selection.periodText}`);
  const downloadCsv = async () => {
    const text = await props.client.csv(
      { ...selection.filter, search: selection.search },
      state.sort,
    );
    // The BOM lets spreadsheet programs read the file as UTF-8.
    saveBlob(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }), `${fileStem()}.csv`);
  };
  return (
    <ExportPanel lang={ctx.lang} fileStem={fileStem} source={props.image} onCsv={downloadCsv} />
  );
}
