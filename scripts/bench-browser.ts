// The dashboard in headless Chromium, on the shipped data and on the 1,000,000-row synthetic file
// (data/big/indicators.csv, generated when missing). Prints a table of figures beside their
// targets; nothing is asserted. Exits 1 only when a figure could not be measured (a hook the
// bench relies on is missing, a page error, a timeout), naming what was missing.
//
//   node --import tsx scripts/bench-browser.ts [--timeout S=60] [--runs N=7] [--rounds N=3]
//                                              [--profile] [--unminified] [--no-build]
//
// The big file's load is measured beside its anchors in the same run (scripts/bench-anchors.ts):
// --rounds alternating loads each of the dashboard, fetch + decode alone and a bare PapaParse
// worker, reported as medians and as ratios of the dashboard to each anchor. Every redraw figure
// is the median of --runs changes of one control; the longest main-thread task over all the
// changes of a data set is reported beside them.
//
// --profile records CPU profiles of the big load (page, parse worker and one of its piece
// workers) into bench-output/ and
// prints the functions with the most self time; with --unminified (a build without minification
// in bench-output/dist-unminified) they carry their source names. --no-build measures the last
// build as it is.
//
// Hooks of the dashboard it relies on: ?csv=<same-origin path>; performance marks jm:data-parsed
// (the worker's rows reached the page) and jm:chart-finished (ECharts finished a drawing);
// [data-testid="chart"][data-ready="true"]; checkboxes in [data-testid="region-filter"]; the
// <select data-testid="indicator-picker">.
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, relative } from "node:path";
import type { Browser, CDPSession, Page } from "playwright-core";
import { launchBrowser } from "../tests/e2e/browser.ts";
import { BENCH_DIST, INITIAL_JS_TARGET_KB, measureBundle } from "./bench-bundle.ts";
import { buildDashboard, buildIfStale } from "./build.ts";
import { DATA_DIR, ROOT } from "./data-files.ts";
import { writeBigCsv } from "./gen-big.ts";
import { anchorUrl, writeAnchorPages, type AnchorMode } from "./bench-anchors.ts";
import { serveDashboard } from "./serve.ts";

const BIG_CSV = join(DATA_DIR, "big", "indicators.csv");
const BIG_URL = "/data/big/indicators.csv";
const CHART = '[data-testid="chart"]';
const CHART_READY = `${CHART}[data-ready="true"]`;
const REGION_BOXES = '[data-testid="region-filter"] input[type="checkbox"]';
const INDICATOR_PICKER = '[data-testid="indicator-picker"]';
const TARGET = { redrawMs: 100, longTaskMs: 100 };

interface Options {
  timeoutMs: number;
  runs: number;
  profile: boolean;
  build: boolean;
  minify: boolean;
  /** Alternating loads of the big file in the dashboard and in each anchor. */
  rounds: number;
}
function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    timeoutMs: 60_000,
    runs: 7,
    profile: false,
    build: true,
    minify: true,
    rounds: 3,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const number = () => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
      return n;
    };
    if (flag === "--timeout") options.timeoutMs = number() * 1000;
    else if (flag === "--runs") options.runs = Math.round(number());
    else if (flag === "--rounds") options.rounds = Math.max(0, Math.round(Number(argv[++i])) || 0);
    else if (flag === "--profile") options.profile = true;
    else if (flag === "--no-build") options.build = false;
    else if (flag === "--unminified") options.minify = false;
    else throw new Error(`unknown argument ${flag}`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// What the page records about itself, installed before any of its scripts by the browser (an
// init script is injected over the DevTools protocol, so the page's CSP does not stop it).

interface PageRecord {
  longTasks: { start: number; duration: number }[];
  marks: { name: string; t: number }[];
  chartReadyAt: number | null;
  /** When the chart's canvas was first drawn on (before any entry animation ends). */
  firstDrawAt: number | null;
}
declare global {
  interface Window {
    __jmBench?: PageRecord;
  }
}

function installRecorder({ chart, chartReady }: { chart: string; chartReady: string }): void {
  const record: PageRecord = { longTasks: [], marks: [], chartReadyAt: null, firstDrawAt: null };
  window.__jmBench = record;
  // The first fill or stroke on a canvas inside the chart; then the originals come back.
  const proto = CanvasRenderingContext2D.prototype;
  const originals = { fill: proto.fill, stroke: proto.stroke, fillText: proto.fillText };
  for (const name of ["fill", "stroke", "fillText"] as const) {
    const original = originals[name] as (...args: unknown[]) => void;
    (proto as unknown as Record<string, unknown>)[name] = function (
      this: CanvasRenderingContext2D,
      ...args: unknown[]
    ) {
      if (
        record.firstDrawAt === null &&
        this.canvas instanceof HTMLCanvasElement &&
        this.canvas.closest(chart)
      ) {
        record.firstDrawAt = performance.now();
        Object.assign(proto, originals);
      }
      return original.apply(this, args);
    };
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        record.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // no Long Tasks API: the figure will read "—"
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) record.marks.push({ name: e.name, t: e.startTime });
  }).observe({ type: "mark", buffered: true });
  const check = () => {
    if (record.chartReadyAt === null && document.querySelector(chartReady)) {
      record.chartReadyAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-ready"],
  });
}

