// Building the dashboard with Vite into a folder: used by `npm start`, the browser tests, the
// screenshot and the benchmarks, so they all build the same way and report failures alike.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./data-files.ts";

/** Where a build's inputs live: a build older than any of them is stale. */
const BUILD_INPUTS = [
  "index.html",
  "src",
  "public",
  "extract/lib",
  "extract/lexicon",
  "vite.config.ts",
  "scripts/csp.ts",
  "scripts/data-files.ts",
  "package-lock.json",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Builds the dashboard with Vite into `outDir`; throws with Vite's output when it fails. */
export function buildDashboard(
  outDir: string,
  { minify = true }: { minify?: boolean } = {},
): { outDir: string; seconds: number } {
  const began = performance.now();
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const run = spawnSync(
    process.execPath,
    [
      vite,
      "build",
      "--outDir",
      outDir,
      "--emptyOutDir",
      "--logLevel",
      "warn",
      ...(minify ? [] : ["--minify", "false"]),
    ],
    { cwd: ROOT, encoding: "utf8", timeout: 10 * 60_000 },
  );
  if (run.status !== 0) {
    const output = `${run.stdout ?? ""}${run.stderr ?? ""}`
      .trim()
      .split("\n")
      .slice(-30)
      .join("\n");
    throw new Error(
      `vite build failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`}):\n${output}`,
    );
  }
  if (!existsSync(join(outDir, "index.html"))) {
    throw new Error(`vite build wrote no ${relative(ROOT, join(outDir, "index.html"))}`);
  }
  return { outDir, seconds: (performance.now() - began) / 1000 };
}

/**
 * Builds unless `outDir` holds a build newer than every input (src/, index.html, the Vite config,
 * the lock file …), so the browser benchmark right after this one does not build twice.
 */
export function buildIfStale(
  outDir: string,
  { minify = true, log = console.log }: { minify?: boolean; log?: (line: string) => void } = {},
): { outDir: string; seconds: number; reused: boolean } {
  const index = join(outDir, "index.html");
  if (existsSync(index)) {
    const built = statSync(index).mtimeMs;
    const inputs = Math.max(...BUILD_INPUTS.map((p) => newestMtime(join(ROOT, p))));
    if (built > inputs) {
      log(`reusing the build in ${relative(ROOT, outDir)} (newer than its sources)`);
      return { outDir, seconds: 0, reused: true };
    }
  }
  log(`building the dashboard into ${relative(ROOT, outDir)} …`);
  const result = buildDashboard(outDir, { minify });
  log(`built in ${result.seconds.toFixed(1)} s`);
  return { ...result, reused: false };
}
