// A reload of the dashboard does not download an unchanged CSV again: the worker revalidates it
// with the server's ETag and the server answers 304 (no body on the wire).
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, test } from "vitest";
import type { Page, Request } from "playwright-core";
import { FIXTURES, chartReady, fixtureUrl, useWatchedPage } from "./helpers.ts";

const baseUrl = inject("baseUrl");
let page: Page;
useWatchedPage((w) => {
  page = w.page;
});

describe("reload", () => {
  test("an unchanged CSV is revalidated (If-None-Match), comes without a body, and is charted", async () => {
    const csvRequests: Request[] = [];
    page.on("requestfinished", (request) => {
      if (new URL(request.url()).pathname === "/fixtures/indicators.csv") csvRequests.push(request);
    });
    await page.goto(fixtureUrl(baseUrl, "indicators.csv", "indicator=project_investment"));
    await chartReady(page);
    await page.reload();
    await chartReady(page);
    expect(csvRequests).toHaveLength(2);
    const [first, second] = await Promise.all(
      csvRequests.map(async (r) => ({
        headers: await r.allHeaders(),
        status: (await r.response())?.status(),
        sizes: await r.sizes(),
      })),
    );
    expect([first!.status, second!.status]).toEqual([200, 200]);
    expect(second!.headers["if-none-match"]).toMatch(/^W\/"/);
    // Chromium reports the revalidated answer with the cached status; the wire says 304: no body.
    const size = statSync(join(FIXTURES, "indicators.csv")).size;
    expect(first!.sizes.responseBodySize).toBe(size);
    expect(second!.sizes.responseBodySize).toBe(0);
  });
});
