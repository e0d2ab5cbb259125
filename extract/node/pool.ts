// Where documents get extracted: in this thread, or spread over a pool of worker threads.
import { Worker } from "node:worker_threads";
import type { Region } from "../lib/types.ts";
import {
  loadPageReader,
  needsPageReader,
  processDocument,
  type DocumentJob,
  type DocumentOutcome,
  type Extractor,
} from "./process.ts";

/** Runs one document at a time per call; `close` releases threads. Never rejects a job. */
export interface DocumentRunner {
  run(job: DocumentJob): Promise<DocumentOutcome>;
  close(): Promise<void>;
  /** Threads that did the work, when fewer than asked for may have (for the report). */
  jobsUsed?(): number;
}

/** Extracts on the calling thread: `--jobs 1`, the gold test, small corpora. */
export function inProcessRunner(regions: Region[], extract: Extractor): DocumentRunner {
  return {
    run: async (job) => {
      if (needsPageReader(job)) await loadPageReader();
      return processDocument(job, regions, extract);
    },
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
  return startModuleWorker(module, { regions });
}

/**
 * Starts a worker thread on `module` with `workerData`: the module as it is when it is
 * JavaScript, or, when it is TypeScript (under tsx: tests, `npm start`), through a bootstrap that
 * registers tsx in the worker first.
 */
export function startModuleWorker(module: URL, workerData: unknown): Worker {
  if (!module.pathname.endsWith(".ts")) return new Worker(module, { workerData });
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap =
    `import(${JSON.stringify(tsx)})` +
    `.then((api) => { api.register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** What the pool sends a worker: a job and its number, which the answer carries back. */
export interface WorkerRequest {
  seq: number;
  job: DocumentJob;
}

/** What a worker answers: the outcome of request `seq`. */
export interface WorkerAnswer {
  seq: number;
  outcome: DocumentOutcome;
}

interface Task {
  job: DocumentJob;
  resolve: (outcome: DocumentOutcome) => void;
}

interface Slot {
  worker: Worker;
  /** Sent and not yet answered, by request number; a worker handles them in this order. */
  inFlight: Map<number, Task>;
}

/**
 * Documents sent ahead to each worker. With one at a time a worker sat idle from its answer until
 * the main thread, itself waiting for a core on a busy machine, sent the next one: a fifth of its
 * time on two shared cores. A few queued in its port keep it busy; as file jobs are paths (the
 * worker reads the file), they cost no memory.
 */
export const DOCUMENTS_AHEAD_PER_WORKER = 4;

/**
 * A pool of `size` worker threads, each extracting one document at a time from the few it was
 * sent ahead. A worker that dies turns the document it was on (its oldest unanswered one) into a
 * skipped outcome with the reason, is replaced, and the other documents it held go to the front of
 * the queue. `module` is the worker's code: extract/node/worker.ts, or a stand-in in tests.
 */
export function workerPoolRunner(
  size: number,
  regions: Region[],
  module: URL = WORKER_MODULE,
): DocumentRunner {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let closing = false;
  let nextSeq = 0;

  const dispatch = () => {
    // Fill the emptiest worker first, so a short queue is shared rather than given to one.
    for (let ahead = 1; ahead <= DOCUMENTS_AHEAD_PER_WORKER && queue.length; ahead++) {
      for (const slot of slots) {
        if (slot.inFlight.size >= ahead || !queue.length) continue;
        const task = queue.shift()!;
        const seq = nextSeq++;
        slot.inFlight.set(seq, task);
        slot.worker.postMessage({ seq, job: task.job } satisfies WorkerRequest);
      }
    }
  };

  const attach = (slot: Slot) => {
    slot.worker.on("message", ({ seq, outcome }: WorkerAnswer) => {
      const task = slot.inFlight.get(seq);
      slot.inFlight.delete(seq);
      task?.resolve(outcome);
      dispatch();
    });
    const fail = (reason: string) => {
      // Requests are numbered in sending order and a worker answers them in that order, so the
      // oldest unanswered one is the document it was on; the rest never started.
      const [current, ...rest] = [...slot.inFlight.values()];
      slot.inFlight.clear();
      if (current)
        current.resolve({ ok: false, label: current.job.label, id: current.job.id, reason });
      if (closing) return;
      queue.unshift(...rest);
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
    const slot: Slot = { worker: startWorker(module, regions), inFlight: new Map() };
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
