import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { formatBundle, measureBundle } from "../../../scripts/bench-bundle.ts";

const dist = mkdtempSync(join(tmpdir(), "jm-bundle-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(join(dist, file, ".."), { recursive: true });
  writeFileSync(join(dist, file), text);
}

describe("measureBundle", () => {
  write(
    "index.html",
    `<!doctype html><html><head>
    <script type="module" crossorigin src="/assets/index-a.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
    <link rel="stylesheet" crossorigin href="/assets/index-c.css">
    </head><body></body></html>`,
  );
  const entry = `import{a as r}from"./vendor-b.js";import"./side-d.js";const l=()=>import("./lazy-e.js");r(l);`;
  write("assets/index-a.js", entry);
  write("assets/vendor-b.js", `export const a=(f)=>f;${"x".repeat(5000)}`);
  write("assets/side-d.js", `console.log("side effect")`);
  write("assets/lazy-e.js", `export default 1;${"y".repeat(3000)}`);
  write("assets/parse.worker-f.js", `self.onmessage=()=>{}`);
  write("assets/index-c.css", `body{margin:0}`);
  write("assets/noto-sans-sc-0-400-normal.woff2", "w".repeat(100));
  write("assets/noto-sans-sc-0-400-normal.woff", "v".repeat(200));
  write("data/indicators.csv", "id\n");

  it("counts the entry, its preloads and its static imports as initial JS, gzipped at level 9", () => {
    const b = measureBundle(dist);
    expect(b.initialJs.map((f) => f.file).sort()).toEqual([
      "assets/index-a.js",
      "assets/side-d.js",
      "assets/vendor-b.js",
    ]);
    expect(b.unpreloaded).toEqual(["assets/side-d.js"]);
    const a = b.initialJs.find((f) => f.file === "assets/index-a.js")!;
    expect(a.raw).toBe(Buffer.byteLength(entry));
    expect(a.gzip).toBe(gzipSync(entry, { level: 9 }).length);
  });

  it("lists lazy chunks and workers apart, and counts fonts and CSS", () => {
    const b = measureBundle(dist);
    expect(b.allJs.map((f) => f.file).sort()).toEqual([
      "assets/index-a.js",
      "assets/lazy-e.js",
      "assets/parse.worker-f.js",
      "assets/side-d.js",
      "assets/vendor-b.js",
    ]);
    expect(b.initialCss.map((f) => f.file)).toEqual(["assets/index-c.css"]);
    expect(b.fonts).toEqual({ count: 2, bytes: 300, kinds: { woff2: 1, woff: 1 } });
    const lines = formatBundle(b).join("\n");
    expect(lines).toMatch(/^initial JS .* target ≤ 300 KB gz {2}ok/);
    expect(lines).toContain("imported statically but not preloaded: assets/side-d.js");
  });

  it("names what is missing instead of measuring nothing", () => {
    const empty = mkdtempSync(join(tmpdir(), "jm-bundle-empty-"));
    try {
      expect(() => measureBundle(empty)).toThrow(/index\.html/);
      writeFileSync(join(empty, "index.html"), "<html></html>");
      expect(() => measureBundle(empty)).toThrow(/no <script type="module"/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
