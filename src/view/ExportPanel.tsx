// Image export and CSV download of the current view. The export code loads on first use.
import { useId, useState } from "react";
import type { EChartsCoreOption } from "echarts/core";
import type { ExportText } from "../chart/exportOption.ts";
import { t } from "../i18n/dictionary.ts";
import type { Language } from "../state/viewState.ts";
import { saveBlob } from "./download.ts";

export interface ExportSource {
  option: EChartsCoreOption;
  text: ExportText;
  width: number;
  height: number;
}

const FORMATS = ["png-1", "png-2", "png-3", "svg"] as const;
type FormatChoice = (typeof FORMATS)[number];
const FORMAT_LABEL: Record<FormatChoice, string> = {
  "png-1": "PNG 1×",
  "png-2": "PNG 2×",
  "png-3": "PNG 3×",
  svg: "SVG",
};

export function ExportPanel(props: {
  lang: Language;
  /** The files' name without extension, asked for when a file is saved. */
  fileStem: () => string;
  /** The chart to export (null when nothing is drawn), or null in views without a chart. */
  source: (() => Promise<ExportSource | null>) | null;
  onCsv: () => Promise<void>;
}) {
  const { lang } = props;
  const [format, setFormat] = useState<FormatChoice>("png-2");
  const [transparent, setTransparent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formatId = useId();
  const transparentId = useId();

  const exportImage = async () => {
    setBusy(true);
    setError(null);
    try {
      const source = await props.source?.();
      if (!source) return;
      const { renderImage } = await import("../export/exportChart.ts");
      const isSvg = format === "svg";
      const scale = isSvg ? 1 : (Number(format.slice(4)) as 1 | 2 | 3);
      const blob = await renderImage({
        ...source,
        format: isSvg ? "svg" : "png",
        scale,
        transparent,
      });
      saveBlob(blob, `${props.fileStem()}${isSvg ? "" : `@${scale}x`}.${isSvg ? "svg" : "png"}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export" data-testid="export" data-busy={busy ? "true" : "false"}>
      {props.source ? (
        <fieldset className="control">
          <legend>{t(lang, "exportImage")}</legend>
          <label htmlFor={formatId}>{t(lang, "exportFormat")}</label>
          <select
            id={formatId}
            value={format}
            onChange={(e) => setFormat(e.target.value as FormatChoice)}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABEL[f]}
              </option>
            ))}
          </select>
          <label className="inline">
            <input
              id={transparentId}
              type="checkbox"
              checked={transparent}
              disabled={format === "svg"}
              onChange={(e) => setTransparent(e.target.checked)}
            />
            {t(lang, "transparent")}
          </label>
          <button type="button" onClick={() => void exportImage()} disabled={busy}>
            {busy ? t(lang, "exporting") : t(lang, "download")}
          </button>
        </fieldset>
      ) : null}
      <button type="button" className="csv" onClick={() => void props.onCsv()}>
        {t(lang, "downloadCsv")}
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </div>
  );
}
