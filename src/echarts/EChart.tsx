// The single ECharts wrapper: it owns the instance (init, resize, dispose), waits for the fonts
// before drawing, and says when a drawing is complete (data-ready, performance mark) so tests,
// benchmarks and the exporter never act on a half-drawn chart.
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import type { EChartsCoreOption, EChartsType } from "echarts/core";
import { echarts } from "./core.ts";
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

export function EChart({ option, testId, ariaLabel, onItemClick, ref }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
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
  }, []);

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
    const draw = () => {
      if (!current || chart.isDisposed()) return;
      drawing = true;
      chart.setOption(option, { notMerge: true, lazyUpdate: false });
    };
    // Draw in this task when the fonts are in: a filter change should not wait for a promise turn.
    if (document.fonts?.status === "loaded" && document.fonts.check(FONT_PROBE, text)) draw();
    else void ensureFonts(text).then(draw);
    return () => {
      current = false;
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