// ---------------------------------------------------------------------------------------------
// Waiting, bounded: every wait ends by the timeout with an error that names what was missing and
// what the page showed instead.

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

class Session {
  readonly errors: string[] = [];
  /** Font files the page fetched: when each finished (epoch ms) and its size. */
  readonly fonts: Promise<{ end: number; bytes: number }>[] = [];
  /** The controls changed by timeRedraw, in order, with when (page clock). */
  readonly changes: { what: string; at: number }[] = [];
  constructor(
    readonly page: Page,
    readonly timeoutMs: number,
  ) {
    page.on("requestfinished", (request) => {
      if (!/\.(woff2?|ttf|otf)(\?|$)/.test(request.url())) return;
      const t = request.timing();
      this.fonts.push(
        request
          .sizes()
          .then((z) => ({ end: t.startTime + t.responseEnd, bytes: z.responseBodySize }))
          .catch(() => ({ end: t.startTime + t.responseEnd, bytes: 0 })),
      );
    });
    page.on("pageerror", (e) => this.errors.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") this.errors.push(`console error: ${m.text()}`);
    });
  }

  /** What the page says about its state, for an error message. */
  async describe(): Promise<string> {
    const shown = await withTimeout(
      this.page.evaluate(() =>
        ["loading", "load-error", "row-problems", "empty"]
          .map((id) => document.querySelector(`[data-testid="${id}"]`))
          .filter((e): e is Element => e !== null)
          .map(
            (e) =>
              `${e.getAttribute("data-testid")}: ${(e.textContent ?? "").trim().slice(0, 160)}`,
          ),
      ),
      5000,
      "reading the page",
    ).catch((e: unknown) => [String(e)]);
    const lines = [...shown, ...this.errors.slice(0, 5)];
    return lines.length ? `; the page shows ${lines.join(" | ")}` : "";
  }

  /** Polls `probe` in the page until it returns a value other than null/false, or times out. */
  async waitFor<T>(what: string, probe: () => T | null | false, ms = this.timeoutMs): Promise<T> {
    const began = Date.now();
    for (;;) {
      const left = ms - (Date.now() - began);
      if (left <= 0)
        throw new Error(`${what} did not happen within ${ms / 1000} s${await this.describe()}`);
      const value = await withTimeout(this.page.evaluate(probe), left, what).catch(() => null);
      if (value !== null && value !== false) return value as T;
      await sleep(100);
    }
  }

  /** "12 font files, 1,234 KB, the last at 1,500 ms", on the page's clock. */
  async fontLine(): Promise<string> {
    const fonts = await Promise.all(this.fonts);
    if (!fonts.length) return "no font files";
    const origin = await this.page.evaluate(() => performance.timeOrigin);
    const last = Math.max(...fonts.map((f) => f.end)) - origin;
    const kb = fonts.reduce((n, f) => n + f.bytes, 0) / 1024;
    return `${fonts.length} font files, ${Math.round(kb).toLocaleString("en")} KB, the last one in at ${ms(last)}`;
  }

  async record(): Promise<PageRecord> {
    const r = await withTimeout(
      this.page.evaluate(() => window.__jmBench),
      this.timeoutMs,
      "reading the record",
    );
    if (!r) throw new Error("the bench's init script did not run in the page");
    return r;
  }

  markTime(record: PageRecord, name: string): number | null {
    return record.marks.find((m) => m.name === name)?.t ?? null;
  }
}

async function openPage(browser: Browser, timeoutMs: number): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  // tsx compiles this file with esbuild's keepNames, whose __name helper the page lacks.
  await page.addInitScript({ content: "globalThis.__name ??= (target) => target;" });
  await page.addInitScript(installRecorder, { chart: CHART, chartReady: CHART_READY });
  return new Session(page, timeoutMs);
}

/**
 * Clicks (or changes) a control inside the page and times the next jm:chart-finished mark, from
 * the event to the mark, both on the page's clock.
 */
const describeAction = (
  action: { kind: "checkbox"; index: number } | { kind: "select"; selector: string; value: string },
) =>
  action.kind === "checkbox"
    ? `district box #${action.index}`
    : `${action.selector.replace(/^\[data-testid="(.*)"\]$/, "$1")} = ${action.value}`;

