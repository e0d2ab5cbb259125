// The indicator switch of bench-browser.ts on the big file, for builds made before, alternating
// one page of each (A/B in the same minutes): each switch timed from the change to the next
// jm:chart-finished, with the main thread's CPU over it (CDP Performance metrics, ThreadTime when
// the browser has it) and the long tasks after it.
//
//   node --import tsx scripts/bench-switch.ts --dist DIR,DIR… [--rounds N=2] [--runs N=7] [--toggle]
//                                             [--trace-load]
//
// --toggle times bench-browser's district toggle instead (the first district box, off and on).
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../tests/e2e/browser.ts";
import { ROOT } from "./data-files.ts";
import { BIG_URL, CHART_READY, loadAverage, recordLongTasks, serveBuilds } from "./long-tasks.ts";

const PICKER = '[data-testid="indicator-picker"]';
const args = process.argv.slice(2);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const rounds = Number(value("--rounds", "2"));
const runs = Number(value("--runs", "7"));
const toggle = args.includes("--toggle");
/** Traces each load: its longest task by thread time as well (--trace-load). */
const traceLoad = args.includes("--trace-load");
const BOXES = '[data-testid="region-filter"] input[type="checkbox"]';
const dists = value("--dist", "bench-output/dist")
  .split(",")
  .filter(Boolean)
  .map((d) => join(ROOT, d));
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Switch {
  to: string;
  ms: number;
  thread: number;
  longest: number;
}

/** The renderer main thread's longest task in a trace, by thread time (ms). */
function longestThreadTime(trace: Buffer): number {
  const events = (
    JSON.parse(trace.toString("utf8")) as {
      traceEvents: {
        name: string;
        ph: string;
        pid: number;
        tid: number;
        tdur?: number;
        args?: { name?: string };
      }[];
    }
  ).traceEvents;
  const mains = events.filter(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  let longest = 0;
  for (const m of mains)
    for (const e of events)
      if (e.pid === m.pid && e.tid === m.tid && e.name === "RunTask" && e.ph === "X")
        longest = Math.max(longest, (e.tdur ?? 0) / 1000);
  return longest;
}

async function round(
  browser: Browser,
  url: string,
  loadTasks: number[],
  loadThread: number[],
): Promise<Switch[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await recordLongTasks(page);
    if (traceLoad)
      await browser.startTracing(page, {
        categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"],
      });
    await page.goto(`${url}?csv=${encodeURIComponent(BIG_URL)}`);
    await page.waitForSelector(CHART_READY, { timeout: 180_000 });
    await sleep(2000);
    if (traceLoad) loadThread.push(longestThreadTime(await browser.stopTracing()));
    // The load's longest task, from navigation to the chart drawn (and two seconds after).
    loadTasks.push(
      await page.evaluate(() =>
        Math.max(
          0,
          ...(window as unknown as { __tasks: { duration: number }[] }).__tasks.map(
            (t) => t.duration,
          ),
        ),
      ),
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" } as never);
    const threadMs = async () => {
      const { metrics } = (await cdp.send("Performance.getMetrics")) as {
        metrics: { name: string; value: number }[];
      };
      const m =
        metrics.find((x) => x.name === "ThreadTime") ??
        metrics.find((x) => x.name === "TaskDuration");
      return (m?.value ?? 0) * 1000;
    };
    const first = await page.$eval(PICKER, (s) => (s as HTMLSelectElement).value);
    const others = await page.$eval(PICKER, (s) =>
      [...(s as HTMLSelectElement).options]
        .map((o) => o.value)
        .filter((v) => v !== (s as HTMLSelectElement).value),
    );
    const out: Switch[] = [];
    for (let i = 0; i < runs; i++) {
      const to = toggle
        ? `box ${i % 2 ? "on" : "off"}`
        : i % 2
          ? first
          : others[Math.floor(i / 2) % others.length]!;
      const before = await threadMs();
      const r = await page.evaluate(
        ({ sel, to, boxes }) =>
          new Promise<{ ms: number; t0: number }>((resolve) => {
            let t0 = Infinity;
            const obs = new PerformanceObserver((list) => {
              for (const e of list.getEntries())
                if (e.name === "jm:chart-finished" && e.startTime >= t0) {
                  obs.disconnect();
                  resolve({ ms: e.startTime - t0, t0 });
                }
            });
            obs.observe({ type: "mark" });
            if (to.startsWith("box ")) {
              const box = document.querySelector<HTMLInputElement>(boxes)!;
              t0 = performance.now();
              box.click();
              return;
            }
            const select = document.querySelector<HTMLSelectElement>(sel)!;
            t0 = performance.now();
            select.value = to;
            select.dispatchEvent(new Event("change", { bubbles: true }));
          }),
        { sel: PICKER, to, boxes: BOXES },
      );
      await sleep(300);
      const thread = (await threadMs()) - before;
      const longest = await page.evaluate(
        (t0) =>
          Math.max(
            0,
            ...(window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks
              .filter((t) => t.start >= t0 - 5)
              .map((t) => t.duration),
          ),
        r.t0,
      );
      out.push({ to, ms: r.ms, thread, longest });
    }
    return out;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const served = await serveBuilds(dists);
  const browser = await launchBrowser();
  const load = loadAverage;
  console.log(`load average ${load()} before`);
  const all = served.map(() => [] as Switch[][]);
  const loads = served.map(() => [] as number[]);
  const loadThreads = served.map(() => [] as number[]);
  try {
    for (let i = 0; i < rounds; i++)
      for (const [k, { url, name }] of served.entries()) {
        const r = await round(browser, url, loads[k]!, loadThreads[k]!);
        all[k]!.push(r);
        console.log(
          `${name}: ${r.map((s) => `${s.to} ${s.ms.toFixed(0)} (cpu ${s.thread.toFixed(0)}, task ${s.longest.toFixed(0)})`).join(", ")}; median ${median(r.map((s) => s.ms)).toFixed(0)} ms; the load's longest task ${loads[k]!.at(-1)!.toFixed(0)} ms${traceLoad ? ` (${loadThreads[k]!.at(-1)!.toFixed(0)} ms thread)` : ""} (load ${load()})`,
        );
      }
  } finally {
    await browser.close().catch(() => {});
    for (const { server } of served) {
      server.closeAllConnections();
      server.close();
    }
  }
  for (const [k, { name }] of served.entries()) {
    const flat = all[k]!.flat();
    console.log(
      `${name}: ${toggle ? "toggle" : "switch"} medians per page ${all[k]!.map((r) => median(r.map((s) => s.ms)).toFixed(0)).join(", ")} ms; median cpu ${median(flat.map((s) => s.thread)).toFixed(0)} ms; longest task ${Math.max(...flat.map((s) => s.longest)).toFixed(0)} ms`,
    );
  }
  console.log(`load average ${load()} after`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
