// `npm run bench`: every benchmark of the project, one after another, each printing its figures.
// Speed and memory targets are measured here, never asserted in timed tests.
import { spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { ROOT } from "./data-files.ts";

const benches = [
  { name: "extractor (throughput, cores, memory)", file: "bench-extract.ts" },
  { name: "dashboard bundle (initial JS gzipped)", file: "bench-bundle.ts" },
  { name: "article panel (worker time for a 10,000-character article)", file: "bench-article.ts" },
  { name: "保存文章 with 1,500 articles in data/raw", file: "bench-save.ts" },
  { name: "dashboard in Chromium (first chart, 1M rows)", file: "bench-browser.ts" },
];

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
);
let failed = 0;
for (const bench of benches) {
  console.log(`## ${bench.name}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts", bench.file)], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (run.status !== 0) {
    failed++;
    console.log(`(${bench.file} exited with ${run.status ?? run.signal})`);
  }
  console.log("");
}
process.exit(failed ? 1 : 0);