async function timeRedraw(
  s: Session,
  action: { kind: "checkbox"; index: number } | { kind: "select"; selector: string; value: string },
): Promise<number> {
  const result = await withTimeout(
    s.page.evaluate(
      ({ action, boxes, timeoutMs }) =>
        new Promise<{ ms: number; t0: number } | { error: string }>((resolve) => {
          let t0 = Infinity;
          const observer = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              if (e.name === "jm:chart-finished" && e.startTime >= t0) {
                observer.disconnect();
                clearTimeout(timer);
                resolve({ ms: e.startTime - t0, t0 });
                return;
              }
            }
          });
          observer.observe({ type: "mark" });
          const timer = setTimeout(() => {
            observer.disconnect();
            resolve({
              error: `no jm:chart-finished mark within ${timeoutMs / 1000} s of the change`,
            });
          }, timeoutMs);
          if (action.kind === "checkbox") {
            const box = document.querySelectorAll<HTMLInputElement>(boxes)[action.index];
            if (!box) return resolve({ error: `no checkbox #${action.index} in ${boxes}` });
            t0 = performance.now();
            box.click();
          } else {
            const select = document.querySelector<HTMLSelectElement>(action.selector);
            if (!select) return resolve({ error: `no ${action.selector}` });
            t0 = performance.now();
            select.value = action.value;
            select.dispatchEvent(new Event("change", { bubbles: true }));
          }
        }),
      { action, boxes: REGION_BOXES, timeoutMs: s.timeoutMs },
    ),
    s.timeoutMs + 5000,
    "timing a redraw",
  );
  if ("error" in result) throw new Error(`${result.error}${await s.describe()}`);
  s.changes.push({ what: describeAction(action), at: result.t0 });
  return result.ms;
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * CPU time (ms) used so far by the browser: every process descended from this one (Chromium's
 * browser, renderer, network and GPU processes), user and system, with the time of children they
 * have reaped. Read from /proc on Linux (null elsewhere); clock ticks of 10 ms. A load's figure is
 * the difference around it, taken before its page closes. The server runs in this process and is
 * counted apart (process.cpuUsage).
 */
function browserCpuMs(): number | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const parentOf = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, "latin1");
    } catch {
      continue; // gone meanwhile
    }
    // After the command name in parentheses: state, ppid, … utime (14), stime, cutime, cstime.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    parentOf.set(Number(name), Number(fields[1]));
    ticks.set(
      Number(name),
      fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0),
    );
  }
  const own = new Set([process.pid]);
  let total = 0;
  // Parents come and go in any order in /proc: repeat until no new descendant is found.
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (own.has(pid) || !own.has(parent)) continue;
      own.add(pid);
      total += ticks.get(pid) ?? 0;
      grew = true;
    }
  }
  return total * 10; // USER_HZ is 100 on Linux
}

/** CPU used by the browser (see browserCpuMs) and by this process's server while `run` ran. */
async function cpuAround<T>(
  run: () => Promise<T>,
): Promise<{ value: T; browser: number | null; server: number }> {
  const before = browserCpuMs();
  const serverBefore = process.cpuUsage();
  const value = await run();
  const after = browserCpuMs();
  const server = process.cpuUsage(serverBefore);
  return {
    value,
    browser: before === null || after === null ? null : after - before,
    server: (server.user + server.system) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------
// The parse worker, over the browser's DevTools session: its heap and (with --profile) its CPU.

interface WorkerDebugger {
  send(method: string, params?: object): Promise<Record<string, unknown>>;
}
async function attachToWorker(
  browser: Browser,
  name = "parse.worker",
  nth = 0,
): Promise<WorkerDebugger | null> {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send("Target.getTargets")) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const worker = targetInfos.filter((t) => t.type === "worker" && t.url.includes(name))[nth];
  if (!worker) {
    await cdp.detach().catch(() => {});
    return null;
  }
  const { sessionId } = await cdp.send("Target.attachToTarget", {
    targetId: worker.targetId,
    flatten: false,
  });
  let nextId = 1;
  const waiting = new Map<number, (m: Record<string, unknown>) => void>();
  cdp.on("Target.receivedMessageFromTarget", (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number } & Record<string, unknown>;
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  return {
    send: (method, params = {}) => {
      const id = nextId++;
      const answer = new Promise<Record<string, unknown>>((ok, fail) =>
        waiting.set(id, (m) =>
          m.error
            ? fail(new Error(JSON.stringify(m.error)))
            : ok(m.result as Record<string, unknown>),
        ),
      );
      void cdp.send("Target.sendMessageToTarget", {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
      return withTimeout(answer, 30_000, `worker ${method}`);
    },
  };
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples?: number[];
  timeDeltas?: number[];
}
/** The functions with the most self time in a CPU profile. */
function topSelfTime(profile: CpuProfile, n = 8): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byNode.get(samples[i]!);
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    if (!node) continue;
    const f = node.callFrame;
    const file = f.url.split("/").pop() ?? "";
    const key =
      `${f.functionName || "(anonymous)"} ${file ? `${file}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ""}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([key, ms]) =>
        `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / (total || 1)).toFixed(1).padStart(5)}%  ${key}`,
    );
}

// ---------------------------------------------------------------------------------------------
// The figures.

interface Figure {
  name: string;
  value: string;
  target?: string;
  verdict?: "ok" | "OVER";
}
const figures: Figure[] = [];
const failures: string[] = [];
const notes: string[] = [];
const ms = (x: number) => `${Math.round(x).toLocaleString("en")} ms`;
/** The Long Tasks API reports tasks of 50 ms or more: none means every task was shorter. */
const taskMs = (x: number) => (x > 0 ? ms(x) : "none ≥ 50 ms");
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
function add(
  name: string,
  value: number | null,
  format: (x: number) => string,
  target?: number,
  unit = "ms",
) {
  if (value === null) return figures.push({ name, value: "—" });
  figures.push({
    name,
    value: format(value),
    ...(target === undefined
      ? {}
      : {
          target: `≤ ${target.toLocaleString("en")} ${unit}`,
          verdict: value <= target ? "ok" : "OVER",
        }),
  });
}
async function attempt(what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push(`${what}: ${message}`);
    figures.push({ name: what, value: "not measured" });
  }
}

