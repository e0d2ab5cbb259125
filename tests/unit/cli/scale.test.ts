// The command at scale: interrupted runs, many documents over workers, a very large page, and
// JSON Lines on standard input. Child processes, so kills and memory are real.
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  cliArgs,
  copySeeds,
  csvRecords,
  REPORT_MAX_RSS,
  runCli,
  seedNames,
  seedText,
  startCli,
  tempDir,
  writeVariedCorpus,
} from "./helpers.ts";

const dirs: string[] = [];
const newDir = (prefix: string) => {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const OLD_OUTPUT = "id,old\nthe previous run's data\n";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the run has opened its temporary output file, i.e. is part way through. */
async function waitForTempFile(dir: string, child: ReturnType<typeof startCli>): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 20) {
    if (child.exitCode !== null)
      throw new Error(`the run ended (status ${child.exitCode}) before it could be interrupted`);
    if (readdirSync(dir).some((f) => f.endsWith(".tmp"))) return;
    await sleep(20);
  }
  throw new Error("no temporary output file after 30 s");
}

const exited = (child: ReturnType<typeof startCli>) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );

describe("interrupted runs", () => {
  // Large enough that a run takes seconds, so it is surely killed part way.
  const input = newDir("corpus");
  writeVariedCorpus(input, 600);

  it("SIGKILL part way leaves the old file byte for byte", async () => {
    const outDir = newDir("out");
    const out = join(outDir, "indicators.csv");
    writeFileSync(out, OLD_OUTPUT);
    const child = startCli(["--in", input, "--out", out, "--jobs", "1"]);
    const exit = exited(child);
    await waitForTempFile(outDir, child);
    await sleep(300); // let it write rows into the temporary file
    child.kill("SIGKILL");
    expect(await exit).toEqual({ code: null, signal: "SIGKILL" });
    expect(readFileSync(out, "utf8")).toBe(OLD_OUTPUT);

    // The killed run's temporary file is left; the next run clears it and says so.
    const [leftover] = readdirSync(outDir).filter((f) => f.endsWith(".tmp"));
    expect(leftover).toBeDefined();
    const small = newDir("small");
    writeVariedCorpus(small, 2);
    const next = runCli(["--in", small, "--out", out, "--jobs", "1"]);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain(`${leftover}: removed: left by an interrupted run`);
    expect(readdirSync(outDir)).toEqual(["indicators.csv"]);
  }, 60_000);

  it("SIGTERM part way leaves the old file and removes the temporary one", async () => {
    const outDir = newDir("out");
    const out = join(outDir, "indicators.csv");
    writeFileSync(out, OLD_OUTPUT);
    const child = startCli(["--in", input, "--out", out, "--jobs", "2"]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = exited(child);
    await waitForTempFile(outDir, child);
    await sleep(300);
    child.kill("SIGTERM");
    expect(await exit).toEqual({ code: 143, signal: null });
    expect(stderr).toMatch(/interrupted by SIGTERM; output left as it was/);
    expect(readFileSync(out, "utf8")).toBe(OLD_OUTPUT);
    expect(readdirSync(outDir)).toEqual(["indicators.csv"]);
  }, 60_000);
});

describe("many documents", () => {
  it("gives the same bytes with --jobs 1 and --jobs 3, and draws no progress bar off a terminal", () => {
    const input = newDir("corpus");
    writeVariedCorpus(input, 45);
    writeFileSync(join(input, "empty.txt"), "");
    const one = join(newDir("out"), "one.csv");
    const three = join(newDir("out"), "three.csv");
    const runOne = runCli(["--in", input, "--out", one, "--jobs", "1"]);
    const runThree = runCli(["--in", input, "--out", three, "--jobs", "3"]);
    expect(runOne.status, runOne.stderr).toBe(0);
    expect(runThree.status, runThree.stderr).toBe(0);
    expect(csvRecords(readFileSync(one, "utf8")).length).toBeGreaterThan(45);
    expect(readFileSync(three).equals(readFileSync(one))).toBe(true);
    expect(runThree.stderr).toMatch(/45 documents read/);
    expect(runThree.stderr).not.toMatch(/\r|ETA/);
  }, 120_000);
});

describe("a very large page", () => {
  it("reads a 40 MB page with memory bounded by a few times its size", () => {
    const input = newDir("big");
    const page = seedNames().map(seedText).join("\n");
    const copies = Math.ceil((40 * 2 ** 20) / Buffer.byteLength(page));
    writeFileSync(join(input, "page.txt"), Array.from({ length: copies }, () => page).join("\n"));
    const out = join(newDir("out"), "big.csv");
    const run = runCli(["--in", input, "--out", out, "--jobs", "1"], {
      preloads: [REPORT_MAX_RSS],
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/1 document read, [1-9]\d* facts written/);
    const maxRss = Number(/maxrss (\d+)/.exec(run.stderr)?.[1]);
    // 40 MB of UTF-8 is about 14 M UTF-16 code units (28 MB); allow the extractor its working copies.
    expect(maxRss).toBeLessThan(1.5 * 2 ** 30);
  }, 120_000);
});

describe("a page without a sentence end", () => {
  it("is extracted in one go: every figure of one endless sentence, offsets on their text", () => {
    const input = newDir("endless");
    const clauses = Array.from(
      { length: 5000 },
      (_, i) => `江门市固定资产投资${i + 1}亿元，增长${i % 50}.${i % 10}%，`,
    );
    const text = clauses.join("");
    writeFileSync(join(input, "endless.txt"), text);
    writeFileSync(join(input, "sources.csv"), "file,published\nendless.txt,2024-03\n");
    const out = join(newDir("out"), "endless.csv");
    const run = runCli(["--in", input, "--out", out, "--jobs", "1"]);
    expect(run.status, run.stderr).toBe(0);
    const rows = csvRecords(readFileSync(out, "utf8"));
    expect(rows.length).toBeGreaterThanOrEqual(5000);
    for (const row of rows) expect(text.slice(Number(row.start), Number(row.end))).toBe(row.text);
  }, 60_000);
});

describe("JSON Lines on standard input", () => {
  const [name] = seedNames() as [string];
  const id = name.replace(/\.txt$/, "");
  const published = /^[^,]+,([^,]*),/m.exec(
    readFileSync(join(import.meta.dirname, "../../../data/raw/sources.csv"), "utf8")
      .split("\n")
      .find((l) => l.startsWith(name))!,
  )![1]!;

  it("writes CSV with a header to standard output: the same rows as the folder run", () => {
    const input = newDir("in");
    copySeeds(input);
    const out = join(newDir("out"), "folder.csv");
    expect(runCli(["--in", input, "--out", out, "--jobs", "1"]).status).toBe(0);
    const folderRows = readFileSync(out, "utf8")
      .split("\n")
      .filter((l) => l.startsWith(`${id}-`));
    expect(folderRows.length).toBeGreaterThan(0);

    const lines = [
      JSON.stringify({ id, text: seedText(name), published }),
      "{not json",
      JSON.stringify({ id: "no-text" }),
      "",
      JSON.stringify({
        id: "second",
        text: "江门市2023年地区生产总值4022.25亿元，同比增长4.5%。",
        published: "2024-02",
      }),
    ];
    const run = runCli(["--in", "-", "--jobs", "2"], { input: lines.join("\n") + "\n" });
    expect(run.status, run.stderr).toBe(0);
    const [header, ...rows] = run.stdout.split("\n").filter(Boolean);
    expect(header).toBe(
      "id,indicator,region,period,value,unit,qualifier,kind,subject,source,published,text,quote,start,end,review",
    );
    expect(rows.filter((l) => l.startsWith(`${id}-`))).toEqual(folderRows);
    expect(rows.some((l) => l.includes(",second,"))).toBe(true);
    expect(run.stderr).toMatch(/stdin line 2: malformed line: not JSON/);
    expect(run.stderr).toMatch(/stdin line 3: malformed line: "text" must be a string/);
    expect(run.stderr).not.toMatch(/stdin line 4/);
  }, 60_000);

  it("answers empty input with a header and status 0, and only malformed lines with status 1", () => {
    const empty = runCli(["--in", "-"], { input: "" });
    expect(empty.status).toBe(0);
    expect(empty.stdout).toBe(
      "id,indicator,region,period,value,unit,qualifier,kind,subject,source,published,text,quote,start,end,review\n",
    );
    const bad = runCli(["--in", "-"], { input: "[]\n42\n" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/stdin line 1: malformed line: not a JSON object/);
  });

  it("--no-header: map tasks over splits of the input concatenate into the one-process CSV", () => {
    const docs = [
      {
        id: "a",
        text: "江门市2023年地区生产总值4022.25亿元，同比增长4.5%。",
        published: "2024-02",
      },
      { id: "b", text: "今年一季度，新会区固定资产投资增长12.3%。", published: "2024-04" },
      { id: "c", text: "鹤山市今年签约项目15个，总投资120亿元。", published: "2023-11" },
    ].map((d) => JSON.stringify(d) + "\n");
    const whole = runCli(["--in", "-"], { input: docs.join("") });
    expect(whole.status, whole.stderr).toBe(0);
    const header = runCli(["--in", "-"], { input: "" }).stdout;
    const parts = [docs.slice(0, 2), docs.slice(2)].map((split) => {
      const run = runCli(["--in", "-", "--no-header"], { input: split.join("") });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.startsWith("id,")).toBe(false);
      return run.stdout;
    });
    expect(parts.every((p) => p.length > 0)).toBe(true);
    expect(header + parts.join("")).toBe(whole.stdout);
  }, 60_000);

  it("refuses --no-header for a folder run, which writes a whole CSV", () => {
    const run = runCli(["--no-header"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--no-header applies to --in - only/);
  });

  it.each([[[]], [["--jobs", "2"]]])(
    "streams 50 documents into standard output redirected to a file with no listener warning (%j)",
    (jobs: string[]) => {
      // Standard output on a file is a SyncWriteStream; a listener left per write warned after ten.
      const count = 50;
      const input = Array.from(
        { length: count },
        (_, i) =>
          JSON.stringify({
            id: `doc${i}`,
            text: `2023年，江门市实现地区生产总值${1000 + i}亿元，同比增长${(i % 9) + 1}%。`,
            published: "2024-01-02",
          }) + "\n",
      ).join("");
      const out = join(newDir("redirect"), "stdout.csv");
      const fd = openSync(out, "w");
      const run = spawnSync(process.execPath, cliArgs(["--in", "-", ...jobs]), {
        input,
        stdio: ["pipe", fd, "pipe"],
        encoding: "utf8",
      });
      closeSync(fd);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/MaxListenersExceededWarning|memory leak/);
      const sources = new Set(csvRecords(readFileSync(out, "utf8")).map((r) => r.source));
      expect(sources.size).toBe(count);
    },
    60_000,
  );

  it("writes to a file atomically when --out is given", () => {
    const out = join(newDir("out"), "stream.csv");
    const run = runCli(["--in", "-", "--out", out], {
      input:
        JSON.stringify({
          id: "a",
          text: "江门市2023年地区生产总值4022.25亿元。",
          published: "2024-02",
        }) + "\n",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(existsSync(out)).toBe(true);
    expect(csvRecords(readFileSync(out, "utf8")).map((r) => r.source)).toContain("a");
  });
});
