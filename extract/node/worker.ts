// A worker thread of the extraction pool: receives DocumentJobs, answers DocumentOutcomes.
import { parentPort, workerData } from "node:worker_threads";
import { extractDocument } from "../lib/index.ts";
import type { Region } from "../lib/types.ts";
import type { WorkerAnswer, WorkerRequest } from "./pool.ts";
import { loadPageReader, needsPageReader, processDocument } from "./process.ts";

const port = parentPort;
if (!port) throw new Error("extract/node/worker.ts runs as a worker thread only");
const { regions } = workerData as { regions: Region[] };

// Jobs are answered in the order they came (the pool relies on it), also when one waits for the
// page reader to load.
let previous = Promise.resolve();
port.on("message", ({ seq, job }: WorkerRequest) => {
  previous = previous.then(async () => {
    if (needsPageReader(job)) await loadPageReader();
    const answer: WorkerAnswer = { seq, outcome: processDocument(job, regions, extractDocument) };
    port.postMessage(answer);
  });
});
