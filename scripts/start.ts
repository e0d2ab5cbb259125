// `npm start`: extract when the CSV is missing or older than the articles, build, serve, print URL.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DATA_DIR, ROOT } from "./data-files.ts";
import { serveDashboard } from "./serve.ts";

const { values } = parseArgs({
  options: { port: { type: "string", default: process.env.PORT ?? "5173" } },
});

function newestInput(): number {
  const raw = join(DATA_DIR, "raw");
  const inputs = [join(DATA_DIR, "regions.csv"), ...readdirSync(raw).map((f) => join(raw, f))];
  return Math.max(...inputs.filter(existsSync).map((f) => statSync(f).mtimeMs));
}

const csv = join(DATA_DIR, "indicators.csv");
if (!existsSync(csv) || statSync(csv).mtimeMs < newestInput()) {
  console.log("data/indicators.csv is missing or older than the articles: extracting…");
  execFileSync(process.execPath, ["--import", "tsx", "extract/cli.ts"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}
console.log("building the dashboard…");
execFileSync(
  process.execPath,
  [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
  {
    cwd: ROOT,
    stdio: "inherit",
  },
);
const { url } = await serveDashboard({ distDir: join(ROOT, "dist"), port: Number(values.port) });
console.log(`\n  jiangmen-indicators dashboard: ${url}\n  (Ctrl+C to stop)\n`);
