// Keeping and removing articles through the write API, as the dashboard does under npm start:
// what lands in data/ is what `npm run extract` on the same folder gives, byte for byte.
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serveDashboard } from "../../../scripts/serve.ts";
import { writeRoutes } from "../../../scripts/write/routes.ts";
import { encodeGbk } from "../../gbk.ts";
import { REVIEW_COLUMNS } from "../../../extract/lib/index.ts";
import { csvRecords, ROOT, runCliAsync } from "../cli/helpers.ts";
import { folderBytes } from "../../folder.ts";

const TOKEN = "ab".repeat(32);
const PAGES = join(ROOT, "tests", "fixtures", "pages");
const PASTED =
  "鹤山市经济稳步增长\n\n2024年上半年，鹤山市实现地区生产总值238.6亿元，同比增长5.2%。全市规模以上工业增加值增长7.3%。\n";

const root = mkdtempSync(join(tmpdir(), "jm-articles-"));
const dataDir = join(root, "data");
let url = "";
let stop = () => undefined as unknown;

async function post(
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const origin = new URL(url).origin;
  const response = await fetch(new URL(path, url), {
    method: "POST",
    headers: { Origin: origin, "X-Write-Token": TOKEN, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/**
 * What `npm run extract` writes for the folder as it now is, with its decisions applied. Run
 * without blocking: the server under test lives in this process (see runCliAsync).
 */
async function fullRun(): Promise<string> {
  const out = join(root, "full.csv");
  const reviews = join(dataDir, "reviews.csv");
  const run = await runCliAsync([
    "--in",
    join(dataDir, "raw"),
    "--out",
    out,
    "--regions",
    join(dataDir, "regions.csv"),
    "--jobs",
    "1",
    ...(existsSync(reviews) ? ["--reviews", reviews] : []),
  ]);
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(out, "utf8");
}

// Each test runs the whole extract command as a child process once to three times (a node start
// and every article of data/raw, about 0.5 s each on an idle machine, over 2 s each on two cores
// shared with other work) to compare the server's bytes with a full run's: that is the time
// this file's tests need, not a wait.
vi.setConfig({ testTimeout: 30_000 });

const read = (rel: string) => readFileSync(join(dataDir, rel), "utf8");

beforeAll(async () => {
  mkdirSync(join(root, "dist"), { recursive: true });
  writeFileSync(join(root, "dist", "index.html"), "<!doctype html><html><head></head></html>");
  cpSync(join(ROOT, "data", "raw"), join(dataDir, "raw"), { recursive: true });
  cpSync(join(ROOT, "data", "regions.csv"), join(dataDir, "regions.csv"));
  writeFileSync(join(dataDir, "indicators.csv"), await fullRun());
  const started = await serveDashboard({
    distDir: join(root, "dist"),
    dataDir,
    writes: { token: TOKEN, routes: writeRoutes(dataDir) },
  });
  url = started.url;
  stop = () => started.server.close();
}, 30_000);
afterAll(() => {
  stop();
  rmSync(root, { recursive: true, force: true });
});

describe("saving an article", () => {
  it("keeps pasted text under a name the server chooses, with its row, its facts merged as a full run would", async () => {
    const answer = await post("/api/articles", {
      text: PASTED,
      title: "鹤山上半年",
      publisher: "测试",
      url: "https://example.com/a",
    });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    const id = `article-${createHash("sha256").update(PASTED).digest("hex").slice(0, 12)}`;
    expect(answer.json.article).toMatchObject({ id, file: `${id}.txt`, title: "鹤山上半年" });
    expect(read(`raw/${id}.txt`)).toBe(PASTED);
    expect(read("raw/sources.csv")).toMatch(
      new RegExp(`\\n${id}\\.txt,,鹤山上半年,测试,https://example.com/a\\n$`),
    );
    const facts = read("indicators.csv");
    expect(facts).toBe(await fullRun());
    expect(csvRecords(facts).filter((r) => r.source === id).length).toBeGreaterThanOrEqual(2);
  });

  it("keeps a GBK page's bytes and its article text, dated from its metadata, no facts from around the article", async () => {
    const bytes = encodeGbk(readFileSync(join(PAGES, "jiangmen-gbk.html"), "utf8"));
    // The client's name says only the type: a path in it goes nowhere.
    const answer = await post("/api/articles", {
      file: { name: "../../../evil.html", base64: bytes.toString("base64") },
    });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    const article = answer.json.article as {
      id: string;
      file: string;
      title: string;
      published: string;
    };
    expect(article).toMatchObject({
      title: "江门前三季度经济运行稳中向好",
      published: "2024-10-28",
    });
    expect(article.file).toMatch(/^article-[0-9a-f]{12}\.html$/);
    expect(readFileSync(join(dataDir, "raw", article.file)).equals(bytes)).toBe(true);
    expect(read(`raw/article-text/${article.id}.txt`)).toBe(
      readFileSync(join(PAGES, "jiangmen-gbk.txt"), "utf8"),
    );
    expect(existsSync(join(root, "evil.html"))).toBe(false);
    const rows = csvRecords(read("indicators.csv")).filter((r) => r.source === article.id);
    expect(rows.map((r) => r.text)).toEqual([
      "2956.3亿元",
      "4.6%",
      "6.2%",
      "8.1%",
      "5.4%",
      "1288.6亿元",
      "9.3%",
    ]);
    expect(read("indicators.csv")).toBe(await fullRun());
  });

  it("keeps an article saved twice at once only once, and several at once all", async () => {
    const text = "开平市2024年一季度固定资产投资同比增长6.6%。\n";
    const answers = await Promise.all([1, 2, 3, 4].map(() => post("/api/articles", { text })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.filter((a) => a.json.already === true)).toHaveLength(3);
    const others = [
      "台山市2023年地区生产总值增长4.4%。\n",
      "恩平市2023年外贸进出口总额120亿元。\n",
      "新会区2023年规上工业增加值增长8%。\n",
    ];
    const many = await Promise.all(
      others.map((t) => post("/api/articles", { text: t, published: "2024-02" })),
    );
    expect(many.every((a) => a.status === 200)).toBe(true);
    const sources = read("raw/sources.csv");
    for (const a of [answers[0]!, ...many]) {
      const file = (a.json.article as { file: string }).file;
      expect(sources.split(`\n${file},`).length - 1, file).toBe(1);
    }
    expect(read("indicators.csv")).toBe(await fullRun());
  });

  it("refuses what it cannot read, changing nothing", async () => {
    const before = folderBytes(dataDir);
    const cases: [unknown, RegExp][] = [
      [{ text: "" }, /empty/],
      [{ file: { name: "a.pdf", base64: "JVBERi0=" } }, /not a \.txt, \.md, \.html or \.htm file/],
      [
        { file: { name: "a.txt", base64: Buffer.from([0, 1, 2, 3, 0]).toString("base64") } },
        /binary/,
      ],
      [
        {
          file: {
            name: "a.html",
            base64: Buffer.concat([
              Buffer.from('<meta charset="big5"><p>'),
              Buffer.from([0xa4, 0xa4]),
            ]).toString("base64"),
          },
        },
        /"big5", which is not read/,
      ],
      [{ text: "x", published: "2024-13-01" }, /not a date/],
      [{ text: "x", url: "javascript:alert(1)" }, /url must start with http/],
      [{ text: "x", file: { name: "a.txt", base64: "" } }, /either text or file/],
      [[], /expected a JSON object/],
    ];
    for (const [body, error] of cases) {
      const answer = await post("/api/articles", body);
      expect([answer.status, answer.json.ok], JSON.stringify(body)).toEqual([400, false]);
      expect(answer.json.error).toMatch(error);
    }
    expect(folderBytes(dataDir)).toEqual(before);
  });
});

describe("removing an article", () => {
  it("moves its file, kept text and row into the trash and takes its facts out", async () => {
    const bytes = Buffer.from(readFileSync(join(PAGES, "heshan-utf8.html")));
    const saved = await post("/api/articles", {
      file: { name: "p.htm", base64: bytes.toString("base64") },
      title: "鹤山项目",
    });
    const { id, file } = saved.json.article as { id: string; file: string };
    const row = read("raw/sources.csv")
      .split("\n")
      .find((line) => line.startsWith(`${file},`))!;
    const answer = await post("/api/articles/delete", { id });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    const trash = join(root, answer.json.trash as string);
    expect(readFileSync(join(trash, file)).equals(bytes)).toBe(true);
    expect(existsSync(join(trash, `${id}.article-text.txt`))).toBe(true);
    expect(readFileSync(join(trash, "sources.csv"), "utf8")).toBe(
      `file,published,title,publisher,url\n${row}\n`,
    );
    expect(existsSync(join(dataDir, "raw", file))).toBe(false);
    expect(read("raw/sources.csv")).not.toContain(file);
    expect(read("indicators.csv")).not.toContain(id);
    expect(read("indicators.csv")).toBe(await fullRun());
  });

  it("finds the article by id among the folder's files only", async () => {
    const before = folderBytes(dataDir);
    const kept = csvRecords(read("indicators.csv"))[0]!.source!;
    for (const id of [
      "../regions",
      "raw/../../x",
      "sources",
      "sources.csv",
      "article-text",
      "",
      "nope",
      `${kept}.txt`,
      `${kept}\u0000`,
      `..\\${kept}`,
      `/${kept}`,
      join(dataDir, "raw", kept),
      "CON",
      "NUL.txt",
      // Look-alikes of a real id: fullwidth digits, a Cyrillic а, a zero-width space.
      kept.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
      kept.replace(/a/g, "\u0430"),
      `${kept}\u200b`,
      kept.toUpperCase(),
    ]) {
      expect(id, "not the real id").not.toBe(kept);
      const answer = await post("/api/articles/delete", { id });
      expect([answer.status, answer.json.ok], JSON.stringify(id)).toEqual([id ? 404 : 400, false]);
    }
    for (const body of [{ id: 1 }, { id: [kept] }, { id: { toString: kept } }, null, []]) {
      const answer = await post("/api/articles/delete", body);
      expect([answer.status, answer.json.error], JSON.stringify(body)).toEqual([
        400,
        "expected { id } naming the article",
      ]);
    }
    // A name too long for any file is refused by the route's body limit, said as such.
    const long = await post("/api/articles/delete", { id: "a".repeat(5000) });
    expect([long.status, long.json.error]).toEqual([
      413,
      expect.stringMatching(/limit is 4096 bytes/),
    ]);
    expect(folderBytes(dataDir)).toEqual(before);
  });
});

describe("what a crash or a retry leaves", () => {
  it("completes a save that a crash cut off after the file was written: a retry adds its row and facts, not 'already'", async () => {
    // Written for this test. The state a server killed between writing the article and its
    // sources.csv row leaves: the file under its name, no row, no facts.
    const text = "江海区2023年规模以上工业增加值增长7.7%，外贸进出口总额300亿元。\n";
    const id = `article-${createHash("sha256").update(text).digest("hex").slice(0, 12)}`;
    writeFileSync(join(dataDir, "raw", `${id}.txt`), text);
    expect(read("raw/sources.csv")).not.toContain(id);
    const answer = await post("/api/articles", { text, title: "江海工业", publisher: "测试" });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    expect(answer.json.already).not.toBe(true);
    expect(read("raw/sources.csv")).toMatch(new RegExp(`\\n${id}\\.txt,,江海工业,测试,\\n`));
    expect(csvRecords(read("indicators.csv")).filter((r) => r.source === id).length).toBe(2);
    expect(read("indicators.csv")).toBe(await fullRun());
    // Saved again once complete: nothing changes.
    const before = folderBytes(dataDir);
    const again = await post("/api/articles", { text, title: "另一个标题" });
    expect([again.status, again.json.already]).toEqual([200, true]);
    expect(folderBytes(dataDir)).toEqual(before);
  });

  it("never overwrites what is in the trash: the same article deleted twice at one clock reading is kept twice", async () => {
    const text = "台山市2024年上半年地区生产总值增长4.2%。\n";
    // Both deletes at one clock reading (a fast machine, or the clock set back).
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-07T10:00:00.000Z") });
    try {
      const trashes: string[] = [];
      for (const title of ["第一次的标题", "第二次的标题"]) {
        const saved = await post("/api/articles", { text, title });
        expect(saved.status, JSON.stringify(saved.json)).toBe(200);
        const { id } = saved.json.article as { id: string };
        const removed = await post("/api/articles/delete", { id });
        expect(removed.status, JSON.stringify(removed.json)).toBe(200);
        trashes.push(removed.json.trash as string);
      }
      expect(new Set(trashes).size).toBe(2);
      expect(trashes.map((t) => readFileSync(join(root, t, "sources.csv"), "utf8"))).toEqual([
        expect.stringContaining("第一次的标题"),
        expect.stringContaining("第二次的标题"),
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("never writes or moves through a symbolic link in data/raw that points outside", async () => {
    const outside = join(root, "outside.txt");
    // Written for this test.
    const text = "恩平市2024年上半年规上工业增加值增长5.5%。\n";
    const id = `article-${createHash("sha256").update(text).digest("hex").slice(0, 12)}`;
    // A link named as the save would name the file, pointing at a file that does not exist yet.
    symlinkSync(outside, join(dataDir, "raw", `${id}.txt`));
    const before = folderBytes(dataDir);
    const saved = await post("/api/articles", { text });
    expect(saved.status).toBe(400);
    expect(saved.json.error).toMatch(new RegExp(`${id}\\.txt cannot be read`));
    expect(existsSync(outside)).toBe(false);
    expect(folderBytes(dataDir)).toEqual(before);

    // Deleting it moves the link into the trash; what it points at is not touched.
    writeFileSync(outside, "not the server's");
    const removed = await post("/api/articles/delete", { id });
    expect(removed.status, JSON.stringify(removed.json)).toBe(200);
    const trashed = join(root, removed.json.trash as string, `${id}.txt`);
    expect(lstatSync(trashed).isSymbolicLink()).toBe(true);
    expect(readFileSync(outside, "utf8")).toBe("not the server's");
    expect(read("indicators.csv")).toBe(await fullRun());
  });

  it("refuses to delete while sources.csv has a row whose quote a hand edit broke: its rows after it stay", async () => {
    // Written for this test.
    const text = "鹤山市2024年一季度外贸进出口总额50亿元。\n";
    const saved = await post("/api/articles", { text, title: "鹤山外贸" });
    expect(saved.status).toBe(200);
    const { id, file } = saved.json.article as { id: string; file: string };
    const table = read("raw/sources.csv");
    // Its title's closing quote lost, with rows of other articles after it.
    const broken = table.replace(`\n${file},,鹤山外贸,`, `\n${file},,"鹤山外贸,`);
    const moved = broken.split("\n");
    const at = moved.findIndex((line) => line.startsWith(`${file},`));
    moved.splice(at, 1);
    moved.splice(1, 0, broken.split("\n")[at]!);
    writeFileSync(join(dataDir, "raw", "sources.csv"), moved.join("\n"));
    const before = folderBytes(dataDir);
    const answer = await post("/api/articles/delete", { id });
    expect(answer.status).toBe(409);
    expect(answer.json.error).toMatch(/sources\.csv.*fix it first/);
    expect(folderBytes(dataDir)).toEqual(before);
    writeFileSync(join(dataDir, "raw", "sources.csv"), table);
    expect((await post("/api/articles/delete", { id })).status).toBe(200);
  });

  it("refuses to save or delete while indicators.csv has a row whose quotes are broken: no row is cut with it", async () => {
    // Written for this test.
    const text = "新会区2024年一季度规上工业增加值增长6.1%。\n";
    const saved = await post("/api/articles", { text });
    expect(saved.status).toBe(200);
    const { id } = saved.json.article as { id: string };
    const good = read("indicators.csv");
    // The first row's quote loses its closing mark (a hand edit); the saved article's rows are
    // after it.
    const lines = good.split("\n");
    lines[1] = lines[1]!.replace(/",(\d+),(\d+),/, ",$1,$2,");
    expect(lines[1]).not.toBe(good.split("\n")[1]);
    writeFileSync(join(dataDir, "indicators.csv"), lines.join("\n"));
    const before = folderBytes(dataDir);
    for (const [path, body] of [
      ["/api/articles/delete", { id }],
      ["/api/articles", { text: "开平市2024年一季度外贸进出口增长9.9%。\n" }],
    ] as const) {
      const answer = await post(path, body);
      expect([answer.status, answer.json.error], path).toEqual([
        409,
        expect.stringMatching(
          /data\/indicators\.csv line 2: .*quote.*npm run extract.*nothing was changed/,
        ),
      ]);
    }
    expect(folderBytes(dataDir)).toEqual(before);
    writeFileSync(join(dataDir, "indicators.csv"), good);
    expect((await post("/api/articles/delete", { id })).status).toBe(200);
    expect(read("indicators.csv")).toBe(await fullRun());
  });

  it("keeps one file per article: the same bytes pasted and then dropped as .md are the one article", async () => {
    const text = "蓬江区2024年一季度固定资产投资增长3.3%。\n";
    const pasted = await post("/api/articles", { text });
    expect(pasted.status).toBe(200);
    const before = folderBytes(dataDir);
    const dropped = await post("/api/articles", {
      file: { name: "same.md", base64: Buffer.from(text).toString("base64") },
    });
    expect(dropped.status, JSON.stringify(dropped.json)).toBe(200);
    expect(dropped.json.already).toBe(true);
    expect((dropped.json.article as { file: string }).file).toBe(
      (pasted.json.article as { file: string }).file,
    );
    expect(folderBytes(dataDir)).toEqual(before);
  });
});

describe("saving an article that was reviewed, deleted and saved again", () => {
  // Written for this test, not taken from any article.
  const TEXT = "蓬江区2023年地区生产总值1012.5亿元，固定资产投资增长9.4%。\n";
  /** The decision a person makes in the dashboard about one of the file's rows. */
  const decision = (row: Record<string, string>, action: string, second: number) => {
    const review: Record<string, string> = {};
    for (const column of REVIEW_COLUMNS) review[column] = row[column] ?? "";
    return {
      review: {
        ...review,
        reviewed_at: `2026-12-07T10:00:0${second}+08:00`,
        action,
        fact_id: row.id,
        note: "",
      },
    };
  };
  const rowsOf = (id: string) => csvRecords(read("indicators.csv")).filter((r) => r.source === id);

  it("merges its facts with those decisions applied, as npm run extract would", async () => {
    const saved = await post("/api/articles", { text: TEXT, published: "2024-01-20" });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    const { id } = saved.json.article as { id: string };
    const [gdp, rate] = rowsOf(id);
    expect([gdp?.text, rate?.text]).toEqual(["1012.5亿元", "9.4%"]);
    for (const [row, action, second] of [
      [rate!, "reject", 1],
      [gdp!, "confirm", 2],
    ] as const) {
      const answer = await post("/api/reviews", decision(row, action, second));
      expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    }
    expect((await post("/api/articles/delete", { id })).status).toBe(200);
    expect(rowsOf(id)).toEqual([]);

    const again = await post("/api/articles", { text: TEXT, published: "2024-01-20" });
    expect(again.status, JSON.stringify(again.json)).toBe(200);
    expect(rowsOf(id).map((r) => [r.text, r.review])).toEqual([["1012.5亿元", "confirmed"]]);
    expect(read("indicators.csv")).toBe(await fullRun());
  });
});
