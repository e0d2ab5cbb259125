// A worker thread of the extraction pool: receives DocumentJobs, answers DocumentOutcomes.
import { parentPort, workerData } from "node:worker_threads";
import { extractDocument } from "../lib/index.ts";
import type { Region } from "../lib/types.ts";
import type { WorkerAnswer, WorkerRequest } from "./pool.ts";
import { processDocument } from "./process.ts";

const port = parentPort;
if (!port) throw new Error("extract/node/worker.ts runs as a worker thread only");
const { regions } = workerData as { regions: Region[] };

port.on("message", ({ seq, job }: WorkerRequest) => {
  const answer: WorkerAnswer = { seq, outcome: processDocument(job, regions, extractDocument) };
  port.postMessage(answer);
});
