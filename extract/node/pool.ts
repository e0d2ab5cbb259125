// Where documents get extracted: in this thread, or spread over a pool of worker threads.
import { Worker } from "node:worker_threads";
import type { Region } from "../lib/types.ts";
import {
  processDocument,
  type DocumentJob,
  type DocumentOutcome,
  type Extractor,
} from "./process.ts";

/** Runs one document at a time per call; `close` releases threads. Never rejects a job. */
export interface DocumentRunner {
  run(job: DocumentJob): Promise<DocumentOutcome>;
  close(): Promise<void>;
}

/** Extracts on the calling thread: `--jobs 1`, the gold test, small corpora. */
export function inProcessRunner(regions: Region[], extract: Extractor): DocumentRunner {
  return {
    run: async (job) => processDocument(job, regions, extract),
    close: async () => undefined,
  };
}

/**
 * The worker's code next to this module: worker.ts beside pool.ts under tsx (tests, scripts), or
 * worker.js beside the bundled extract/dist/cli.js that `npm run extract` runs. The name is
 * computed so the bundler leaves it alone rather than trying to resolve it.
 */
const WORKER_MODULE = new URL(
  import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js",
  import.meta.url,
);

/**
 * Starts a worker on the worker module. Under tsx (the way package.json runs the CLI) the module
 * is TypeScript, and Node 20 does not pass tsx's loader to worker threads, so a tiny bootstrap
 * registers tsx in the worker before importing it.
 */
function startWorker(module: URL, regions: Region[]): Worker {
  const workerData = { regions };
  if (!module.pathname.endsWith(".ts")) return new Worker(module, { workerData });
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap =
    `import(${JSON.stringify(tsx)})` +
    `.then((api) => { api.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

interface Task {
  job: DocumentJob;
  resolve: (outcome: DocumentOutcome) => void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
}

/**
 * A pool of `size` worker threads, each extracting one document at a time. A worker that dies
 * turns its document into a skipped outcome (with the reason) and is replaced. `module` is the
 * worker's code: extract/node/worker.ts, or a stand-in in tests.
 */
export function workerPoolRunner(
  size: number,
  regions: Region[],
  module: URL = WORKER_MODULE,
): DocumentRunner {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let closing = false;

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.task || !queue.length) continue;
      slot.task = queue.shift()!;
      slot.worker.postMessage(slot.task.job);
    }
  };

  const attach = (slot: Slot) => {
    slot.worker.on("message", (outcome: DocumentOutcome) => {
      const task = slot.task;
      slot.task = undefined;
      task?.resolve(outcome);
      dispatch();
    });
    const fail = (reason: string) => {
      const task = slot.task;
      slot.task = undefined;
      if (task) task.resolve({ ok: false, label: task.job.label, id: task.job.id, reason });
      if (closing) return;
      slot.worker.removeAllListeners();
      slot.worker = startWorker(module, regions);
      attach(slot);
      dispatch();
    };
    slot.worker.on("error", (error: Error) => fail(`extraction worker failed: ${error.message}`));
    slot.worker.on("exit", (code) => {
      if (!closing) fail(`extraction worker exited with code ${code}`);
    });
  };

  for (let i = 0; i < size; i++) {
    const slot: Slot = { worker: startWorker(module, regions), task: undefined };
    attach(slot);
    slots.push(slot);
  }

  return {
    run: (job) =>
      new Promise<DocumentOutcome>((resolve) => {
        queue.push({ job, resolve });
        dispatch();
      }),
    close: async () => {
      closing = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
