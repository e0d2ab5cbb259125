// A decision about a number of a large saved web page must not hold the server: finding the
// page's article text (Readability over a 5 MB page: seconds) runs off the server's thread, so
// requests sent while the decision is checked are answered first. Proved by order, not by time:
// twenty requests, each sent once the one before was answered, all answered before the decision
// is appended to data/reviews.csv.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { decisionAbout, reviewRecord, type Fact } from "../../../extract/lib/index.ts";
import { answeredWhile, serveWithWrites, shippedArticles } from "./offThread.ts";

const TOKEN = "ef".repeat(32);
const root = mkdtempSync(join(tmpdir(), "jm-review-thread-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("answers other requests while a decision about a 5 MB page is checked, and keeps the decision", async () => {
  // A long page of the shipped articles' paragraphs; its article text is found by Readability.
  const seeds = shippedArticles();
  const lead = "2024年，江门市地区生产总值4100亿元。";
  let body = `<p>${lead}</p>`;
  for (let i = 0; body.length < 2_000_000; i++)
    body += seeds[i % seeds.length]!.split("\n")
      .filter(Boolean)
      .map((line) => `<p>${line}</p>`)
      .join("\n");
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>江门经济</title></head><body><article><h1>江门经济</h1>${body}</article></body></html>`;
  const {
    started,
    dataDir,
    post: postTo,
  } = await serveWithWrites(root, TOKEN, (dataDir) =>
    writeFileSync(join(dataDir, "raw", "page.html"), html),
  );
  try {
    const post = (fact: Fact) =>
      postTo("/api/reviews", {
        review: reviewRecord(decisionAbout(fact, "confirm", "2026-12-08T10:00:00+08:00")),
      });
    // The article text as the page gives it: its title, a blank line, then the lead.
    const articleStart = "江门经济\n\n".length;
    const number = "4100亿元";
    const start = articleStart + lead.indexOf(number);
    const fact: Fact = {
      id: `page-${start}-gdp`,
      indicator: "gdp",
      region: "jiangmen",
      period: "2024",
      value: 410000000000,
      unit: "CNY",
      qualifier: "exact",
      kind: "actual",
      subject: "",
      source: "page",
      published: "2025-01",
      text: number,
      quote: lead,
      start,
      end: start + number.length,
    };
    // A first decision loads whatever loads on first use; it also checks the offsets above.
    const first = await post(fact);
    expect(first.status, await first.text()).toBe(200);
    const reviewsFile = join(dataDir, "reviews.csv");
    const lines = () => readFileSync(reviewsFile, "utf8").trimEnd().split("\n").length;
    const before = lines();
    const decision = post(fact).then(async (response) => ({
      status: response.status,
      text: await response.text(),
    }));
    const answered = await answeredWhile(
      started.url,
      20,
      () => existsSync(reviewsFile) && lines() === before,
    );
    const done = await decision;
    expect(done.status, done.text).toBe(200);
    expect(answered).toEqual(Array(20).fill(true));
    expect(lines()).toBe(before + 1);
  } finally {
    started.server.close();
  }
}, 90_000);
