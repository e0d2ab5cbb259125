// The extract command end to end, in a child process, on hostile folders and tables.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  copySeeds,
  csvRecords,
  REGIONS,
  ROOT,
  runCli,
  runCliAsync,
  seedNames,
  seedText,
  tempDir,
} from "./helpers.ts";
import { encodeGbk } from "../../gbk.ts";

const OLD_OUTPUT = "id,old\nthis must survive\n";
const dirs: string[] = [];
const newDir = (prefix: string) => {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder with an old output file, to check that a failed run leaves it alone. */
function withOldOutput(): { dir: string; out: string } {
  const dir = newDir("out");
  const out = join(dir, "indicators.csv");
  writeFileSync(out, OLD_OUTPUT);
  return { dir, out };
}

describe("arguments", () => {
  it("prints help", () => {
    const run = runCli(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--in DIR/);
    expect(run.stdout).toMatch(/--jobs N/);
    expect(run.stdout).toMatch(/-v, --verbose/);
    // The Input clause: saved web pages are documents too, their article text kept beside them.
    expect(run.stdout).toMatch(
      /--in DIR {8}folder of \.txt\/\.md documents[^\n]*\n[^-]*\.html\/\.htm/,
    );
  });

  it.each([
    [["--bogus"], /Unknown option '--bogus'/],
    [["--jobs", "0"], /--jobs must be a whole number/],
    [["--jobs", "two"], /--jobs must be a whole number/],
    [["--in"], /argument missing/],
    [["stray"], /positional argument/],
  ])("refuses %j with status 2", (args, message) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("refuses a missing input folder, leaving the output as it was", () => {
    const { dir, out } = withOldOutput();
    const run = runCli(["--in", join(dir, "nowhere"), "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot read the input folder .*nowhere: ENOENT/);
    expect(readFileSync(out, "utf8")).toBe(OLD_OUTPUT);
  });

  it("refuses an output folder that does not exist", () => {
    const input = newDir("in");
    copySeeds(input);
    const run = runCli(["--in", input, "--out", join(input, "no", "such", "out.csv")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot write .*out\.csv: ENOENT/);
  });
});

describe("configuration tables", () => {
  it("refuses a region table with a bad row, naming file, line and field", () => {
    const input = newDir("in");
    copySeeds(input);
    const { dir, out } = withOldOutput();
    const regions = join(dir, "regions.csv");
    const lines = readFileSync(REGIONS, "utf8").split("\n");
    lines[2] = lines[2]!.replace(/^[a-z_]+,/, "Bad Key,");
    writeFileSync(regions, lines.join("\n"));
    const run = runCli(["--in", input, "--out", out, "--regions", regions]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${regions}:3: key: "Bad Key" is not a key`);
    expect(readFileSync(out, "utf8")).toBe(OLD_OUTPUT);
  });

  it("refuses a region table with wrong columns, and one that is missing", () => {
    const input = newDir("in");
    copySeeds(input);
    const { dir, out } = withOldOutput();
    const regions = join(dir, "regions.csv");
    writeFileSync(regions, "key,name\njiangmen,江门市\n");
    const wrong = runCli(["--in", input, "--out", out, "--regions", regions]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(
      new RegExp(`${regions}:1: missing columns aliases, adcode, parent, members`),
    );
    const missing = runCli(["--in", input, "--out", out, "--regions", join(dir, "none.csv")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the region table .*none\.csv: ENOENT/);
    expect(readFileSync(out, "utf8")).toBe(OLD_OUTPUT);
  });

  it("refuses sources.csv with a bad date, naming file, line and field", () => {
    const input = newDir("in");
    copySeeds(input);
    const sources = join(input, "sources.csv");
    const lines = readFileSync(sources, "utf8").split("\n");
    lines[3] = lines[3]!.replace(/,\d{4}-\d{2},/, ",2022-02-30,");
    writeFileSync(sources, lines.join("\n"));
    const { out } = withOldOutput();
    const run = runCli(["--in", input, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${sources}:4: published: "2022-02-30" is not a date`);
    expect(readFileSync(out, "utf8")).toBe(OLD_OUTPUT);
  });

  it("refuses sources.csv with wrong columns", () => {
    const input = newDir("in");
    copySeeds(input);
    writeFileSync(join(input, "sources.csv"), "name,date\n000.txt,2022-04\n");
    const { out } = withOldOutput();
    const run = runCli(["--in", input, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/sources\.csv:1: missing columns file, published/);
    expect(readFileSync(out, "utf8")).toBe(OLD_OUTPUT);
  });
});

describe("hostile documents", () => {
  const input = newDir("hostile");
  const out = join(newDir("out"), "indicators.csv");
  const [first, second] = seedNames() as [string, string];
  const firstId = first.replace(/\.txt$/, "");
  let run: ReturnType<typeof runCli>;
  let rows: Record<string, string>[];

  // GBK bytes come from tests/gbk.ts (the decoder's own table read backwards; no iconv needed).

  beforeAll(() => {
    copySeeds(input);
    const text = seedText(first);
    writeFileSync(join(input, "bom.txt"), "\uFEFF" + text);
    writeFileSync(join(input, "crlf.txt"), text.replace(/\n/g, "\r\n"));
    writeFileSync(join(input, "gbk.txt"), encodeGbk(text));
    writeFileSync(join(input, "empty.txt"), "");
    writeFileSync(join(input, "blank.md"), "\r\n  \n");
    writeFileSync(
      join(input, "binary.txt"),
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48),
    );
    mkdirSync(join(input, "folder.txt"));
    writeFileSync(join(input, "ignored.csv"), "not,a,document\n");
    writeFileSync(
      join(input, `${second.replace(/\.txt$/, "")}.md`),
      "a second file with the same id",
    );
    run = runCli(["--in", input, "--out", out, "--jobs", "2"]);
    rows = csvRecords(readFileSync(out, "utf8"));
    // One whole run of the command with two worker threads: about a second alone, over ten on
    // two cores shared with the rest of the suite and other work (as the other runs here allow).
  }, 60_000);

  const factsOf = (source: string) => rows.filter((r) => r.source === source);
  const essentials = (r: Record<string, string>) =>
    `${r.indicator} ${r.region} ${r.period} ${r.value} ${r.text}`;

  it("goes through with status 0 and reports every skipped file with its reason", () => {
    expect(run.status, run.stderr).toBe(0);
    const skipped = run.stderr.slice(run.stderr.indexOf("skipped"));
    expect(skipped).toMatch(/empty\.txt: empty file/);
    expect(skipped).toMatch(/blank\.md: empty document/);
    expect(skipped).toMatch(/binary\.txt: binary file \(contains NUL bytes\)/);
    expect(skipped).toMatch(/folder\.txt: not a regular file/);
    expect(skipped).toMatch(
      new RegExp(`${second}: same document id as .*\\.md|\\.md: same document id as ${second}`),
    );
    // A file of an unknown type is named, not passed over in silence (issue 19).
    expect(skipped).toMatch(/ignored\.csv: unknown file type \(\.csv\)/);
    expect(run.stderr).toMatch(/gbk\.txt: decoded as GB18030/);
  });

  it("reports documents read, facts written and guessed dates", () => {
    // The seeds (one of them as the .md that wins the id clash: "x.md" < "x.txt"), bom, crlf, gbk.
    const read = seedNames().length + 3;
    expect(run.stderr).toMatch(
      new RegExp(`extract: ${read} documents read, ${rows.length} facts written to`),
    );
    // bom, crlf and gbk are not in sources.csv: their dates are inferred and listed.
    const guessed = run.stderr.slice(
      run.stderr.indexOf("publication date guessed"),
      run.stderr.indexOf("skipped"),
    );
    for (const name of ["bom.txt", "crlf.txt", "gbk.txt"])
      expect(guessed).toMatch(new RegExp(`${name}  (\\d{4}-\\d{2}|\\(no date found\\))`));
  });

  it("writes rows sorted by source, then start", () => {
    const keys = rows.map((r) => [r.source!, Number(r.start)] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(keys).toEqual(sorted);
  });

  it("gives offsets that exclude the BOM: the same facts as the file without one", () => {
    expect(factsOf("bom").length).toBeGreaterThan(0);
    // bom.txt's date is inferred while the seed's comes from sources.csv, so periods may differ.
    const located = (r: Record<string, string>) =>
      `${r.indicator} ${r.value} ${r.text} ${r.start} ${r.end} ${r.quote}`;
    expect(factsOf("bom").map(located)).toEqual(factsOf(firstId).map(located));
    const text = seedText(first);
    for (const r of factsOf("bom")) expect(text.slice(Number(r.start), Number(r.end))).toBe(r.text);
  });

  it("keeps CRLF: offsets point into the text as it is on disk", () => {
    const text = seedText(first).replace(/\n/g, "\r\n");
    expect(factsOf("crlf").length).toBe(factsOf("bom").length);
    for (const r of factsOf("crlf")) {
      expect(text.slice(Number(r.start), Number(r.end))).toBe(r.text);
      expect(text).toContain(r.quote);
    }
    expect(factsOf("crlf").map(essentials)).toEqual(factsOf("bom").map(essentials));
  });

  it("reads GBK: the same facts as the UTF-8 file, offsets into the decoded text", () => {
    expect(factsOf("gbk").length).toBeGreaterThan(0);
    const located = (r: Record<string, string>) =>
      `${essentials(r)} ${r.start} ${r.end} ${r.quote}`;
    expect(factsOf("gbk").map(located)).toEqual(factsOf("bom").map(located));
    const decoded = new TextDecoder("gb18030").decode(readFileSync(join(input, "gbk.txt")));
    for (const r of factsOf("gbk"))
      expect(decoded.slice(Number(r.start), Number(r.end))).toBe(r.text);
  });

  it("gives the same bytes on a second run, and with --jobs 1", async () => {
    const again = join(newDir("out"), "again.csv");
    const sequential = join(newDir("out"), "sequential.csv");
    // The two runs are independent: side by side, not one waiting for the other.
    const runs = await Promise.all([
      runCliAsync(["--in", input, "--out", again, "--jobs", "2"]),
      runCliAsync(["--in", input, "--out", sequential, "--jobs", "1"]),
    ]);
    expect(runs.map((r) => r.status)).toEqual([0, 0]);
    const bytes = readFileSync(out);
    expect(readFileSync(again).equals(bytes)).toBe(true);
    expect(readFileSync(sequential).equals(bytes)).toBe(true);
  });

  it("leaves no temporary file behind", () => {
    expect(readdirSync(join(out, ".."))).toEqual(["indicators.csv"]);
  });
});

describe("nothing to read", () => {
  it("exits 1 and leaves the output alone when every document is unreadable", () => {
    const input = newDir("in");
    writeFileSync(join(input, "empty.txt"), "");
    writeFileSync(join(input, "nul.md"), "\0\0\0");
    const { out } = withOldOutput();
    const run = runCli(["--in", input, "--out", out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/0 documents read.*nothing could be read/);
    expect(run.stderr).toMatch(/empty\.txt: empty file/);
    expect(readFileSync(out, "utf8")).toBe(OLD_OUTPUT);
  });

  it("exits 1 on a folder without documents", () => {
    const input = newDir("in");
    const { out } = withOldOutput();
    const run = runCli(["--in", input, "--out", out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no \.txt, \.md or \.html document/);
    expect(readFileSync(out, "utf8")).toBe(OLD_OUTPUT);
  });
});

describe("the built command", () => {
  it("runs on a bare node away from node_modules, workers included, with the same bytes as one job", () => {
    // A copy of extract/dist in a temporary folder can reach no tsx nor any other package: it
    // runs only if the command and its worker are self-contained JavaScript.
    const bin = newDir("bin");
    for (const file of ["cli.js", "worker.js"])
      copyFileSync(join(ROOT, "extract", "dist", file), join(bin, file));
    const input = newDir("built");
    copySeeds(input);
    const outs = ["1", "2"].map((jobs) => {
      const out = join(newDir("out"), `jobs${jobs}.csv`);
      const run = spawnSync(
        process.execPath,
        [join(bin, "cli.js"), "--in", input, "--out", out, "--jobs", jobs, "--regions", REGIONS],
        { cwd: bin, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(new RegExp(`with ${jobs} jobs?\\n`));
      return readFileSync(out);
    });
    expect(outs[1]!.equals(outs[0]!)).toBe(true);
    expect(outs[0]!.length).toBeGreaterThan(1000);
  }, 60_000);
});