function longTaskFigures(record: PageRecord, until: number) {
  const during = record.longTasks.filter((t) => t.start <= until);
  const longest = during.reduce((m, t) => Math.max(m, t.duration), 0);
  const blocking = during.reduce((s, t) => s + Math.max(0, t.duration - 50), 0);
  return { count: during.length, longest, blocking, tasks: during };
}

const FREQUENCY_PICKER = '[data-testid="frequency"]';
const YEAR_FROM = "fieldset.period-range select";

/** The options of a select other than its current one, or null when there is no such select. */
async function otherOptions(s: Session, selector: string): Promise<string[] | null> {
  return s.page.evaluate((sel) => {
    const select = document.querySelector<HTMLSelectElement>(sel);
    return select
      ? [...select.options].map((o) => o.value).filter((v) => v !== select.value)
      : null;
  }, selector);
}

/**
 * The four controls of issue 22, each changed `runs` times and timed from the event to the next
 * jm:chart-finished: a district toggled (off, on, off …), another indicator, another frequency of
 * the default indicator, another first year. Each control is put back as it was afterwards.
 */
async function redraws(s: Session, label: string, options: Options): Promise<void> {
  const runs = options.runs;
  const began = await s.page.evaluate(() => performance.now());
  const record = (what: string, times: number[]) => {
    add(`${label}: ${what} → redraw (median of ${runs})`, median(times), ms, TARGET.redrawMs);
    notes.push(`${label} ${what}: ${times.map((t) => Math.round(t)).join(", ")} ms`);
  };
  await attempt(`${label}: district toggle → redraw`, async () => {
    const boxes = await s.page.evaluate(
      (sel) => document.querySelectorAll(sel).length,
      REGION_BOXES,
    );
    if (!boxes) throw new Error(`no checkbox in ${REGION_BOXES}${await s.describe()}`);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      times.push(await timeRedraw(s, { kind: "checkbox", index: 0 }));
      await sleep(300);
    }
    if (runs % 2) await timeRedraw(s, { kind: "checkbox", index: 0 }); // leave it as it was
    record("district toggle", times);
  });
  /** Picks other values of a select in turn, then its first value back. */
  const cycle = async (what: string, selector: string) =>
    attempt(`${label}: ${what} → redraw`, async () => {
      const first = await s.page.evaluate(
        (sel) => document.querySelector<HTMLSelectElement>(sel)?.value ?? null,
        selector,
      );
      const others = await otherOptions(s, selector);
      if (first === null || !others) throw new Error(`no ${selector}${await s.describe()}`);
      if (!others.length) {
        notes.push(`${label} ${what}: ${selector} offers one choice only, not timed`);
        return;
      }
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternate with the first value, so every change is a change.
        const value = i % 2 ? first : others[Math.floor(i / 2) % others.length]!;
        times.push(await timeRedraw(s, { kind: "select", selector, value }));
        await sleep(300);
      }
      if (runs % 2) await timeRedraw(s, { kind: "select", selector, value: first });
      record(what, times);
    });
  await cycle("indicator switch", INDICATOR_PICKER);
  await cycle("frequency change", FREQUENCY_PICKER);
  await cycle("year range change", YEAR_FROM);
  // Every task of the page from the first change to the last redraw (the puts-back included).
  await attempt(`${label}: longest main-thread task while redrawing`, async () => {
    const tasks = (await s.record()).longTasks.filter((t) => t.start >= began);
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    add(`${label}: longest main-thread task while redrawing`, longest, taskMs, TARGET.longTaskMs);
    // Each named by the change it followed (the last one made before it began) and how long after.
    const after = (start: number) => {
      // The task that runs a click begins a little before the click's own clock reading.
      const i = s.changes.findLastIndex((c) => c.at <= start + 5);
      if (i < 0) return "before the first change";
      const change = s.changes[i]!;
      return `change ${i + 1}, ${change.what}, ${start < change.at ? "running it" : `+${ms(start - change.at)}`}`;
    };
    notes.push(
      `${label} redraws: ${tasks.length} long tasks; the longest: ${tasks
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 4)
        .map((t) => `${ms(t.duration)} (${after(t.start)})`)
        .join(", ")}`,
    );
  });
}

async function shippedData(browser: Browser, url: string, options: Options): Promise<void> {
  const s = await openPage(browser, options.timeoutMs);
  try {
    await s.page.goto(url, { waitUntil: "commit" });
    const readyAt = await s.waitFor(
      `${CHART_READY} on the shipped data`,
      () => window.__jmBench?.chartReadyAt ?? null,
    );
    await sleep(500);
    const record = await s.record();
    const finished = s.markTime(record, "jm:chart-finished");
    if (finished === null)
      throw new Error(`the chart is ready but no jm:chart-finished mark was made`);
    add("shipped data: navigation → chart first drawn", record.firstDrawAt, ms);
    add("shipped data: navigation → first chart (jm:chart-finished)", finished, ms);
    add("shipped data: navigation → data parsed", s.markTime(record, "jm:data-parsed"), ms);
    notes.push(`shipped data load: ${await s.fontLine()}`);
    add(
      "shipped data: longest main-thread task",
      longTaskFigures(record, readyAt).longest,
      taskMs,
      TARGET.longTaskMs,
    );
    await redraws(s, "shipped data", options);
  } finally {
    await s.page.context().close();
  }
}

