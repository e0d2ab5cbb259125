// POST /api/reviews under the write guard: a decision is checked as `npm run extract` reads it,
// must find its number in the document, and is appended; decisions sent at once are all kept.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decisionAbout,
  parseReviews,
  REVIEW_COLUMNS,
  reviewRecord,
  type Fact,
} from "../../../extract/lib/index.ts";
import { serveDashboard } from "../../../scripts/serve.ts";
import { writeRoutes } from "../../../scripts/write/routes.ts";

const ROOT = join(import.meta.dirname, "../../..");
// Written for this test, not taken from any article.
const TEXT = "台山市去年地区生产总值503.23亿元，增长5.1%。";
const FACT: Fact = {
  id: "t1-11-gdp",
  indicator: "gdp",
  region: "taishan",
  period: "2023",
  value: 50323000000,
  unit: "CNY",
  qualifier: "exact",
  kind: "actual",
  subject: "",
  source: "t1",
  published: "2024-03",
  text: "503.23亿元",
  quote: TEXT,
  start: TEXT.indexOf("503.23亿元"),
  end: TEXT.indexOf("503.23亿元") + "503.23亿元".length,
};

describe("POST /api/reviews", () => {
  const root = mkdtempSync(join(tmpdir(), "jm-reviews-route-"));
  const dataDir = join(root, "data");
  const token = "be".repeat(32);
  let url = "";
  let close = () => undefined as void;
  beforeAll(async () => {
    mkdirSync(join(dataDir, "raw"), { recursive: true });
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist", "index.html"), "<html><head></head></html>");
    writeFileSync(join(dataDir, "raw", "t1.txt"), TEXT);
    copyFileSync(join(ROOT, "data", "regions.csv"), join(dataDir, "regions.csv"));
    const started = await serveDashboard({
      distDir: join(root, "dist"),
      dataDir,
      writes: { token, routes: writeRoutes(dataDir) },
    });
    url = started.url;
    close = () => void started.server.close();
  });
  afterAll(() => {
    close();
    rmSync(root, { recursive: true, force: true });
  });

  const post = async (body: unknown, extra: Record<string, string> = {}) => {
    const host = new URL(url).host;
    const response = await fetch(new URL("/api/reviews", url), {
      method: "POST",
      headers: {
        Origin: `http://${host}`,
        "X-Write-Token": token,
        "Content-Type": "application/json",
        ...extra,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const file = () => join(dataDir, "reviews.csv");
  const at = (i: number) => `2026-12-07T10:00:${String(i).padStart(2, "0")}+08:00`;

  it("keeps every decision of two tabs sending at once, one row each, header once", async () => {
    const decisions = Array.from({ length: 24 }, (_, i) =>
      decisionAbout(FACT, i % 2 ? "confirm" : "correct", at(i), { ...FACT, value: 1000 + i }),
    );
    const answers = await Promise.all(decisions.map((d) => post({ review: reviewRecord(d) })));
    expect(answers.map((a) => a.status)).toEqual(decisions.map(() => 200));
    const text = readFileSync(file(), "utf8");
    expect(text.split("\n")[0]).toBe(REVIEW_COLUMNS.join(","));
    const { reviews, problems } = parseReviews(text, new Set(["taishan", "jiangmen"]));
    expect(problems).toEqual([]);
    expect(reviews.map((r) => r.value).sort()).toEqual(decisions.map((d) => d.value).sort());
  });

  it("refuses a decision a run would refuse, naming the field, and leaves the file alone", async () => {
    const before = readFileSync(file(), "utf8");
    const bad = [
      [{ ...reviewRecord(decisionAbout(FACT, "correct", at(1))), region: "guangzhou" }, /^region:/],
      [{ ...reviewRecord(decisionAbout(FACT, "correct", at(1))), period: "2023-13" }, /^period:/],
      [{ ...reviewRecord(decisionAbout(FACT, "correct", at(1))), value: "5亿" }, /^value:/],
      [{ ...reviewRecord(decisionAbout(FACT, "confirm", at(1))), text: "503.24亿元" }, /^text:/],
      [{ ...reviewRecord(decisionAbout(FACT, "confirm", at(1))), source: "gone" }, /^source:/],
    ] as const;
    for (const [review, error] of bad) {
      const answer = await post({ review });
      expect(answer.status).toBe(422);
      expect(answer.json.error).toMatch(error);
    }
    expect((await post({ nothing: 1 })).status).toBe(400);
    // The guard stands before the route: no token, no write.
    const refused = await post(
      { review: reviewRecord(decisionAbout(FACT, "reject", at(2))) },
      {
        "X-Write-Token": "",
      },
    );
    expect(refused.status).toBe(403);
    expect(readFileSync(file(), "utf8")).toBe(before);
  });
});
