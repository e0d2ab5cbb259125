// The anchors the dashboard's load is measured against, in the same Chromium and the same run:
// fetching and decoding the file alone (the floor for any parser reading the same bytes), and a
// bare PapaParse worker (what one would write without this project's loader: Papa.parse with
// download and header rows in a worker, counting rows, checking nothing).
//
// Each anchor is a page of its own beside the built dashboard (bench-anchor/ in the build folder,
// same origin, same Content-Security-Policy: script files and a worker from 'self'), timed from
// navigation to the performance mark jm:anchor-done, as the dashboard is timed from navigation to
// jm:data-parsed. The anchor pages load less script than the dashboard, which favours the anchor.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./data-files.ts";

export type AnchorMode = "fetch" | "papa";

export const ANCHOR_PAGE = "/bench-anchor/index.html";

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>bench anchor</title>
<script src="anchor.js"></script>
`;

// The page: starts the worker at once and marks when it answers.
const PAGE_SCRIPT = `
const params = new URLSearchParams(location.search);
const worker = new Worker("anchor-worker.js");
worker.onmessage = (event) => {
  performance.mark("jm:anchor-done");
  window.__jmAnchor = event.data;
};
worker.onerror = (event) => {
  window.__jmAnchor = { error: String(event.message || "worker error") };
};
worker.postMessage({ mode: params.get("mode"), url: params.get("url") });
`;

// The worker: a classic script, so PapaParse loads with importScripts as its README shows.
const WORKER_SCRIPT = `
importScripts("papaparse.min.js");
self.onmessage = async (event) => {
  const { mode, url } = event.data;
  const began = performance.now();
  try {
    if (mode === "fetch") {
      // Every byte read from the response stream and decoded as UTF-8, chunk by chunk.
      const response = await fetch(url, { cache: "no-cache" });
      const reader = response.body.getReader();
      const decoder = new TextDecoder("utf-8");
      let chars = 0;
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.length;
        chars += decoder.decode(value, { stream: true }).length;
      }
      chars += decoder.decode().length;
      self.postMessage({ mode, bytes, chars, ms: performance.now() - began });
    } else if (mode === "papa") {
      let rows = 0;
      Papa.parse(url, {
        download: true,
        header: true,
        skipEmptyLines: true,
        chunk: (results) => {
          rows += results.data.length;
        },
        complete: () => self.postMessage({ mode, rows, ms: performance.now() - began }),
        error: (error) => self.postMessage({ mode, error: String(error && error.message || error) }),
      });
    } else {
      self.postMessage({ mode, error: "unknown mode " + mode });
    }
  } catch (error) {
    self.postMessage({ mode, error: String(error) });
  }
};
`;

/** Writes the anchor pages into a built dashboard folder (after any build, which empties it). */
export function writeAnchorPages(distDir: string): void {
  const dir = join(distDir, "bench-anchor");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), PAGE);
  writeFileSync(join(dir, "anchor.js"), PAGE_SCRIPT);
  writeFileSync(join(dir, "anchor-worker.js"), WORKER_SCRIPT);
  copyFileSync(
    join(ROOT, "node_modules", "papaparse", "papaparse.min.js"),
    join(dir, "papaparse.min.js"),
  );
}

export const anchorUrl = (base: string, mode: AnchorMode, csvUrl: string) =>
  `${base.replace(/\/$/, "")}${ANCHOR_PAGE}?mode=${mode}&url=${encodeURIComponent(csvUrl)}`;
