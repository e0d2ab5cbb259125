// 保存文章 of a large article must not hold the server: its reading and extraction (seconds for a
// few MB) run off the server's thread, so a request that comes while the save is in flight is
// answered before the save is. Proved by the order of completion, not by a time: the GET is sent
// once the article's file is in data/raw (the save has begun its work) and must finish first.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { answeredWhile, serveWithWrites, shippedArticles } from "./offThread.ts";
import { ROOT } from "../cli/helpers.ts";

const TOKEN = "cd".repeat(32);
const root = mkdtempSync(join(tmpdir(), "jm-save-thread-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("answers another request while a 7 MB article is being saved, and still saves it whole", async () => {
  const {
    started,
    dataDir,
    post: postTo,
  } = await serveWithWrites(root, TOKEN, (dataDir) => {
    cpSync(join(ROOT, "data", "raw"), join(dataDir, "raw"), { recursive: true });
    cpSync(join(ROOT, "data", "indicators.csv"), join(dataDir, "indicators.csv"));
  });
  // A long page made of the shipped articles, one after another, numbers varied.
  const seeds = shippedArticles();
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 7_000_000; i++) {
    const part = seeds[i % seeds.length]!.replace(/\d+/g, (d) => String(Number(d) + i)) + "\n\n";
    parts.push(part);
    bytes += Buffer.byteLength(part);
  }
  const text = parts.join("");
  const id = `article-${createHash("sha256").update(text).digest("hex").slice(0, 12)}`;
  const post = (body: unknown) => postTo("/api/articles", body);
  try {
    // A small save first, so that whatever loads on first use (the page reader, a worker) has
    // loaded: the large save then goes from writing its file straight to its extraction.
    expect((await post({ text: "2024年，江门市地区生产总值4100亿元。\n" })).status).toBe(200);
    const order: string[] = [];
    const save = post({ text }).then(async (response) => {
      order.push("save");
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    });
    // The file is written before the article is read and extracted: from then on, the save is
    // in flight.
    while (!existsSync(join(dataDir, "raw", `${id}.txt`)) && !order.length) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Twenty requests one after another, each sent once the one before was answered, each
    // answered before the save wrote its row into data/raw/sources.csv (its first write after the
    // extraction). A save holding the server's thread lets none through before that write: the
    // first is answered only once the extraction is over (measured before the change: 0-1 of
    // them before the row, about 7 before the save's answer).
    const sourcesFile = join(dataDir, "raw", "sources.csv");
    const answered = await answeredWhile(
      started.url,
      20,
      () => !readFileSync(sourcesFile, "utf8").includes(id),
    );
    order.push("gets");
    const saved = await save;
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(answered).toEqual(Array(20).fill(true));
    expect(order).toEqual(["gets", "save"]);
    expect(readFileSync(join(dataDir, "indicators.csv"), "utf8")).toContain(`,${id},`);
    expect(readFileSync(join(dataDir, "raw", "sources.csv"), "utf8")).toContain(`${id}.txt`);
  } finally {
    started.server.close();
  }
}, 60_000);
