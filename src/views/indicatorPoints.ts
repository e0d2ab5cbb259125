// The shown indicator's points as objects, made once per loaded point table and kept, so
// switching back reuses them and what is worked out from them (the chart's items written ahead,
// kept beside them here; frequencies: see timeSeries.ts and derive.ts). A large indicator's
// points are made over several tasks: on the big file the first visit of the indicator with
// 100,000 project figures made them, worked out their frequencies and drew, all in one task of
// 110–150 ms (the page could not answer a click meanwhile); now the view says it is preparing the
// figures while they are made, a slice a task.
import { useEffect, useRef, useState } from "react";
import { pointAt, type Point, type PointTable } from "../model/aggregate.ts";
import type { Indicator } from "../model/contract.ts";
import type { AheadItems } from "../chart/timeSeries.ts";
import { indexPoints } from "../state/derive.ts";

/**
 * Points made per task: 10,000 took a few milliseconds (pointAt) in profiles on the shared machine
 * under load 9–11, so a click waits at most that long. An indicator of no more than this many is made at once, with no waiting state.
 */
export const POINTS_PER_TASK = 10_000;

/**
 * Beyond this many, the first points the page shows (its first view, when the file is loaded) are
 * made as a large indicator's are, a step a task: no chart is drawn yet, so showing that they are
 * being prepared takes nothing down, and the render that draws them is not also the one that makes
 * them (on the big file the default indicator's 8,500 points made, derived and drawn in the task
 * the data arrived in were the longest task of the load). Later visits of so few are made at once.
 */
export const FIRST_POINTS_AHEAD = 2_000;

/**
 * Work on a slice of the points as they are made: points[from, to) of `total`, given the chart
 * items written ahead by the slices before (none before the first); returns them with this
 * slice's, to keep beside the points.
 */
export type SliceWork = (
  points: readonly Point[],
  total: number,
  from: number,
  to: number,
  ahead: AheadItems | undefined,
) => AheadItems | undefined;

/** An indicator's points, and the chart items written ahead as they were made. */
export interface Kept {
  points: Point[];
  ahead: AheadItems | undefined;
}

const NO_POINTS: Point[] = [];
/** The points of each indicator shown, per loaded point table (dropped with the table). */
const KEPT = new WeakMap<PointTable, Map<Indicator, Kept>>();

function keptOf(table: PointTable): Map<Indicator, Kept> {
  let kept = KEPT.get(table);
  if (!kept) KEPT.set(table, (kept = new Map()));
  return kept;
}

/**
 * The points of `ids`, made `size` at a time: each step makes one slice and yields; the last
 * step also works out what derive.ts keeps per points array (each point's frequency, the years),
 * so the render that follows finds it done. Pure apart from that cache; tested without a DOM.
 */
export function* pointsInSlices(
  table: PointTable,
  ids: Uint32Array,
  size = POINTS_PER_TASK,
  /** Work on each slice's new points, points[from, to), in the same step (the chart's items). */
  perSlice?: SliceWork,
): Generator<void, Kept> {
  const points: Point[] = [];
  let ahead: AheadItems | undefined;
  for (let from = 0; from < ids.length; from += size) {
    const to = Math.min(ids.length, from + size);
    for (let i = from; i < to; i++) points.push(pointAt(table, ids[i]!));
    ahead = perSlice?.(points, ids.length, from, to, ahead);
    yield;
  }
  // In a step of its own: each point's frequency and the years, over every point.
  indexPoints(points);
  return { points, ahead };
}

/** Runs `run` in a task of its own, soon: a message posted to itself is not clamped to 4 ms as
 * nested timeouts are. */
function nextTask(run: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}

/**
 * The indicator's points, or `preparing` while a large indicator's points are being made in
 * slices (its first visit for this table only).
 */
export function useIndicatorPoints(
  table: PointTable | undefined,
  byIndicator: ReadonlyMap<Indicator, Uint32Array>,
  indicator: Indicator,
  /** Work on the made points that the render would otherwise do, ahead of it: each `yield` of
   * the steps ends a task. */
  prepare?: (made: Kept) => Iterator<void>,
  /** Work the render would otherwise do on every point, done on each slice as it is made (the
   * chart's items, kept beside the points). */
  perSlice?: SliceWork,
): { points: readonly Point[]; ahead: AheadItems | undefined; preparing: boolean } {
  const ids = byIndicator.get(indicator);
  let kept = table ? keptOf(table).get(indicator) : undefined;
  // Whether the page has shown points before (set after a render that returned them).
  const shownBefore = useRef(false);
  const large =
    !!ids &&
    (ids.length > POINTS_PER_TASK || (!shownBefore.current && ids.length > FIRST_POINTS_AHEAD));
  // A small indicator is made right here, in the render that needs it.
  if (!kept && table && ids && !large) {
    const steps = pointsInSlices(table, ids, ids.length + 1, perSlice);
    let step = steps.next();
    while (!step.done) step = steps.next();
    keptOf(table).set(indicator, (kept = step.value));
  }
  // Made: a render to show them.
  const [, setMade] = useState(0);
  const waiting = !kept && !!table && !!ids;
  const prepareNow = useRef(prepare);
  const perSliceNow = useRef(perSlice);
  useEffect(() => {
    prepareNow.current = prepare;
    perSliceNow.current = perSlice;
    if (kept) shownBefore.current = true;
  });
  useEffect(() => {
    if (!waiting || !table || !ids) return;
    const steps = pointsInSlices(table, ids, POINTS_PER_TASK, (...slice) =>
      perSliceNow.current?.(...slice),
    );
    let cancel = () => {};
    const step = () => {
      const next = steps.next();
      if (!next.done) return void (cancel = nextTask(step));
      const made = next.value;
      const work = prepareNow.current?.(made);
      const ahead = () => {
        if (work && !work.next().done) return void (cancel = nextTask(ahead));
        keptOf(table).set(indicator, made);
        setMade((n) => n + 1);
      };
      cancel = nextTask(ahead);
    };
    cancel = nextTask(step);
    return () => cancel();
  }, [waiting, table, ids, indicator]);
  return { points: kept?.points ?? NO_POINTS, ahead: kept?.ahead, preparing: waiting };
}
