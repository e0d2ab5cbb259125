// Image export, loaded only when a user exports. The export option is drawn into its own
// ECharts instance as wide as the chart on screen, after the fonts for every string are loaded:
// canvas at 1×/2×/3× for PNG, the SVG renderer (server-side mode, no DOM) for SVG.
import { SVGRenderer } from "echarts/renderers";
import { GraphicComponent, TitleComponent } from "echarts/components";
import type { EChartsCoreOption } from "echarts/core";
import { echarts } from "../echarts/core.ts";
// Bars and the zoom, which an exported option may have (each export draws on an instance of its own).
import "../echarts/extras.ts";
import { collectText, ensureFonts } from "../echarts/fonts.ts";
import {
  SVG_FONT_FAMILY,
  embeddedFontFaces,
  svgText,
  withFontFaces,
  withFontFamily,
} from "./svgFont.ts";
import {
  EXPORT_BOTTOM,
  EXPORT_TOP,
  buildExportOption,
  type ExportText,
} from "../chart/exportOption.ts";

// The title block and the source line (a graphic element) are drawn only in exports.
echarts.use([SVGRenderer, GraphicComponent, TitleComponent]);

export type ImageFormat = "png" | "svg";

export interface ExportRequest {
  option: EChartsCoreOption;
  text: ExportText;
  /** The chart's size on screen, CSS pixels. */
  width: number;
  height: number;
  format: ImageFormat;
  scale: 1 | 2 | 3;
  transparent: boolean;
}

export async function renderImage(request: ExportRequest): Promise<Blob> {
  const option = buildExportOption(request.option, request.text);
  const width = Math.max(1, Math.round(request.width));
  const height = Math.max(1, Math.round(request.height)) + EXPORT_TOP + EXPORT_BOTTOM;
  const backgroundColor = request.transparent ? "rgba(0,0,0,0)" : "#ffffff";
  await ensureFonts([...collectText(option)].join(""));

  if (request.format === "svg") {
    const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
    let svg: string;
    try {
      // The family in single quotes: ECharts writes it into a double-quoted style attribute.
      const svgOption = withFontFamily(option, SVG_FONT_FAMILY) as EChartsCoreOption;
      chart.setOption({ ...svgOption, backgroundColor });
      svg = chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
    // The SVG carries the font pieces for the characters it draws.
    const faces = await embeddedFontFaces(svgText(svg));
    return new Blob([withFontFaces(svg, faces)], { type: "image/svg+xml" });
  }

  // A detached element: nothing shows on the page, and the size comes from the init options.
  const element = document.createElement("div");
  const chart = echarts.init(element, null, {
    renderer: "canvas",
    width,
    height,
    devicePixelRatio: 1,
  });
  try {
    const finished = new Promise<void>((resolve) => chart.on("finished", () => resolve()));
    chart.setOption(option);
    await finished;
    const url = chart.getDataURL({ type: "png", pixelRatio: request.scale, backgroundColor });
    return dataUrlToBlob(url);
  } finally {
    chart.dispose();
  }
}

/** Decodes a base64 data URL here: fetch(dataURL) would break the page's connect-src policy. */
function dataUrlToBlob(url: string): Blob {
  const comma = url.indexOf(",");
  const type = /^data:([^;,]+)/.exec(url)?.[1] ?? "application/octet-stream";
  const binary = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
