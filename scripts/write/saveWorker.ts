// The worker thread of 保存文章 (saveWork.ts): reads and extracts articles, one request at a time
// in the order they came, and answers each with its sequence number.
import { parentPort } from "node:worker_threads";
import { doSaveWork, type SaveWorkAnswer, type SaveWorkRequest } from "./saveWork.ts";

const port = parentPort;
if (!port) throw new Error("scripts/write/saveWorker.ts runs as a worker thread only");

let previous = Promise.resolve();
port.on("message", (request: SaveWorkRequest) => {
  previous = previous.then(async () => {
    let answer: SaveWorkAnswer;
    try {
      answer = { seq: request.seq, ok: true, value: await doSaveWork(request) };
    } catch (error) {
      answer = { seq: request.seq, ok: false, error: String(error) };
    }
    port.postMessage(answer);
  });
});
