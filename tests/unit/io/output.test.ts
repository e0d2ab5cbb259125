// Atomic output: the old file stays whole until commit; nothing is left behind.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openAtomicFile, removeStaleTempFiles, streamSink } from "../../../extract/node/output.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "atomic-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("openAtomicFile", () => {
  it("writes beside the target and replaces it only on commit", async () => {
    const target = join(dir, "out.csv");
    writeFileSync(target, "old\n");
    const sink = await openAtomicFile(target);
    expect(sink.tempPath.startsWith(join(dir, ".out.csv."))).toBe(true);
    await sink.write("new,");
    await sink.write("x".repeat(200_000));
    expect(readFileSync(target, "utf8")).toBe("old\n");
    await sink.commit();
    expect(readFileSync(target, "utf8")).toBe("new," + "x".repeat(200_000));
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("leaves the old file and no temporary file when discarded", async () => {
    const target = join(dir, "out.csv");
    writeFileSync(target, "old\n");
    const sink = await openAtomicFile(target);
    await sink.write("half a file");
    await sink.discard();
    expect(readFileSync(target, "utf8")).toBe("old\n");
    expect(readdirSync(dir)).toEqual(["out.csv"]);

    const again = await openAtomicFile(target);
    await again.write("half");
    again.discardSync();
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("rejects at once when the folder does not exist", async () => {
    await expect(openAtomicFile(join(dir, "missing", "out.csv"))).rejects.toThrow(/ENOENT/);
  });

  it("cleans up when the rename fails (the target is a folder with files in it)", async () => {
    const target = join(dir, "taken");
    mkdirSync(join(target, "inside"), { recursive: true });
    const sink = await openAtomicFile(target);
    await sink.write("x");
    await expect(sink.commit()).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["taken"]);
  });
});

describe("removeStaleTempFiles", () => {
  it("removes only the temporary files of this target left by processes that no longer run", async () => {
    const target = join(dir, "out.csv");
    const names = [
      ".out.csv.1001.0123456789ab.tmp", // dead run: removed
      ".out.csv.42.0123456789ab.tmp", // running: kept
      ".other.csv.1001.0123456789ab.tmp", // another target: kept
      ".out.csv.1001.notours.tmp", // not our pattern: kept
      "out.csv",
    ];
    for (const name of names) writeFileSync(join(dir, name), "");
    const removed = await removeStaleTempFiles(target, (pid) => pid === 42);
    expect(removed).toEqual([".out.csv.1001.0123456789ab.tmp"]);
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
  });

  it("finds nothing in a folder that does not exist", async () => {
    expect(await removeStaleTempFiles(join(dir, "missing", "out.csv"))).toEqual([]);
  });
});

describe("streamSink", () => {
  it("waits for a full stream to drain", async () => {
    const stream = new PassThrough({ highWaterMark: 4 });
    const sink = streamSink(stream);
    const received: string[] = [];
    let drained = false;
    const writing = sink.write("0123456789").then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(drained).toBe(false);
    stream.on("data", (chunk: Buffer) => received.push(chunk.toString()));
    await writing;
    expect(received.join("")).toBe("0123456789");
  });
});
