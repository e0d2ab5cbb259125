// Durability of the atomic write: the order of the disk flushes around the rename. The file
// system calls are recorded (and still performed) through a wrapped node:fs/promises.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const calls: string[] = [];

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const open: typeof real.open = async (...args) => {
    const path = String(args[0]);
    const handle = await real.open(...args);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      calls.push(`sync ${path}`);
      return sync();
    };
    return handle;
  };
  const rename: typeof real.rename = async (from, to) => {
    calls.push(`rename ${String(from)} -> ${String(to)}`);
    return real.rename(from, to);
  };
  return { ...real, default: { ...real, open, rename }, open, rename };
});

const { openAtomicFile } = await import("../../../extract/node/output.ts");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "atomic-sync-"));
  calls.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("openAtomicFile durability", () => {
  it("flushes the new file before the rename and the folder after it", async () => {
    const target = join(dir, "out.csv");
    writeFileSync(target, "old\n");
    const sink = await openAtomicFile(target);
    await sink.write("new\n");
    await sink.commit();
    expect(readFileSync(target, "utf8")).toBe("new\n");
    expect(calls).toEqual([
      `sync ${sink.tempPath}`,
      `rename ${sink.tempPath} -> ${target}`,
      `sync ${dir}`,
    ]);
  });

  it("flushes the folder of the file a symbolic link points to, where the rename happened", async () => {
    const { mkdirSync, symlinkSync } = await import("node:fs");
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real", "out.csv"), "old\n");
    symlinkSync("real/out.csv", join(dir, "link.csv"));
    const sink = await openAtomicFile(join(dir, "link.csv"));
    await sink.write("new\n");
    await sink.commit();
    expect(calls.at(-1)).toBe(`sync ${join(dir, "real")}`);
    expect(calls.at(-2)).toBe(`rename ${sink.tempPath} -> ${join(dir, "real", "out.csv")}`);
  });
});
