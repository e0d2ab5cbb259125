// Every view the registry lists (src/views/registry.ts) opens from its address on the shipped
// data and shows its body: a tab for each view that has one, in the registry's order; its panel
// titled; a drawn chart for the views that draw one; no error, no loading left.
import { describe, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import { VIEW_RECORDS } from "../../src/views/registry.ts";
import { chartReady, useWatchedPage, type WatchedPage } from "./helpers.ts";

const baseUrl = inject("baseUrl");
let watched: WatchedPage;
let page: Page;
useWatchedPage((w) => {
  watched = w;
  page = w.page;
});

/** A view's address; a district's page is about 江海区. */
const address = (id: string) =>
  `${baseUrl}?indicator=gdp&view=${id}${id === "district" ? "&district=jianghai" : ""}`;

describe("every registered view renders", () => {
  test("the tabs are the registry's views with a tab, in its order", async () => {
    await page.goto(baseUrl);
    await chartReady(page);
    const ids = await page
      .getByRole("tab")
      .evaluateAll((tabs) => tabs.map((t) => t.id.replace(/^tab-/, "")));
    expect(ids).toEqual(VIEW_RECORDS.filter((v) => v.tab).map((v) => v.id));
  });

  for (const record of VIEW_RECORDS)
    test(`${record.id}: its panel, titled, with its body`, async () => {
      const errors = watched.pageErrors.length;
      await page.goto(address(record.id));
      const panel = page.locator(`#panel-${record.id}[role="tabpanel"]`);
      await panel.waitFor({ timeout: 20_000 });
      if (record.chart) {
        await chartReady(page);
        const label = await panel.getByTestId("chart").getAttribute("aria-label");
        expect(label?.length).toBeGreaterThan(0);
      }
      // The body is in: something besides the title and loading messages, and no loading left.
      await panel
        .locator(':scope > :not(h2):not([role="status"]):not([hidden])')
        .first()
        .waitFor({ timeout: 20_000 });
      await page.waitForFunction(
        (id) => !document.querySelector(`#panel-${id} [role="status"]:not(.hint)`),
        record.id,
        { timeout: 20_000 },
      );
      expect((await panel.locator("h2.panel-title").textContent())?.trim()).not.toBe("");
      expect(await panel.locator('[role="alert"]').count()).toBe(0);
      if (record.tab)
        expect(await page.locator(`#tab-${record.id}`).getAttribute("aria-selected")).toBe("true");
      if (record.downloads) await panel.getByRole("button", { name: /CSV/ }).waitFor();
      expect(watched.pageErrors.slice(errors)).toEqual([]);
    });
});
