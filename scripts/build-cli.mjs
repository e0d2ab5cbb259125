// Bundles the extractor command and its worker into extract/dist/ (git-ignored) as plain
// JavaScript, so `npm run extract` and its worker threads start without a TypeScript loader:
// under tsx each process and each worker compiled the sources again, ~0.5 s before any work.
// Run by `npm ci`/`npm install` (the `prepare` script), `npm run build` and before the tests.
// Plain .mjs, not TypeScript: it runs in `prepare`, before anything could load TypeScript.
//
// esbuild is already installed as a dependency of both tsx and vite (no new dependency), and
// bundles the two entries in ~0.1 s, cheap enough to run before every test run.
import { build } from "esbuild";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_OUT_DIR = join(ROOT, "extract", "dist");

/** Builds extract/dist/cli.js and extract/dist/worker.js; throws on a build error. */
export async function buildCli({ quiet = false } = {}) {
  const began = performance.now();
  const builtAt = Date.now();
  rmSync(CLI_OUT_DIR, { recursive: true, force: true });
  const { metafile } = await build({
    metafile: true,
    absWorkingDir: ROOT,
    entryPoints: { cli: "extract/cli.ts", worker: "extract/node/worker.ts" },
    outdir: CLI_OUT_DIR,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // papaparse is CommonJS and calls require("stream") for Node streams; an ES module has no
    // `require`, so give it one (node:module is built in).
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    // One file per entry, no shared chunk: a worker loads one file, the command one file.
    splitting: false,
    sourcemap: "linked",
    legalComments: "none",
    logLevel: quiet ? "error" : "warning",
  });
  // The files the bundle was built from, so the command can tell when they have changed since
  // (extract/node/freshness.ts): the project's own sources and lexicon, not node_modules.
  // A file imported both with and without an import attribute is listed twice by esbuild, once
  // as "x.json with { type: 'json' }": that is the same file, and no such path exists.
  const inputs = [
    ...new Set(Object.keys(metafile.inputs).map((f) => f.replace(/ with \{.*\}$/, ""))),
  ].filter((f) => !f.startsWith("node_modules/"));
  writeFileSync(join(CLI_OUT_DIR, "inputs.json"), JSON.stringify({ builtAt, inputs }) + "\n");
  if (!quiet) {
    const seconds = ((performance.now() - began) / 1000).toFixed(2);
    console.log(`built ${relative(ROOT, CLI_OUT_DIR)}/{cli,worker}.js in ${seconds} s`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli({ quiet: process.argv.includes("--quiet") });
}