interface LoadRun {
  parsed: number;
  firstDraw: number | null;
  longestTask: number;
  download: { start: number; end: number } | null;
  /** CPU of the browser's processes and of this process (server) during the load, ms. */
  cpu: { browser: number | null; server: number };
}

/** One load of the big file in the dashboard, to the first chart: when its rows were parsed. */
async function dashboardLoad(browser: Browser, url: string, options: Options): Promise<LoadRun> {
  const s = await openPage(browser, options.timeoutMs);
  let fetched: { start: number; end: number } | null = null;
  s.page.on("requestfinished", (request) => {
    if (!request.url().includes(BIG_URL)) return;
    const t = request.timing();
    fetched = { start: t.startTime, end: t.startTime + t.responseEnd };
  });
  try {
    const {
      value,
      browser: cpu,
      server,
    } = await cpuAround(async () => {
      await s.page.goto(`${url}?csv=${encodeURIComponent(BIG_URL)}`, { waitUntil: "commit" });
      const timeOrigin = await s.page.evaluate(() => performance.timeOrigin);
      const parsed = await s.waitFor(
        "the jm:data-parsed mark on the big file",
        () => window.__jmBench?.marks.find((m) => m.name === "jm:data-parsed")?.t ?? null,
      );
      return { timeOrigin, parsed };
    });
    const readyAt = await s.waitFor(
      `${CHART_READY} on the big file`,
      () => window.__jmBench?.chartReadyAt ?? null,
    );
    await sleep(1000);
    const record = await s.record();
    const f = fetched as { start: number; end: number } | null;
    return {
      parsed: value.parsed,
      firstDraw: record.firstDrawAt,
      longestTask: longTaskFigures(record, readyAt + 1000).longest,
      download: f ? { start: f.start - value.timeOrigin, end: f.end - value.timeOrigin } : null,
      cpu: { browser: cpu, server },
    };
  } finally {
    await s.page.context().close();
  }
}

/**
 * The big file opened by hand in the dashboard (the file input, a file on this disk): the same
 * parse with no download, timed from the request to the worker (jm:load-requested) to its rows on
 * the page (jm:data-parsed). What our parse costs on bytes the network no longer delivers.
 */
async function fileLoad(
  browser: Browser,
  url: string,
  options: Options,
): Promise<{ ms: number; cpu: { browser: number | null; server: number } }> {
  const s = await openPage(browser, options.timeoutMs);
  try {
    await s.page.goto(url, { waitUntil: "commit" });
    await s.waitFor("the shipped data's chart", () => window.__jmBench?.chartReadyAt ?? null);
    await sleep(500);
    const {
      value,
      browser: cpu,
      server,
    } = await cpuAround(async () => {
      await s.page.getByTestId("file-input").setInputFiles(BIG_CSV);
      return s.waitFor("the big file opened by hand, parsed", () => {
        const marks = window.__jmBench?.marks ?? [];
        const asked = marks.filter((m) => m.name === "jm:load-requested").at(-1)?.t;
        const parsed = marks.filter((m) => m.name === "jm:data-parsed").at(-1)?.t;
        return asked !== undefined && parsed !== undefined && parsed > asked
          ? parsed - asked
          : null;
      });
    });
    return { ms: value, cpu: { browser: cpu, server } };
  } finally {
    await s.page.context().close();
  }
}

/** One anchor load: navigation to the anchor worker's answer, and the worker's own time. */
async function anchorLoad(
  browser: Browser,
  url: string,
  mode: AnchorMode,
  options: Options,
): Promise<{ done: number; inWorker: number; cpu: { browser: number | null; server: number } }> {
  const s = await openPage(browser, options.timeoutMs);
  try {
    const {
      value: answer,
      browser: cpu,
      server,
    } = await cpuAround(async () => {
      await s.page.goto(anchorUrl(url, mode, BIG_URL), { waitUntil: "commit" });
      return s.waitFor(
        `the ${mode} anchor's answer`,
        () => (window as unknown as { __jmAnchor?: Record<string, unknown> }).__jmAnchor ?? null,
      );
    });
    if (typeof answer.error === "string") throw new Error(`the ${mode} anchor: ${answer.error}`);
    const record = await s.record();
    const done = s.markTime(record, "jm:anchor-done");
    if (done === null) throw new Error(`the ${mode} anchor made no jm:anchor-done mark`);
    return { done, inWorker: Number(answer.ms), cpu: { browser: cpu, server } };
  } finally {
    await s.page.context().close();
  }
}

const cpuLine = (cpu: { browser: number | null; server: number }) =>
  `${cpu.browser === null ? "?" : ms(cpu.browser)} (server ${ms(cpu.server)})`;

/**
 * The big file loaded `rounds` times in each of four ways, alternating (dashboard, fetch +
 * decode, bare PapaParse, the dashboard with the file opened by hand, then again), so that the
 * machine's load falls on all alike; the figures are medians, and the ratios are of those medians.
 */
