// Shared by the command-line tests: run the real CLI in a child process, build corpora.
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Papa from "papaparse";

export const ROOT = resolve(import.meta.dirname, "../../..");
/** The built command, what `npm run extract` runs (tests/unit/global-setup.ts builds it). */
export const CLI = join(ROOT, "extract", "dist", "cli.js");
export const SEED_DIR = join(ROOT, "data", "raw");
export const REGIONS = join(ROOT, "data", "regions.csv");

/** Prints the child's peak RSS (bytes) on stderr at exit, without touching the CLI. */
export const REPORT_MAX_RSS =
  "data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS*1024+'\\n'))";

export function cliArgs(args: string[], preloads: string[] = []): string[] {
  return [...preloads.flatMap((p) => ["--import", p]), CLI, ...args];
}

/** Runs the CLI to the end; stderr and stdout as text. Never a TTY: stdio are pipes. */
export function runCli(
  args: string[],
  options: { input?: string; preloads?: string[] } = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, cliArgs(args, options.preloads), {
    cwd: ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 256 * 2 ** 20,
  });
}

/**
 * Runs the CLI to the end without blocking this process: for tests that serve in-process while
 * the command runs. `runCli` (spawnSync) freezes the event loop for the whole run, the server's
 * included; a run longer than the server's keep-alive timeout (5 s, on a loaded machine) then
 * leaves the server's idle timer and the client's next request on the pooled connection racing
 * when the loop wakes, and the server closing that connection under the request reads as
 * ECONNRESET in the test.
 */
export function runCliAsync(
  args: string[],
  options: { preloads?: string[] } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs(args, options.preloads), {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (status) =>
      resolve({
        status,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
  });
}

export function startCli(args: string[]) {
  return spawn(process.execPath, cliArgs(args), { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

export const seedNames = () =>
  readdirSync(SEED_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort();
export const seedText = (name: string) => readFileSync(join(SEED_DIR, name), "utf8");

/** Copies the seed articles and their sources.csv into `dir`. */
export function copySeeds(dir: string): void {
  for (const name of [...seedNames(), "sources.csv"])
    copyFileSync(join(SEED_DIR, name), join(dir, name));
}

/**
 * Writes `count` documents made of the seed pages with their figures varied (every digit run
 * shifted by the copy number), so copies are different documents with different facts.
 */
export function writeVariedCorpus(dir: string, count: number): void {
  const seeds = seedNames().map(seedText);
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length]!;
    const varied = seed.replace(/\d+/g, (digits) =>
      String(Number(digits) + Math.floor(i / seeds.length)),
    );
    writeFileSync(join(dir, `doc_${String(i).padStart(5, "0")}.txt`), varied);
  }
}

/** Parses CLI CSV output into records (header row as keys). */
export function csvRecords(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/**
 * Parses CSV text as RFC 4180 writes it, and throws on anything else: a quote inside an unquoted
 * cell, text after a closing quote, a quoted cell never closed, a record with another number of
 * cells than the header, a last record without its line end. Returns the header and the rows.
 * Papa.parse reads on past such faults; a reader of the contract file may not.
 */
export function strictCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let at = 0;
  while (at < text.length) {
    const cells: string[] = [];
    for (;;) {
      let cell = "";
      if (text[at] === '"') {
        at++;
        for (;;) {
          if (at >= text.length)
            throw new Error(`a quoted cell is never closed (record ${records.length + 1})`);
          if (text[at] === '"') {
            if (text[at + 1] === '"') {
              cell += '"';
              at += 2;
              continue;
            }
            at++;
            break;
          }
          cell += text[at++];
        }
        if (at < text.length && !",\r\n".includes(text[at]!))
          throw new Error(`text after a closing quote at ${at} (record ${records.length + 1})`);
      } else {
        while (at < text.length && !",\r\n".includes(text[at]!)) {
          if (text[at] === '"') throw new Error(`a quote in an unquoted cell at ${at}`);
          cell += text[at++];
        }
      }
      cells.push(cell);
      if (text[at] === ",") {
        at++;
        continue;
      }
      break;
    }
    if (text[at] === "\r" && text[at + 1] === "\n") at += 2;
    else if (text[at] === "\n") at++;
    else throw new Error(`record ${records.length + 1} does not end with a line end`);
    records.push(cells);
  }
  const [header = [], ...rows] = records;
  rows.forEach((row, k) => {
    if (row.length !== header.length)
      throw new Error(`record ${k + 2} has ${row.length} cells, the header ${header.length}`);
  });
  return { header, rows };
}
