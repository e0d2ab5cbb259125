// One interaction of issue 22, measured closely: the big file loaded in the dashboard, then the
// indicator switched to the one with 100,000 project figures (its first visit), in headless
// Chromium. Prints each main-thread task of 50 ms or more after the switch and, with --profile, the
// busiest stretch of the page's CPU profile (its garbage collection and the functions with the
// most self time) and the memory allocated during the switch by function (a sampling heap profile
// that counts objects collected since).
//
//   node --import tsx scripts/bench-first-visit.ts [--rounds N=3] [--indicator project_investment]
//                                                  [--profile] [--unminified] [--no-build]
//                                                  [--dist DIR,DIR…]
//
// A bench-browser.ts figure (its longest redraw task) taken apart. Each task is given with its
// wall time and its thread time (the main thread's CPU, from a Chromium trace) and the garbage
// collection inside it: on a machine shared with other work the wall time of one task swings by
// a factor of two or more, its thread time much less. --dist measures builds made before (each
// served over the same data/), alternating one round of each, to compare two versions.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../tests/e2e/browser.ts";
import { BENCH_DIST } from "./bench-bundle.ts";
import { buildIfStale } from "./build.ts";
import { DATA_DIR, ROOT } from "./data-files.ts";
import { BIG_URL, CHART_READY, loadAverage, recordLongTasks, serveBuilds } from "./long-tasks.ts";

const PICKER = '[data-testid="indicator-picker"]';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}
interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const rounds = Number(value("--rounds", "3"));
const indicator = value("--indicator", "project_investment");
const profile = flag("--profile");
const minify = !flag("--unminified");
const dists = value("--dist", "")
  .split(",")
  .filter(Boolean)
  .map((d) => join(ROOT, d));
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const where = (f: { functionName: string; url: string; lineNumber: number }) =>
  `${f.functionName || "(anonymous)"} ${f.url.split("/").pop() ?? ""}:${f.lineNumber + 1}`;

/** Stretches of the profile between idle samples: [first sample, last sample) and their time. */
function busiest(p: CpuProfile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  const idle = (i: number) => {
    const name = byId.get(samples[i]!)?.callFrame.functionName;
    return name === "(idle)" || name === "(program)";
  };
  // Parent of each node, for the stack of a sample.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stretches: { from: number; to: number; ms: number }[] = [];
  let from = -1;
  let msIn = 0;
  for (let i = 0; i <= samples.length; i++) {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    if (i === samples.length || idle(i)) {
      if (from >= 0) stretches.push({ from, to: i, ms: msIn });
      from = -1;
      msIn = 0;
    } else {
      if (from < 0) from = i;
      msIn += dt;
    }
  }
  stretches.sort((a, b) => b.ms - a.ms);
  console.log(
    `  busy stretches (ms): ${stretches
      .slice(0, 6)
      .map((s) => s.ms.toFixed(0))
      .join(", ")}`,
  );
  for (const s of stretches.slice(0, 4)) {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let gc = 0;
    for (let i = s.from; i < s.to; i++) {
      const dt = (deltas[i + 1] ?? 0) / 1000;
      const node = byId.get(samples[i]!)!;
      const key = where(node.callFrame);
      if (node.callFrame.functionName === "(garbage collector)") gc += dt;
      self.set(key, (self.get(key) ?? 0) + dt);
      const seen = new Set<string>();
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
        const k = where(byId.get(id)!.callFrame);
        if (seen.has(k)) continue;
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      }
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, t]) => `    ${t.toFixed(1).padStart(6)} ms  ${k}`)
        .join("\n");
    console.log(`  stretch of ${s.ms.toFixed(0)} ms, garbage collection ${gc.toFixed(0)} ms`);
    console.log(`   self:\n${top(self, 14)}`);
    console.log(`   inclusive:\n${top(inclusive, 30)}`);
  }
}