async function sideBySide(browser: Browser, url: string, options: Options, rows: number) {
  const runs: LoadRun[] = [];
  const fetchDecode: Awaited<ReturnType<typeof anchorLoad>>[] = [];
  const papa: Awaited<ReturnType<typeof anchorLoad>>[] = [];
  const byHand: Awaited<ReturnType<typeof fileLoad>>[] = [];
  for (let round = 0; round < options.rounds; round++) {
    runs.push(await dashboardLoad(browser, url, options));
    fetchDecode.push(await anchorLoad(browser, url, "fetch", options));
    papa.push(await anchorLoad(browser, url, "papa", options));
    byHand.push(await fileLoad(browser, url, options));
  }
  const label = `big (${rows.toLocaleString("en")} rows)`;
  const parsed = median(runs.map((r) => r.parsed));
  const anchor = median(fetchDecode.map((a) => a.done));
  const bare = median(papa.map((a) => a.done));
  const alone = median(byHand.map((f) => f.ms));
  const anchorInWorker = median(fetchDecode.map((a) => a.inWorker));
  add(`${label}, anchor: fetch + decode (median of ${options.rounds})`, anchor, ms);
  add(`${label}, anchor: bare PapaParse worker (median of ${options.rounds})`, bare, ms);
  add(`${label}: navigation → data parsed (median of ${options.rounds})`, parsed, ms);
  figures.push({
    name: `${label}: data parsed ÷ fetch + decode`,
    value: `${(parsed / anchor).toFixed(2)}×`,
    target: "≤ 1.25×",
    verdict: parsed / anchor <= 1.25 ? "ok" : "OVER",
  });
  figures.push({
    name: `${label}: data parsed ÷ bare PapaParse`,
    value: `${(parsed / bare).toFixed(2)}×`,
    target: "< 1×",
    verdict: parsed / bare < 1 ? "ok" : "OVER",
  });
  add(`${label}: file opened by hand, request → data parsed (no download)`, alone, ms);
  add(`${label}, anchor: fetch + decode inside its worker (no page load)`, anchorInWorker, ms);
  figures.push({
    name: `${label}: parse alone ÷ fetch + decode inside its worker`,
    value: `${(alone / anchorInWorker).toFixed(2)}×`,
  });
  const cpuMedian = (xs: { cpu: { browser: number | null } }[]) => {
    const known = xs.map((x) => x.cpu.browser).filter((x): x is number => x !== null);
    return known.length ? median(known) : null;
  };
  add(`${label}: browser CPU, dashboard load (median)`, cpuMedian(runs), ms);
  add(`${label}: browser CPU, fetch + decode (median)`, cpuMedian(fetchDecode), ms);
  add(`${label}: browser CPU, file opened by hand (median)`, cpuMedian(byHand), ms);
  // However well parsing overlaps the download, a load cannot end before the browser has spent
  // its CPU on both cores: that floor, beside the anchor, says what any overlap could reach here
  // (a lower bound, and a loose one when other work leaves the browser less than both cores).
  // The CPU of the two, side by side, moves less with the machine's load than their times.
  const loadCpu = cpuMedian(runs);
  const anchorCpu = cpuMedian(fetchDecode);
  if (loadCpu !== null && anchorCpu !== null) {
    const floor = loadCpu / cpus().length;
    figures.push({
      name: `${label}: floor, dashboard's browser CPU ÷ ${cpus().length} cores ÷ fetch + decode`,
      value: `${(floor / anchor).toFixed(2)}×`,
    });
    figures.push({
      name: `${label}: browser CPU, dashboard load ÷ fetch + decode`,
      value: `${(loadCpu / anchorCpu).toFixed(2)}×`,
    });
  }
  const draws = runs.map((r) => r.firstDraw).filter((t): t is number => t !== null);
  add(`${label}: navigation → chart first drawn (median)`, draws.length ? median(draws) : null, ms);
  add(
    `${label}: longest main-thread task while loading (worst of ${options.rounds})`,
    Math.max(...runs.map((r) => r.longestTask)),
    taskMs,
    TARGET.longTaskMs,
  );
  notes.push(
    `side by side, in run order: dashboard parsed ${runs.map((r) => ms(r.parsed)).join(", ")}; fetch + decode ${fetchDecode.map((a) => `${ms(a.done)} (in its worker ${ms(a.inWorker)})`).join(", ")}; bare PapaParse ${papa.map((a) => ms(a.done)).join(", ")}; opened by hand ${byHand.map((f) => ms(f.ms)).join(", ")}`,
  );
  notes.push(
    `browser CPU (all its processes) per load, in run order: dashboard ${runs.map((r) => cpuLine(r.cpu)).join(", ")}; fetch + decode ${fetchDecode.map((a) => cpuLine(a.cpu)).join(", ")}; bare PapaParse ${papa.map((a) => cpuLine(a.cpu)).join(", ")}; opened by hand ${byHand.map((f) => cpuLine(f.cpu)).join(", ")}`,
  );
  notes.push(
    `dashboard downloads (navigation → first byte … last byte; parsed): ${runs
      .map((r) =>
        r.download
          ? `${ms(r.download.start)} … ${ms(r.download.end)}; ${ms(r.parsed)}`
          : `? ; ${ms(r.parsed)}`,
      )
      .join(" | ")}`,
  );
}

