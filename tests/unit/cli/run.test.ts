// runFolder in process with a fake terminal: when the progress bar shows, and what the report says.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GUESSED_LISTED } from "../../../extract/node/report.ts";
import type { OutputSink } from "../../../extract/node/output.ts";
import {
  defaultJobs,
  runFolder,
  runStream,
  type RunEnvironment,
} from "../../../extract/node/run.ts";
import { csvRecords, REGIONS, seedNames, seedText, tempDir, writeVariedCorpus } from "./helpers.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function fakeEnvironment(isTTY: boolean) {
  const written: string[] = [];
  let clock = 0;
  const env: RunEnvironment = {
    stderr: { isTTY, write: (text: string) => written.push(text) },
    // Each reading of the clock is 150 ms later, so every document redraws the bar.
    now: () => (clock += 150),
    onInterrupt: () => () => undefined,
  };
  return { env, written };
}

async function runOn(documents: number, isTTY: boolean) {
  const input = tempDir("in");
  const outDir = tempDir("out");
  dirs.push(input, outDir);
  writeVariedCorpus(input, documents);
  const out = join(outDir, "indicators.csv");
  const { env, written } = fakeEnvironment(isTTY);
  const status = await runFolder(
    { inDir: input, outFile: out, regionsFile: REGIONS, jobs: 1 },
    env,
  );
  return { status, written, out };
}

describe("progress bar", () => {
  it("is drawn on a terminal for 20 documents or more, then cleared before the report", async () => {
    const { status, written } = await runOn(20, true);
    expect(status).toBe(0);
    const bars = written.filter((w) => w.startsWith("\r["));
    expect(bars.length).toBe(20);
    expect(bars.at(-1)).toMatch(/20\/20 100% {2}ETA 0:00/);
    expect(written.at(-2)).toBe("\r\x1b[K");
    expect(written.at(-1)).toMatch(/^extract: 20 documents read/);
  }, 60_000);

  it("is not drawn for fewer documents, nor off a terminal", async () => {
    for (const [documents, isTTY] of [
      [19, true],
      [25, false],
    ] as const) {
      const { written } = await runOn(documents, isTTY);
      expect(written.join("")).not.toMatch(/\r|ETA/);
    }
  }, 60_000);
});

describe("report", () => {
  it("lists skipped files and guessed dates, and the output has what it counts", async () => {
    const input = tempDir("in");
    const outDir = tempDir("out");
    dirs.push(input, outDir);
    writeVariedCorpus(input, 3);
    writeFileSync(
      join(input, "sources.csv"),
      "file,published\ndoc_00000.txt,2022-04\nmissing.txt,2022-05\n",
    );
    writeFileSync(join(input, "zero.txt"), "");
    const out = join(outDir, "indicators.csv");
    const { env, written } = fakeEnvironment(false);
    expect(
      await runFolder({ inDir: input, outFile: out, regionsFile: REGIONS, jobs: 1 }, env),
    ).toBe(0);
    const report = written.join("");
    const rows = csvRecords(readFileSync(out, "utf8")).length;
    expect(report).toMatch(
      new RegExp(`^extract: 3 documents read, ${rows} facts written to ${out}`),
    );
    expect(report).toMatch(
      /publication date guessed for 2 documents:\n {2}doc_00001\.txt {2}\S+\n {2}doc_00002\.txt {2}\S+\n/,
    );
    expect(report).toMatch(/skipped 1 document:\n {2}zero\.txt: empty file\n/);
    expect(report).toMatch(/sources\.csv line 3: no document missing\.txt in the folder/);
  }, 60_000);
});

