// Atomic output: the old file stays whole until commit; nothing is left behind.
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

  it.runIf(process.platform === "linux")(
    "closes the temporary file's descriptor on a sync discard",
    async () => {
      const sink = await openAtomicFile(join(dir, "out.csv"));
      // The descriptors of this process that point at the temporary file (deleted or not).
      const openOnTemp = () =>
        readdirSync("/proc/self/fd").filter((fd) => {
          try {
            return readlinkSync(`/proc/self/fd/${fd}`).startsWith(sink.tempPath);
          } catch {
            return false; // closed between the listing and the look
          }
        });
      expect(openOnTemp()).toHaveLength(1);
      sink.discardSync();
      await vi.waitFor(() => expect(openOnTemp()).toHaveLength(0));
    },
  );

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

describe("openAtomicFile keeps what the user set", () => {
  const modeOf = (file: string) => statSync(file).mode & 0o7777;
  const write = async (target: string, text: string) => {
    const sink = await openAtomicFile(target);
    await sink.write(text);
    await sink.commit();
  };

  it("gives the new file the old file's mode, whatever the umask would allow", async () => {
    const target = join(dir, "out.csv");
    for (const mode of [0o600, 0o664, 0o640]) {
      writeFileSync(target, "old\n");
      chmodSync(target, mode);
      await write(target, "new\n");
      expect(readFileSync(target, "utf8")).toBe("new\n");
      expect(modeOf(target).toString(8)).toBe(mode.toString(8));
    }
  });

  it("creates a new file with mode 0644 (less what the umask removes)", async () => {
    const target = join(dir, "fresh.csv");
    await write(target, "new\n");
    const umask = process.umask();
    expect(modeOf(target).toString(8)).toBe((0o644 & ~umask).toString(8));
  });

  it("writes through a symbolic link to the file it points to, keeping the link", async () => {
    mkdirSync(join(dir, "real"));
    const real = join(dir, "real", "indicators.csv");
    writeFileSync(real, "old\n");
    chmodSync(real, 0o640);
    const link = join(dir, "link.csv");
    symlinkSync("real/indicators.csv", link);
    await write(link, "new\n");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("real/indicators.csv");
    expect(readFileSync(real, "utf8")).toBe("new\n");
    expect(modeOf(real).toString(8)).toBe("640");
    // No temporary file left beside the link or the file.
    expect(readdirSync(dir).sort()).toEqual(["link.csv", "real"]);
    expect(readdirSync(join(dir, "real"))).toEqual(["indicators.csv"]);
  });

  it("follows a chain of links, and a link to a file not yet there creates that file", async () => {
    const real = join(dir, "real.csv");
    symlinkSync(real, join(dir, "first.csv"));
    symlinkSync("first.csv", join(dir, "second.csv"));
    await write(join(dir, "second.csv"), "created\n");
    expect(readFileSync(real, "utf8")).toBe("created\n");
    expect(lstatSync(join(dir, "first.csv")).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, "second.csv")).isSymbolicLink()).toBe(true);
  });

  it("refuses a loop of links instead of spinning", async () => {
    symlinkSync("b.csv", join(dir, "a.csv"));
    symlinkSync("a.csv", join(dir, "b.csv"));
    await expect(openAtomicFile(join(dir, "a.csv"))).rejects.toThrow(/ELOOP/);
  });

  it("leaves the link and its file as they were when discarded", async () => {
    const real = join(dir, "real.csv");
    writeFileSync(real, "old\n");
    symlinkSync("real.csv", join(dir, "link.csv"));
    const sink = await openAtomicFile(join(dir, "link.csv"));
    await sink.write("half");
    await sink.discard();
    expect(readFileSync(real, "utf8")).toBe("old\n");
    expect(readdirSync(dir).sort()).toEqual(["link.csv", "real.csv"]);
  });

  it("finds the temporary files a killed run left beside the file a link points to", async () => {
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real", "out.csv"), "old\n");
    symlinkSync("real/out.csv", join(dir, "link.csv"));
    writeFileSync(join(dir, "real", ".out.csv.1001.0123456789ab.tmp"), "");
    const removed = await removeStaleTempFiles(join(dir, "link.csv"), () => false);
    expect(removed).toEqual([".out.csv.1001.0123456789ab.tmp"]);
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

  it("keeps one error listener however many writes run back to back, none once committed", async () => {
    // A stream that writes at once, as standard output on a file does: Node calls each write's
    // callback on a later tick, after the next awaited writes have already begun.
    const written: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        done();
      },
    });
    const before = stream.listenerCount("error");
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const sink = streamSink(stream);
      const counts: number[] = [];
      for (let i = 0; i < 50; i++) {
        await sink.write(`row ${i}\n`);
        counts.push(stream.listenerCount("error"));
      }
      expect(new Set(counts)).toEqual(new Set([before + 1]));
      await sink.commit();
      expect(stream.listenerCount("error")).toBe(before);
      await new Promise((r) => setTimeout(r, 10));
      expect(warnings.map((w) => w.name)).not.toContain("MaxListenersExceededWarning");
      expect(written).toHaveLength(50);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("rejects a write waiting for drain when the stream fails, and every write after", async () => {
    const stream = new PassThrough({ highWaterMark: 4 });
    const sink = streamSink(stream);
    const waiting = sink.write("0123456789");
    stream.destroy(new Error("disk gone"));
    await expect(waiting).rejects.toThrow("disk gone");
    await expect(sink.write("more")).rejects.toThrow("disk gone");
    await expect(sink.commit()).rejects.toThrow("disk gone");
    expect(stream.listenerCount("drain")).toBe(0);
  });
});