async function bigData(
  browser: Browser,
  url: string,
  options: Options,
  rows: number,
): Promise<void> {
  const s = await openPage(browser, options.timeoutMs);
  const cdp: CDPSession = await s.page.context().newCDPSession(s.page);
  await cdp.send("Performance.enable");
  const label = `big (${rows.toLocaleString("en")} rows, ${mb(statSync(BIG_CSV).size)})`;
  let fetched: { start: number; end: number } | null = null;
  s.page.on("requestfinished", (request) => {
    if (!request.url().includes(BIG_URL)) return;
    const t = request.timing();
    fetched = { start: t.startTime, end: t.startTime + t.responseEnd };
  });
  let worker: WorkerDebugger | null = null;
  let piece: WorkerDebugger | null = null;
  const profiles: Promise<void>[] = [];
  try {
    if (options.profile) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    await s.page.goto(`${url}?csv=${encodeURIComponent(BIG_URL)}`, { waitUntil: "commit" });
    if (options.profile) {
      // The worker starts with the app; profile it from as early as it can be found.
      profiles.push(
        (async () => {
          for (let i = 0; i < 50 && !worker; i++) {
            worker = await attachToWorker(browser).catch(() => null);
            if (!worker) await sleep(20);
          }
          if (!worker) return void notes.push("--profile: the parse worker was not found");
          await worker.send("Profiler.enable");
          await worker.send("Profiler.setSamplingInterval", { interval: 200 });
          await worker.send("Profiler.start");
        })(),
        // One of the piece workers the parse worker starts for a large file, once it exists.
        (async () => {
          for (let i = 0; i < 150 && !piece; i++) {
            piece = await attachToWorker(browser, "parsePiece").catch(() => null);
            if (!piece) await sleep(20);
          }
          if (!piece) return void notes.push("--profile: no piece worker was found");
          await piece.send("Profiler.enable");
          await piece.send("Profiler.setSamplingInterval", { interval: 200 });
          await piece.send("Profiler.start");
        })(),
      );
    }
    const timeOrigin = await s.page.evaluate(() => performance.timeOrigin);
    const parsedAt = await s.waitFor(
      "the jm:data-parsed mark on the big file",
      () => window.__jmBench?.marks.find((m) => m.name === "jm:data-parsed")?.t ?? null,
    );
    const readyAt = await s.waitFor(
      `${CHART_READY} on the big file`,
      () => window.__jmBench?.chartReadyAt ?? null,
    );
    await sleep(1500); // let the tasks that follow the first drawing show up
    const record = await s.record();
    const finished = s.markTime(record, "jm:chart-finished");
    if (finished === null)
      throw new Error("the chart is ready but no jm:chart-finished mark was made");

    add(`${label}: navigation → data parsed`, parsedAt, ms);
    const f = fetched as { start: number; end: number } | null;
    if (f) {
      notes.push(
        `big file download: ${ms(f.start - timeOrigin)} → ${ms(f.end - timeOrigin)} after navigation (${ms(f.end - f.start)}); parse after download: ${ms(parsedAt - (f.end - timeOrigin))}`,
      );
    }
    add(`${label}: navigation → chart first drawn`, record.firstDrawAt, ms);
    add(`${label}: navigation → first chart (jm:chart-finished)`, finished, ms);
    const tasks = longTaskFigures(record, readyAt + 1500);
    add("big: longest main-thread task during load", tasks.longest, taskMs, TARGET.longTaskMs);
    notes.push(
      `big load: ${tasks.count} long tasks, total blocking ${ms(tasks.blocking)}; the longest: ${tasks.tasks
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 4)
        .map((t) => `${ms(t.duration)} at ${ms(t.start)}`)
        .join(", ")}`,
    );
    const marks = record.marks
      .filter((m) => m.name.startsWith("jm:"))
      .slice(0, 12)
      .map((m) => `${m.name} ${ms(m.t)}`);
    notes.push(`big load marks: ${marks.join(", ")}; ${await s.fontLine()}`);

    if (options.profile) {
      await Promise.all(profiles);
      mkdirSync(join(ROOT, "bench-output"), { recursive: true });
      const save = (file: string, what: string, profile: CpuProfile) => {
        writeFileSync(join(ROOT, "bench-output", file), JSON.stringify(profile));
        notes.push(
          `${what}, top self time (bench-output/${file}):\n  ${topSelfTime(profile).join("\n  ")}`,
        );
      };
      const page = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
      save("big-load-page.cpuprofile", "page CPU", page.profile);
      for (const [session, file, what] of [
        [worker, "big-load-worker.cpuprofile", "parse worker CPU"],
        [piece, "big-load-piece.cpuprofile", "a piece worker's CPU"],
      ] as const) {
        const w = session as WorkerDebugger | null;
        if (!w) continue;
        const result = (await w.send("Profiler.stop")) as unknown as { profile: CpuProfile };
        save(file, what, result.profile);
      }
    }

    // Memory after the load: the page's heap (what the main thread keeps), then after a garbage
    // collection; the worker's heap holds the parsed rows.
    const metrics = async () => {
      const { metrics: list } = (await cdp.send("Performance.getMetrics")) as {
        metrics: { name: string; value: number }[];
      };
      return list.find((m) => m.name === "JSHeapUsedSize")?.value ?? null;
    };
    add("big: page JS heap after load", await metrics(), mb);
    await cdp.send("HeapProfiler.collectGarbage");
    add("big: page JS heap after a GC", await metrics(), mb);
    await attempt("big: worker JS heap after load", async () => {
      worker ??= await attachToWorker(browser);
      if (!worker) throw new Error("no parse worker target found");
      const usage = await worker.send("Runtime.getHeapUsage");
      add("big: worker JS heap after load", Number(usage.usedSize), mb);
    });
    // The piece workers keep nothing after a load, but their heaps count until collected.
    await attempt("big: piece workers' JS heap after load", async () => {
      let used = 0;
      let found = 0;
      for (let nth = 0; ; nth++) {
        const piece = await attachToWorker(browser, "parsePiece", nth);
        if (!piece) break;
        found++;
        used += Number((await piece.send("Runtime.getHeapUsage")).usedSize);
      }
      if (!found) return void notes.push("no piece worker: the big file was parsed in one worker");
      add(`big: piece workers' JS heap after load (${found}, summed)`, used, mb);
    });

    // With --profile, one CPU profile of the page covers all the redraws that follow.
    if (options.profile) await cdp.send("Profiler.start");

    await redraws(s, "big", options);
    if (options.profile) {
      const redraw = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
      writeFileSync(
        join(ROOT, "bench-output", "big-redraw-page.cpuprofile"),
        JSON.stringify(redraw.profile),
      );
      notes.push(
        `page CPU during the redraws, top self time (bench-output/big-redraw-page.cpuprofile):\n  ${topSelfTime(redraw.profile).join("\n  ")}`,
      );
    }
  } finally {
    await s.page.context().close();
  }
}

