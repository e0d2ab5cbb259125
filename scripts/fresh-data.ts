// Whether data/indicators.csv was written after everything it is made from, so that `npm start`
// can skip the extraction: the region table, the person's decisions (the file written after them
// applies them) and the articles folder — its files, and the folder itself, whose time changes
// when an article is removed from it (by hand: 删除文章 rewrites the CSV itself), so that a
// removed article's facts do not outlive it.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The latest modification time of the inputs of data/indicators.csv under `dataDir`. */
export function newestInputTime(dataDir: string): number {
  const raw = join(dataDir, "raw");
  const inputs = [
    join(dataDir, "regions.csv"),
    join(dataDir, "reviews.csv"),
    raw,
    ...(existsSync(raw) ? readdirSync(raw).map((f) => join(raw, f)) : []),
  ];
  return Math.max(0, ...inputs.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs));
}

/** True when `dataDir`/indicators.csv exists and is newer than all its inputs. */
export function dataIsFresh(dataDir: string): boolean {
  const csv = join(dataDir, "indicators.csv");
  return existsSync(csv) && statSync(csv).mtimeMs >= newestInputTime(dataDir);
}
