// What the two off-thread tests (save-off-thread, review-off-thread) share: a server with writes
// over a temporary data/ folder, the shipped articles to build a large document from, and the
// chain of requests that must all be answered while a slow write is still in flight.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { serveDashboard } from "../../../scripts/serve.ts";
import { writeRoutes } from "../../../scripts/write/routes.ts";
import { ROOT } from "../cli/helpers.ts";

/** The shipped articles' texts (data/raw/*.txt), the stuff of a large test document. */
export const shippedArticles = (): string[] =>
  readdirSync(join(ROOT, "data", "raw"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(ROOT, "data", "raw", f), "utf8"));

/** Serves `root`/dist (an empty page) and `root`/data (with the shipped regions.csv, and what
 * `prepare` puts there before the server starts) with writes allowed to `token`; `post` sends a
 * write as the dashboard's own page does. */
export async function serveWithWrites(
  root: string,
  token: string,
  prepare: (dataDir: string) => void = () => {},
) {
  const dataDir = join(root, "data");
  mkdirSync(join(root, "dist"), { recursive: true });
  writeFileSync(join(root, "dist", "index.html"), "<!doctype html><html><head></head></html>");
  mkdirSync(join(dataDir, "raw"), { recursive: true });
  cpSync(join(ROOT, "data", "regions.csv"), join(dataDir, "regions.csv"));
  prepare(dataDir);
  const started = await serveDashboard({
    distDir: join(root, "dist"),
    dataDir,
    writes: { token, routes: writeRoutes(dataDir) },
  });
  const post = (path: string, body: unknown) =>
    fetch(new URL(path, started.url), {
      method: "POST",
      headers: {
        Origin: new URL(started.url).origin,
        "X-Write-Token": token,
        "Content-Type": "application/json",
      },
      body: JSON.stringify(body),
    });
  return { started, dataDir, post };
}

/** Sends `count` requests for a data file one after another, each once the one before was
 * answered, and notes for each whether `pending()` still held when it was answered. */
export async function answeredWhile(
  url: string,
  count: number,
  pending: () => boolean,
): Promise<boolean[]> {
  const answered: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(new URL("/data/regions.csv", url));
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    answered.push(pending());
  }
  return answered;
}
