// The single ECharts wrapper: it owns the instance (init, resize, dispose), waits for the fonts
// before drawing, and says when a drawing is complete (data-ready, performance mark) so tests,
// benchmarks and the exporter never act on a half-drawn chart.
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import type { EChartsCoreOption, EChartsType } from "echarts/core";
import { echarts, extrasLoaded, loadExtras, needsExtras } from "./core.ts";
import { zrUtil } from "echarts/core";
import { FONT_PROBE, collectText, ensureFonts } from "./fonts.ts";

export interface EChartHandle {
  /** The drawn size in CSS pixels. */
  size(): { width: number; height: number };
}

export interface EChartProps {
  option: EChartsCoreOption;
  testId: string;
  ariaLabel: string;
  /** The clicked item's value, and its name (a map's region key). */
  onItemClick?: (value: unknown, name: string) => void;
  ref?: Ref<EChartHandle>;
}

/**
 * Marks each series' data array as one ECharts keeps by reference: setOption deep-copies the
 * option it is given, which for 100,000 markers meant 100,000 small arrays copied on every redraw
 * (the largest part of a district toggle on the big file). The options are built fresh for each
 * drawing and never changed afterwards, so nothing is lost by sharing them.
 */
function shareData(option: EChartsCoreOption): void {
  const series = (option as { series?: unknown }).series;
  for (const s of Array.isArray(series) ? series : series ? [series] : []) {
    const data = (s as { data?: unknown }).data;
    // Typed arrays too (batched markers' flat items): ECharts would copy those as well.
    if (Array.isArray(data) || ArrayBuffer.isView(data)) zrUtil.setAsPrimitive(data);
  }
}

/** The charts that have drawn their first frame (see draw below). */
const framed = new WeakSet<EChartsType>();
/** The charts made after extras.ts was in, which can draw bars and a zoom. */
const withExtras = new WeakSet<EChartsType>();

/** The option with each series' data left out: its frame (axes, legend, grid) alone. */
function emptySeries(option: EChartsCoreOption): EChartsCoreOption {
  const series = (option as { series?: unknown }).series;
  if (!Array.isArray(series)) return option;
  return { ...option, series: series.map((s: object) => ({ ...s, data: [] })) };
}

export function EChart({ option, testId, ariaLabel, onItemClick, ref }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  // Bumped to make the instance again once extras.ts is in (see draw below).
  const [generation, setGeneration] = useState(0);
  const [ready, setReady] = useState(false);
  const clickHandler = useRef(onItemClick);

  useEffect(() => {
    clickHandler.current = onItemClick;
  }, [onItemClick]);

  useImperativeHandle(ref, () => ({
    size: () => ({
      width: container.current?.clientWidth ?? 0,
      height: container.current?.clientHeight ?? 0,
    }),
  }));

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: "canvas" });
    if (extrasLoaded()) withExtras.add(instance);
    // The browser tests read what is drawn (values and pixel positions) from the instance.
    (element as HTMLDivElement & { chart?: EChartsType }).chart = instance;
    // The value, not the data item: our items carry their point id in the value tuple.
    instance.on("click", (params) => clickHandler.current?.(params.value, params.name));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    setChart(instance);
    return () => {
      observer.disconnect();
      instance.dispose();
      setChart(null);
    };
  }, [generation]);

  useEffect(() => {
    if (!chart) return;
    let current = true;
    let drawing = false;
    const onFinished = () => {
      if (!drawing) return;
      drawing = false;
      performance.mark("jm:chart-finished");
      setReady(true);
    };
    chart.on("finished", onFinished);
    setReady(false);
    const text = [...collectText(option)].join("");
    // Fetched while the fonts are waited for.
    const extrasFirst = !withExtras.has(chart) && needsExtras(option);
    if (extrasFirst) void loadExtras();
    const draw = () => {
      if (!current || chart.isDisposed()) return;
      // Bars or a zoom: their code is loaded first, and the chart made again if it was made
      // before it was in (the option is drawn by the new instance).
      if (extrasFirst) {
        void loadExtras().then(() => {
          if (current) setGeneration((n) => n + 1);
        });
        return;
      }
      shareData(option);
      // A new chart's first drawing runs ECharts' code for the first time (its model, axes,
      // legend, layout), which costs about as much again as the drawing: on the big file the
      // first chart's task was 90–120 ms. The frame (the same option, every series empty) is
      // laid out in a task of its own and the data drawn in the next; `finished` of the frame
      // does not make the chart ready.
      const frame = framed.has(chart) ? option : emptySeries(option);
      if (frame !== option) {
        framed.add(chart);
        chart.setOption(frame, { notMerge: true, lazyUpdate: false });
        timer = setTimeout(draw, 0);
        return;
      }
      drawing = true;
      chart.setOption(option, { notMerge: true, lazyUpdate: false });
    };
    // Drawn in a task of its own, right after the one that changed the control: the page's own
    // work for a change (selection, option) and ECharts' (its data, layout and painting) are each
    // up to 100 ms on the big file, and one task of both would hold the page twice as long. Not
    // at the next frame: that waited up to a frame more for nothing. A later option before then
    // replaces this one, so a burst of changes draws once.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const drawNext = () => {
      if (current) timer = setTimeout(draw, 0);
    };
    if (document.fonts?.status === "loaded" && document.fonts.check(FONT_PROBE, text)) drawNext();
    else void ensureFonts(text).then(drawNext);
    return () => {
      current = false;
      clearTimeout(timer);
      chart.off("finished", onFinished);
    };
  }, [chart, option]);

  return (
    <div
      ref={container}
      className="chart"
      data-testid={testId}
      data-ready={ready ? "true" : "false"}
      role="img"
      aria-label={ariaLabel}
    />
  );
}
