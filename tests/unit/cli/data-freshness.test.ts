// `npm start` extracts again when data/indicators.csv is older than what it is made from
// (scripts/fresh-data.ts): an article removed from data/raw by hand counts, so its facts do not
// outlive it across restarts (the dashboard and the run both call it gone; its rows would stay).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { dataIsFresh } from "../../../scripts/fresh-data.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder whose inputs were written 200 s ago and whose CSV 100 s ago. */
function dataFolder(): string {
  const data = mkdtempSync(join(tmpdir(), "jm-fresh-"));
  dirs.push(data);
  const raw = join(data, "raw");
  mkdirSync(raw);
  const inputs = [join(data, "regions.csv"), join(raw, "a.txt"), join(raw, "b.txt")];
  for (const file of inputs) writeFileSync(file, "x");
  writeFileSync(join(data, "indicators.csv"), "id\n");
  const s = Date.now() / 1000;
  for (const path of [...inputs, raw]) utimesSync(path, s - 200, s - 200);
  utimesSync(join(data, "indicators.csv"), s - 100, s - 100);
  return data;
}

describe("dataIsFresh", () => {
  it("is fresh when the CSV was written after every input", () => {
    expect(dataIsFresh(dataFolder())).toBe(true);
  });

  it("is stale once an article is removed from data/raw by hand", () => {
    const data = dataFolder();
    rmSync(join(data, "raw", "b.txt"));
    expect(dataIsFresh(data)).toBe(false);
  });

  it("is stale after a new decision, a new article, or without a CSV", () => {
    const decided = dataFolder();
    writeFileSync(join(decided, "reviews.csv"), "x");
    expect(dataIsFresh(decided)).toBe(false);
    const added = dataFolder();
    writeFileSync(join(added, "raw", "c.txt"), "x");
    expect(dataIsFresh(added)).toBe(false);
    const none = dataFolder();
    rmSync(join(none, "indicators.csv"));
    expect(dataIsFresh(none)).toBe(false);
  });
});
