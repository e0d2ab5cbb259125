import { cpSync, createReadStream, mkdirSync, readdirSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DATA_DIR = join(ROOT, "data");

const TYPES: Record<string, string> = {
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".geojson": "application/geo+json; charset=utf-8",
};

/** Maps a URL path under /data/ to a file inside `dataDir`, or null when it would escape it. */
export function resolveDataPath(urlPath: string, dataDir = DATA_DIR): string | null {
  if (!urlPath.startsWith("/data/")) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.slice("/data/".length));
  } catch {
    return null;
  }
  const file = normalize(join(dataDir, rel));
  if (!file.startsWith(dataDir + sep)) return null;
  return file;
}

export function contentType(file: string): string {
  const dot = file.lastIndexOf(".");
  return TYPES[file.slice(dot)] ?? "application/octet-stream";
}

/** Connect-style middleware serving /data/* from the live data folder (no caching). */
export function dataMiddleware(dataDir = DATA_DIR) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const file = resolveDataPath(path, dataDir);
    const stat = file ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!file || !stat?.isFile()) return next();
    res.setHeader("Content-Type", contentType(file));
    res.setHeader("Content-Length", stat.size);
    res.setHeader("Cache-Control", "no-store");
    // 1 MiB reads instead of 64 KiB: a data file can be hundreds of MB, and on a small machine
    // the server's per-chunk work competes with the browser parsing what it sends.
    createReadStream(file, { highWaterMark: 1 << 20 }).pipe(res);
  };
}

/** Copies the data the dashboard reads (tables, raw articles, geometry) into a built site. */
export function copyDataInto(outDir: string, dataDir = DATA_DIR): void {
  const target = join(outDir, "data");
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(dataDir)) {
    if (name === "big") continue; // generated benchmark data stays out of the site
    cpSync(join(dataDir, name), join(target, name), { recursive: true });
  }
}