function allocations(head: HeapNode): void {
  const self = new Map<string, number>();
  const walk = (n: HeapNode) => {
    const k = where(n.callFrame);
    self.set(k, (self.get(k) ?? 0) + n.selfSize);
    n.children.forEach(walk);
  };
  walk(head);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`  allocated during the switch (sampled): ${(total / 2 ** 20).toFixed(1)} MB`);
  for (const [k, bytes] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 16))
    console.log(`    ${(bytes / 2 ** 20).toFixed(2).padStart(6)} MB  ${k}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The main thread's tasks of at least 30 ms in a trace, with their thread time and the garbage
 * collection inside them. */
function traceTasks(events: TraceEvent[]): { lines: string[]; longest: number } {
  const mains = events.filter(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  const count = (pid: number, tid: number) =>
    events.filter((e) => e.pid === pid && e.tid === tid && e.name === "RunTask").length;
  const main = mains.sort((a, b) => count(b.pid, b.tid) - count(a.pid, a.tid))[0];
  if (!main) return { lines: ["no renderer main thread in the trace"], longest: 0 };
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
  // The collections as the timeline shows them (V8's own events are their phases, nested).
  const gcs = on.filter((e) => e.name === "MajorGC" || e.name === "MinorGC");
  const start = Math.min(...on.map((e) => e.ts));
  const tasks = on
    .filter((e) => e.name === "RunTask" && (e.dur ?? 0) >= 30_000)
    .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
    .slice(0, 5);
  const longest = Math.max(0, ...tasks.map((t) => (t.tdur ?? 0) / 1000));
  const lines = tasks.map((t) => {
    const end = t.ts + t.dur!;
    const inside = gcs.filter((g) => g.ts >= t.ts && g.ts < end);
    const gc = inside.reduce((sum, g) => sum + (g.tdur ?? g.dur ?? 0), 0);
    const major = inside.filter((g) => g.name.startsWith("MajorGC")).length;
    // What ran: the timeline's events that fill most of the task (a timer: the chart's draw).
    const what = [
      ...new Set(
        on
          .filter((e) => e !== t && e.ts >= t.ts && e.ts < end && (e.dur ?? 0) > t.dur! / 3)
          .filter((e) => !/^(ThreadControllerImpl|RunTask|V8\.)/.test(e.name))
          .map((e) => e.name),
      ),
    ]
      .slice(0, 4)
      .join(" > ");
    return `at ${((t.ts - start) / 1000).toFixed(0)} ms: ${(t.dur! / 1000).toFixed(0)} ms wall, ${((t.tdur ?? 0) / 1000).toFixed(0)} ms thread, GC ${(gc / 1000).toFixed(0)} ms thread (${inside.length} collections, ${major} major) ${what}`;
  });
  return { lines, longest };
}

/** The longest task after the switch: wall time (Long Tasks API) and thread time (trace). */
async function round(browser: Browser, url: string, name: string): Promise<[number, number]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await recordLongTasks(page);
    await page.goto(`${url}?csv=${encodeURIComponent(BIG_URL)}`);
    await page.waitForSelector(CHART_READY, { timeout: 120_000 });
    await sleep(2000);
    const cdp = await context.newCDPSession(page);
    if (profile) {
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
      await cdp.send("HeapProfiler.enable");
      await cdp.send("HeapProfiler.startSampling", {
        samplingInterval: 8192,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      } as never);
      await cdp.send("Profiler.start");
    }
    await browser.startTracing(page, {
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8"],
    });
    const began = await page.evaluate(() => performance.now());
    await page.selectOption(PICKER, indicator);
    await page.waitForFunction(
      (t0) =>
        performance.getEntriesByName("jm:chart-finished").some((e) => e.startTime > t0) &&
        document.querySelector('[data-testid="chart"][data-ready="true"]') !== null,
      began,
      { timeout: 60_000 },
    );
    await sleep(1500);
    const tasks = await page.evaluate(
      (t0) =>
        (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks
          .filter((t) => t.start >= t0)
          .map((t) => [Math.round(t.start - t0), Math.round(t.duration)]),
      began,
    );
    const finished = await page.evaluate(
      (t0) =>
        performance
          .getEntriesByName("jm:chart-finished")
          .filter((e) => e.startTime > t0)
          .map((e) => Math.round(e.startTime - t0)),
      began,
    );
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as {
      traceEvents: TraceEvent[];
    };
    console.log(
      `round (${name}): tasks ≥ 50 ms after the switch [start, ms]: ${JSON.stringify(tasks)}; finished at ${finished.join(", ")} ms`,
    );
    const traced = traceTasks(trace.traceEvents);
    console.log(
      `  the main thread's five busiest tasks of ≥ 30 ms (trace):\n    ${traced.lines.join("\n    ")}`,
    );
    if (profile) {
      const { profile: cpu } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
      const { profile: heap } = (await cdp.send("HeapProfiler.stopSampling")) as {
        profile: { head: HeapNode };
      };
      busiest(cpu);
      allocations(heap.head);
    }
    return [Math.max(0, ...tasks.map((t) => t[1]!)), traced.longest];
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(DATA_DIR, "big", "indicators.csv")))
    throw new Error("no data/big/indicators.csv: run npm run gen:big first");
  const dist = minify ? BENCH_DIST : join(ROOT, "bench-output", "dist-unminified");
  if (!dists.length && !flag("--no-build")) buildIfStale(dist, { minify });
  const served = await serveBuilds(dists.length ? dists : [dist]);
  const browser = await launchBrowser();
  const load = loadAverage;
  console.log(`load average ${load()} before`);
  const longest = served.map(() => [] as [number, number][]);
  try {
    for (let i = 0; i < rounds; i++)
      for (const [k, { url }] of served.entries())
        longest[k]!.push(await round(browser, url, served[k]!.name));
  } finally {
    await browser.close().catch(() => {});
    for (const { server } of served) {
      server.closeAllConnections();
      server.close();
    }
  }
  for (const [k, { name }] of served.entries())
    console.log(
      `${name}: longest task after the switch, each round, wall / thread: ${longest[k]!.map(([w, t]) => `${w} / ${t.toFixed(0)}`).join(", ")} ms`,
    );
  console.log(`load average ${load()} after`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
