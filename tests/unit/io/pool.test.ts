// The worker pool: documents answered by threads, and a thread that dies costs one document only.
import { describe, expect, it } from "vitest";
import { workerPoolRunner } from "../../../extract/node/pool.ts";
import type { DocumentJob } from "../../../extract/node/process.ts";

const CRASHING_WORKER = new URL("../../fixtures/io/crashing-worker.ts", import.meta.url);
const job = (id: string): DocumentJob => ({ kind: "text", label: `${id}.txt`, id, text: "x" });

describe("workerPoolRunner", () => {
  it("skips the document of a thread that exits or throws, replaces the thread, and goes on", async () => {
    const runner = workerPoolRunner(2, [], CRASHING_WORKER);
    try {
      const outcomes = await Promise.all(
        ["a", "exit", "b", "throw", "c", "d"].map((id) => runner.run(job(id))),
      );
      expect(outcomes.map((o) => (o.ok ? o.csvRows.trim() : `${o.label}: ${o.reason}`))).toEqual([
        "a by thread",
        "exit.txt: extraction worker exited with code 7",
        "b by thread",
        "throw.txt: extraction worker failed: boom",
        "c by thread",
        "d by thread",
      ]);
    } finally {
      await runner.close();
    }
  }, 30_000);

  it("runs the real extraction worker", async () => {
    const runner = workerPoolRunner(1, []);
    try {
      const outcome = await runner.run({ kind: "text", label: "t", id: "t", text: "   " });
      expect(outcome).toEqual({
        ok: false,
        label: "t",
        id: "t",
        reason: "empty document (no text)",
      });
    } finally {
      await runner.close();
    }
  }, 30_000);
});
