// The dashboard's download weight: builds the app into bench-output/dist and prints the initial
// JavaScript (the entry module and the chunks index.html preloads with it) gzipped at level 9,
// against the 300 KB target, then all JavaScript, the initial CSS and the font files.
//
// `node --import tsx scripts/bench-bundle.ts [--no-build]` — --no-build measures the last build.
// The figures are printed, never asserted: a miss is shown as such and the exit code stays 0;
// only a failed build or a missing index.html exits 1.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { ROOT } from "./data-files.ts";
import { buildDashboard } from "./build.ts";

export const BENCH_DIST = join(ROOT, "bench-output", "dist");
export const INITIAL_JS_TARGET_KB = 300;

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}
export interface BundleFigures {
  initialJs: FileSize[];
  allJs: FileSize[];
  initialCss: FileSize[];
  fonts: { count: number; bytes: number; kinds: Record<string, number> };
  /** Chunks the entry imports statically that index.html does not preload (should be none). */
  unpreloaded: string[];
}

const sum = (files: readonly FileSize[], key: "raw" | "gzip") =>
  files.reduce((s, f) => s + f[key], 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function sizeOf(distDir: string, file: string): FileSize {
  const bytes = readFileSync(join(distDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), base) : [relative(base, join(dir, e.name))],
  );
}

/** `src`/`href` of a tag's attribute, as a path inside the dist folder. */
const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, "i").exec(tag)?.[1];
const toDistPath = (url: string) => url.replace(/^\.?\//, "").split(/[?#]/)[0] ?? "";

/** Static imports of a built ES module (`import{a}from"./x.js"`, `import"./y.js"`), not import(). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/\bimport\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    found.push(m[1]!);
  }
  return found;
}

/** Measures a built dist folder: what index.html loads first, and everything else. */
export function measureBundle(distDir = BENCH_DIST): BundleFigures {
  const indexFile = join(distDir, "index.html");
  if (!existsSync(indexFile)) throw new Error(`no ${indexFile}: build the dashboard first`);
  const html = readFileSync(indexFile, "utf8");
  const initial = new Set<string>();
  const preloaded = new Set<string>();
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src && /type\s*=\s*["']module["']/i.test(tag)) initial.add(toDistPath(src));
  }
  if (!initial.size) throw new Error(`${indexFile} has no <script type="module" src=…>`);
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, "rel")?.toLowerCase();
    const href = attr(tag, "href");
    if (!href) continue;
    if (rel === "modulepreload") {
      initial.add(toDistPath(href));
      preloaded.add(toDistPath(href));
    }
    if (rel === "stylesheet") css.push(toDistPath(href));
  }
  // Follow the entry's static imports too, so a chunk Vite forgot to preload still counts.
  const unpreloaded: string[] = [];
  const queue = [...initial];
  while (queue.length) {
    const file = queue.shift()!;
    const path = join(distDir, file);
    if (!existsSync(path)) throw new Error(`index.html loads ${file}, which is not in ${distDir}`);
    for (const spec of staticImports(readFileSync(path, "utf8"))) {
      const dep = relative(distDir, resolve(join(distDir, file, ".."), spec));
      if (!initial.has(dep)) {
        initial.add(dep);
        unpreloaded.push(dep);
        queue.push(dep);
      }
    }
  }
  const files = listFiles(distDir);
  const fontFiles = files.filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f));
  const kinds: Record<string, number> = {};
  for (const f of fontFiles) kinds[extname(f).slice(1)] = (kinds[extname(f).slice(1)] ?? 0) + 1;
  return {
    initialJs: [...initial].map((f) => sizeOf(distDir, f)),
    allJs: files
      .filter((f) => /\.m?js$/.test(f) && !f.startsWith(`data/`))
      .map((f) => sizeOf(distDir, f)),
    initialCss: css.map((f) => sizeOf(distDir, f)),
    fonts: {
      count: fontFiles.length,
      bytes: fontFiles.reduce((s, f) => s + statSync(join(distDir, f)).size, 0),
      kinds,
    },
    unpreloaded,
  };
}

/** The bundle figures as printed lines. */
export function formatBundle(b: BundleFigures): string[] {
  const initialGz = sum(b.initialJs, "gzip");
  const verdict = initialGz <= INITIAL_JS_TARGET_KB * 1024 ? "ok" : "OVER";
  const lines = [
    `initial JS        ${kb(initialGz).padStart(10)} gz  (${kb(sum(b.initialJs, "raw"))} raw, ${b.initialJs.length} file${b.initialJs.length === 1 ? "" : "s"})   target ≤ ${INITIAL_JS_TARGET_KB} KB gz  ${verdict}`,
  ];
  for (const f of [...b.initialJs].sort((x, y) => y.gzip - x.gzip)) {
    lines.push(
      `  ${f.file.padEnd(44)} ${kb(f.gzip).padStart(10)} gz  ${kb(f.raw).padStart(10)} raw`,
    );
  }
  if (b.unpreloaded.length) {
    lines.push(`  (imported statically but not preloaded: ${b.unpreloaded.join(", ")})`);
  }
  const lazy = b.allJs.filter((f) => !b.initialJs.some((i) => i.file === f.file));
  lines.push(
    `all JS            ${kb(sum(b.allJs, "gzip")).padStart(10)} gz  (${kb(sum(b.allJs, "raw"))} raw, ${b.allJs.length} files; ${lazy.length} loaded later or in a worker: ${kb(sum(lazy, "gzip"))} gz)`,
  );
  for (const f of [...lazy].sort((x, y) => y.gzip - x.gzip).slice(0, 6)) {
    lines.push(
      `  ${f.file.padEnd(44)} ${kb(f.gzip).padStart(10)} gz  ${kb(f.raw).padStart(10)} raw`,
    );
  }
  lines.push(
    `initial CSS       ${kb(sum(b.initialCss, "gzip")).padStart(10)} gz  (${kb(sum(b.initialCss, "raw"))} raw, ${b.initialCss.length} file${b.initialCss.length === 1 ? "" : "s"})`,
  );
  const kinds = Object.entries(b.fonts.kinds)
    .map(([k, n]) => `${n} ${k}`)
    .join(", ");
  lines.push(
    `font files        ${b.fonts.count} (${kinds || "none"}), ${(b.fonts.bytes / 1024 / 1024).toFixed(2)} MB in all (a page fetches only the unicode ranges it uses)`,
  );
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    const noBuild = process.argv.includes("--no-build");
    if (noBuild) console.log(`measuring the last build in ${relative(ROOT, BENCH_DIST)}`);
    else {
      console.log(`building the dashboard into ${relative(ROOT, BENCH_DIST)} …`);
      console.log(`built in ${buildDashboard(BENCH_DIST).seconds.toFixed(1)} s`);
    }
    for (const line of formatBundle(measureBundle())) console.log(line);
  } catch (error) {
    console.error(`bench-bundle: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
