import { constants, cpSync, mkdirSync, readdirSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
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

/** Longer request paths are refused: no file the dashboard serves has a path near this long. */
export const MAX_PATH_LENGTH = 2048;

export type RequestPath = { ok: true; path: string } | { ok: false; reason: string };

/**
 * The decoded path of a request target, or why it is refused (the server answers 400). Refused:
 * anything but an origin-form path (`*`, `http://…`), over-long paths, malformed or non-UTF-8
 * percent-encoding, control characters (NUL included), backslashes and `..` segments, however
 * they were encoded. Pure: the same target always gives the same answer.
 */
export function requestPath(target: string): RequestPath {
  const raw = target.split(/[?#]/, 1)[0] ?? "";
  if (!raw.startsWith("/")) return { ok: false, reason: "the path does not start with /" };
  if (raw.length > MAX_PATH_LENGTH) {
    return { ok: false, reason: `the path is longer than ${MAX_PATH_LENGTH} characters` };
  }
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { ok: false, reason: "malformed percent-encoding or not UTF-8" };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    return { ok: false, reason: "a control character (such as NUL) in the path" };
  }
  // A backslash is a separator on Windows, where `npm start` runs too.
  if (path.includes("\\")) return { ok: false, reason: "a backslash in the path" };
  if (path.split("/").includes("..")) return { ok: false, reason: "a .. segment in the path" };
  return { ok: true, path };
}

/** `rel` joined onto `dir`, or null when the result would not lie inside `dir`. */
export function inside(dir: string, rel: string): string | null {
  const base = resolve(dir);
  const file = join(base, rel);
  return file.startsWith(base + sep) ? file : null;
}

/** Maps a URL path under /data/ to a file inside `dataDir`, or null when it would escape it. */
export function resolveDataPath(urlPath: string, dataDir = DATA_DIR): string | null {
  const checked = requestPath(urlPath);
  if (!checked.ok || !checked.path.startsWith("/data/")) return null;
  return inside(dataDir, checked.path.slice("/data/".length));
}

export function contentType(file: string): string {
  const dot = file.lastIndexOf(".");
  return TYPES[file.slice(dot)] ?? "application/octet-stream";
}

/**
 * Whether an If-None-Match header matches `etag`: `*`, or one of its tags compared weakly
 * (`W/"x"` matches `"x"`), as RFC 9110 asks for If-None-Match.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}

/** Opening one of these means there is no such file to serve (a 404, not a server fault). */
const MISSING = new Set(["ENOENT", "ENOTDIR", "ENAMETOOLONG", "ELOOP", "EISDIR", "EINVAL"]);

/**
 * Sends `file` in answer to a GET or HEAD, with `headers` (its Content-Type among them): a 304
 * when If-None-Match names its ETag, else the file. Resolves false, sending nothing, when there is no regular file there; rejects on other
 * failures (the caller's error boundary answers them). The file is opened once and everything
 * (type check, size, ETag, bytes) comes from that open file, so a file replaced meanwhile is sent
 * whole, old or new. `O_NONBLOCK` keeps a FIFO from hanging the open.
 */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  headers: Record<string, string> = {},
): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if (MISSING.has((error as NodeJS.ErrnoException).code ?? "")) return false;
    throw error;
  }
  let streaming = false;
  try {
    const stat = await handle.stat({ bigint: true });
    if (!stat.isFile()) return false;
    // Inode, size and modification time: an atomic replace (a new inode) or an edit changes it.
    const etag = `W/"${[stat.ino, stat.size, stat.mtimeNs].map((n) => n.toString(36)).join("-")}"`;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.setHeader("ETag", etag);
    if (etagMatches(req.headers["if-none-match"], etag)) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.statusCode = 200;
    res.setHeader("Content-Length", stat.size.toString());
    if (req.method === "HEAD") {
      res.end();
      return true;
    }
    // 1 MiB reads instead of 64 KiB: a data file can be hundreds of MB, and on a small machine
    // the server's per-chunk work competes with the browser parsing what it sends.
    const stream = handle.createReadStream({ highWaterMark: 1 << 20 });
    streaming = true; // the stream closes the handle
    try {
      await pipeline(stream, res);
    } catch (error) {
      // The client went away part way: nothing is wrong with the server.
      if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
    }
    return true;
  } finally {
    if (!streaming) await handle.close().catch(() => undefined);
  }
}

/** One line on standard error for a request that failed inside the server. */
export function reportInternalError(req: IncomingMessage, error: unknown): string {
  const what = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `serve: internal error answering ${req.method} ${JSON.stringify(req.url)}: ${what.split("\n")[0]}`;
}

/**
 * Answers a request whose handling failed: 500 and a line on standard error, or, when the answer
 * had already begun, a cut connection (the client sees a truncated body, never a wrong one).
 */
export function answerInternalError(
  req: IncomingMessage,
  res: ServerResponse,
  error: unknown,
  log: (line: string) => void = console.error,
): void {
  log(reportInternalError(req, error));
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = 500;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end("internal server error");
}

/**
 * Connect-style middleware serving GET and HEAD of /data/* from the live data folder (Vite's dev
 * and preview servers). Browsers keep a copy but ask each time (`no-cache`): an unchanged file
 * is answered 304.
 */
export function dataMiddleware(dataDir = DATA_DIR) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = resolveDataPath(req.url ?? "", dataDir);
    if (!file) return next();
    const headers = { "Content-Type": contentType(file), "Cache-Control": "no-cache" };
    sendFile(req, res, file, headers).then(
      (sent) => {
        if (!sent) next();
      },
      (error: unknown) => answerInternalError(req, res, error),
    );
  };
}

/** Copies the data the dashboard reads (tables, raw articles, geometry) into a built site. */
export function copyDataInto(outDir: string, dataDir = DATA_DIR): void {
  const target = join(outDir, "data");
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(dataDir)) {
    // Generated benchmark data and removed articles stay out of the site.
    if (name === "big" || name === "trash") continue;
    cpSync(join(dataDir, name), join(target, name), { recursive: true });
  }
}