describe("guessed dates", () => {
  it("are counted with the first few listed, and all listed with --verbose", async () => {
    const input = tempDir("in");
    const outDir = tempDir("out");
    dirs.push(input, outDir);
    writeVariedCorpus(input, GUESSED_LISTED + 3); // no sources.csv: every date is guessed
    const report = async (verbose: boolean) => {
      const { env, written } = fakeEnvironment(false);
      const out = join(outDir, `${verbose}.csv`);
      const options = { inDir: input, outFile: out, regionsFile: REGIONS, jobs: 1, verbose };
      expect(await runFolder(options, env)).toBe(0);
      return written.join("");
    };
    const listed = (text: string) => text.match(/^ {2}doc_\d+\.txt {2}\S+$/gm) ?? [];

    const short = await report(false);
    expect(short).toMatch(
      `publication date guessed for ${GUESSED_LISTED + 3} documents (the first ${GUESSED_LISTED}; --verbose lists all):\n`,
    );
    expect(listed(short)).toHaveLength(GUESSED_LISTED);
    expect(listed(short)[0]).toMatch(/^ {2}doc_00000\.txt/);

    const long = await report(true);
    expect(long).toMatch(`publication date guessed for ${GUESSED_LISTED + 3} documents:\n`);
    expect(listed(long)).toHaveLength(GUESSED_LISTED + 3);
  }, 60_000);
});

describe("threads", () => {
  it("uses one thread for a small corpus when --jobs is the default, as many as asked otherwise", async () => {
    const input = tempDir("in");
    const outDir = tempDir("out");
    dirs.push(input, outDir);
    writeVariedCorpus(input, 6);
    const run = async (jobsAreDefault: boolean) => {
      const { env, written } = fakeEnvironment(false);
      const out = join(outDir, `${jobsAreDefault}.csv`);
      const options = { inDir: input, outFile: out, regionsFile: REGIONS, jobs: 3, jobsAreDefault };
      expect(await runFolder(options, env)).toBe(0);
      return { report: written.join(""), bytes: readFileSync(out) };
    };
    const byDefault = await run(true);
    const asked = await run(false);
    expect(byDefault.report).toMatch(/with 1 job\n/);
    expect(asked.report).toMatch(/with 3 jobs\n/);
    expect(asked.bytes.equals(byDefault.bytes)).toBe(true);
  }, 60_000);
});

describe("threads for standard input", () => {
  /** JSON Lines of `count` varied seed pages, and the CSV and report of a run over them. */
  const lines = (count: number) => {
    const seeds = seedNames().map(seedText);
    return Array.from({ length: count }, (_, i) => {
      const text = seeds[i % seeds.length]!.replace(/\d+/g, (d) => String(Number(d) + i));
      return JSON.stringify({ id: `d${i}`, text, published: "2024-03" }) + "\n";
    });
  };
  const run = async (input: string[], jobs: number, jobsAreDefault: boolean) => {
    const { env, written } = fakeEnvironment(false);
    let csv = "";
    const sink: OutputSink = {
      write: async (chunk) => void (csv += chunk),
      commit: async () => undefined,
      discard: async () => undefined,
      discardSync: () => undefined,
    };
    const status = await runStream(
      {
        input: (async function* () {
          yield* input;
        })(),
        output: { sink, name: "out" },
        regionsFile: REGIONS,
        jobs,
        jobsAreDefault,
      },
      env,
    );
    expect(status).toBe(0);
    return { csv, report: written.join("") };
  };

  it("starts no thread for a small input when --jobs is the default", async () => {
    const small = lines(3);
    const byDefault = await run(small, 2, true);
    expect(byDefault.report).toMatch(/with 1 job\n/);
    expect(byDefault.csv).toBe((await run(small, 1, false)).csv);
  }, 60_000);

  it("starts the threads once the input is worth them, with the same bytes as one job", async () => {
    // Over 4 MiB of UTF-8: some 250 pages of about 6,000 characters.
    const large = lines(400);
    const byDefault = await run(large, 2, true);
    expect(byDefault.report).toMatch(/400 documents read.* with 2 jobs\n/);
    expect(byDefault.csv).toBe((await run(large, 1, false)).csv);
  }, 120_000);
});

describe("the default number of jobs", () => {
  it("is one per free core: all on an idle machine, one when the cores are busy", () => {
    expect(defaultJobs(2, 0)).toBe(2);
    expect(defaultJobs(2, 0.4)).toBe(2);
    expect(defaultJobs(2, 1.2)).toBe(1);
    expect(defaultJobs(2, 5.7)).toBe(1);
    expect(defaultJobs(8, 3)).toBe(5);
    expect(defaultJobs(1, 0)).toBe(1);
  });
});
