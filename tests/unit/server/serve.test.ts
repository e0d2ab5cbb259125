import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../../scripts/csp.ts";
import { resolveDataPath } from "../../../scripts/data-files.ts";
import { serveDashboard } from "../../../scripts/serve.ts";

describe("resolveDataPath", () => {
  const dataDir = "/srv/app/data";
  it("maps /data/ paths into the data folder", () => {
    expect(resolveDataPath("/data/indicators.csv", dataDir)).toBe("/srv/app/data/indicators.csv");
    expect(resolveDataPath("/data/raw/a%20b.txt", dataDir)).toBe("/srv/app/data/raw/a b.txt");
  });
  it("refuses paths that leave the data folder or are not under /data/", () => {
    expect(resolveDataPath("/data/../package.json", dataDir)).toBeNull();
    expect(resolveDataPath("/data/%2e%2e/%2e%2e/etc/passwd", dataDir)).toBeNull();
    expect(resolveDataPath("/data/%E0%A4%A", dataDir)).toBeNull();
    expect(resolveDataPath("/index.html", dataDir)).toBeNull();
  });
});

describe("serveDashboard", () => {
  let url = "";
  let close = async () => {};
  const root = mkdtempSync(join(tmpdir(), "jm-serve-"));
  const distDir = join(root, "dist");
  const dataDir = join(root, "data");

  beforeAll(async () => {
    mkdirSync(join(distDir, "assets"), { recursive: true });
    mkdirSync(dataDir);
    writeFileSync(join(distDir, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(distDir, "assets", "app.js"), "console.log(1)");
    writeFileSync(join(dataDir, "indicators.csv"), "id\n1\n");
    const served = await serveDashboard({ distDir, dataDir });
    url = served.url;
    close = () => new Promise((ok) => served.server.close(() => ok()));
  });
  afterAll(() => close());

  it("serves data files live, so a new CSV needs no rebuild", async () => {
    const first = await fetch(`${url}data/indicators.csv`);
    expect(first.headers.get("content-type")).toMatch(/text\/csv/);
    expect(await first.text()).toBe("id\n1\n");
    writeFileSync(join(dataDir, "indicators.csv"), "id\n2\n");
    expect(await (await fetch(`${url}data/indicators.csv`)).text()).toBe("id\n2\n");
  });

  it("sends the Content-Security-Policy with every response", async () => {
    const response = await fetch(`${url}assets/app.js`);
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get("content-type")).toMatch(/javascript/);
  });

  it("falls back to index.html for unknown paths and never serves files outside dist", async () => {
    const page = await fetch(`${url}some/route`);
    expect(await page.text()).toContain("<title>app</title>");
    const escape = await fetch(`${url}..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).toContain("<title>app</title>");
  });

  it("answers a missing data file or asset with 404, not with the app page", async () => {
    const data = await fetch(`${url}data/nope.csv`);
    expect(data.status).toBe(404);
    expect(await data.text()).toContain("/data/nope.csv");
    expect((await fetch(`${url}assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${url}some/route`)).status).toBe(200);
  });

  it("answers a malformed URL with 400 and keeps serving", async () => {
    expect((await fetch(`${url}%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${url}data/indicators.csv`)).status).toBe(200);
  });
});