async function countRows(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) lines++;
  }
  return Math.max(0, lines - 1); // the header; the generator writes no line break inside a field
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // The whole run is bounded: whatever hangs, the bench stops by itself.
  const limit = setTimeout(() => {
    console.error("bench-browser: gave up after 15 minutes");
    process.exit(1);
  }, 15 * 60_000);
  limit.unref();

  if (!existsSync(BIG_CSV)) {
    console.log(`${relative(ROOT, BIG_CSV)} is missing: generating it …`);
    const r = writeBigCsv();
    console.log(
      `wrote ${r.rows.toLocaleString("en")} rows, ${(r.bytes / 1e6).toFixed(1)} MB in ${r.seconds.toFixed(1)} s`,
    );
  }
  const rows = await countRows(BIG_CSV);
  const dist = options.minify ? BENCH_DIST : join(ROOT, "bench-output", "dist-unminified");
  const minify = options.minify;
  if (options.build) buildIfStale(dist, { minify });
  else if (!existsSync(join(dist, "index.html"))) buildDashboard(dist, { minify });

  if (minify) {
    await attempt("initial JS (gzip -9)", async () => {
      const bundle = measureBundle(dist);
      const gz = bundle.initialJs.reduce((s, f) => s + f.gzip, 0) / 1024;
      add("initial JS (gzip -9)", gz, (x) => `${x.toFixed(1)} KB`, INITIAL_JS_TARGET_KB, "KB");
    });
  } else {
    notes.push("an unminified build: the initial JS size is not measured, and timings run slower");
  }

  writeAnchorPages(dist);
  const { server, url } = await serveDashboard({ distDir: dist });
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ");
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    );
    console.log(
      `load average (1 / 5 / 15 min) ${load} on ${cpus().length} cores before the runs (other work inflates times; compare the ratios, whose two sides ran alternately)`,
    );
    console.log(`Chromium ${browser.version()}, serving ${relative(ROOT, dist)} at ${url}`);
    if (existsSync(join(DATA_DIR, "indicators.csv"))) {
      await attempt("shipped data: first chart", () => shippedData(browser!, url, options));
    } else {
      figures.push({ name: "shipped data: first chart", value: "no data/indicators.csv yet" });
    }
    if (options.rounds > 0) {
      await attempt("big file, side by side with its anchors", () =>
        sideBySide(browser!, url, options, rows),
      );
    }
    await attempt("big file", () => bigData(browser!, url, options, rows));
  } finally {
    await browser?.close().catch(() => {});
    const closed = new Promise<void>((ok) => server.close(() => ok()));
    server.closeAllConnections();
    await closed;
  }

  const width = Math.max(...figures.map((f) => f.name.length));
  const valueWidth = Math.max(...figures.map((f) => f.value.length));
  console.log("");
  for (const f of figures) {
    const target = f.target ? `  ${f.target.padEnd(13)} ${f.verdict}` : "";
    console.log(`${f.name.padEnd(width)}  ${f.value.padStart(valueWidth)}${target}`);
  }
  notes.push(
    `load average (1 / 5 / 15 min) ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} after the runs`,
  );
  console.log(`\n${notes.join("\n")}`);
  if (failures.length) {
    console.error(`\nnot measured:\n${failures.map((f) => `- ${f}`).join("\n")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(`bench-browser: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
