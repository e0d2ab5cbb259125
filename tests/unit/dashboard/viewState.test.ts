import { describe, expect, test } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_VIEW,
  parseViewState,
  serializeViewState,
  shownRegions,
} from "../../../src/state/viewState.ts";
import { resolveCsvParam } from "../../../src/data/csvLocation.ts";
import { VIEW_IDS } from "../../../src/views/registry.ts";

describe("view state ⇄ URL", () => {
  test("no parameters give the defaults", () => {
    expect(parseViewState("")).toEqual(DEFAULT_VIEW);
    expect(serializeViewState(DEFAULT_VIEW)).toBe("");
  });

  test("a full view survives the round trip", () => {
    const state = {
      ...DEFAULT_VIEW,
      indicator: "gdp" as const,
      regions: ["xinhui", "taishan"],
      from: 2020,
      to: 2023,
      period: "2022-Q1",
      chart: "bar" as const,
      view: "compare" as const,
      lang: "en" as const,
      freq: "quarter" as const,
      subjects: true,
      search: "中创 新航&x=1",
      sort: { column: "value" as const, descending: true },
      disputed: true,
    };
    expect(parseViewState(serializeViewState(state))).toEqual(state);
    expect(serializeViewState(state)).toContain("regions=xinhui,taishan");
  });

  test("table search, sort, frequency and the subject toggle are in the URL", () => {
    const query = serializeViewState({
      ...DEFAULT_VIEW,
      search: "台山",
      sort: { column: "value", descending: true },
      freq: "ytd",
      subjects: false,
    });
    expect(new URLSearchParams(query).get("q")).toBe("台山");
    expect(new URLSearchParams(query).get("sort")).toBe("-value");
    expect(new URLSearchParams(query).get("freq")).toBe("ytd");
    expect(new URLSearchParams(query).get("subjects")).toBe("0");
    expect(parseViewState("?sort=evil&freq=hourly&subjects=2")).toEqual(DEFAULT_VIEW);
  });

  test("no regions is a choice of its own, distinct from all", () => {
    const none = { ...DEFAULT_VIEW, regions: [] };
    expect(parseViewState(serializeViewState(none)).regions).toEqual([]);
  });

  test("the map view is a view of its own in the URL", () => {
    expect(parseViewState("?view=map", VIEW_IDS).view).toBe("map");
    expect(serializeViewState({ ...DEFAULT_VIEW, view: "map" })).toBe("?view=map");
  });

  test("garbage falls back to defaults field by field", () => {
    const state = parseViewState(
      "?indicator=<script>&regions=%3Cimg%3E,,NOPE&from=abcd&to=99999&chart=pie&view=globe&lang=fr&period=<b>",
      VIEW_IDS,
    );
    expect(state).toEqual(DEFAULT_VIEW);
    // Without the registered ids, a malformed view id falls back too.
    expect(parseViewState("?view=<b>").view).toBe(DEFAULT_VIEW.view);
  });

  test("a reversed year range is put in order", () => {
    expect(parseViewState("?from=2023&to=2020")).toMatchObject({ from: 2020, to: 2023 });
  });

  test("other parameters such as csv are kept", () => {
    expect(serializeViewState({ ...DEFAULT_VIEW, lang: "en" }, "?csv=/x.csv&lang=zh")).toBe(
      "?csv=%2Fx.csv&lang=en",
    );
  });

  test("parsing never throws on any query string", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const state = parseViewState(s);
        expect(parseViewState(serializeViewState(state))).toEqual(state);
      }),
    );
  });

  test("shown regions keep the table's order and drop unknown keys", () => {
    const keys = ["jiangmen", "pengjiang", "xinhui"];
    expect(
      shownRegions({ ...DEFAULT_VIEW, regions: ["xinhui", "mars", "jiangmen"] }, keys),
    ).toEqual(["jiangmen", "xinhui"]);
    expect(shownRegions(DEFAULT_VIEW, keys)).toEqual(keys);
  });
});

describe("?csv=", () => {
  const origin = "http://127.0.0.1:5173";
  test.each([
    [null, "/data/indicators.csv"],
    ["/data/big/indicators.csv", "/data/big/indicators.csv"],
    ["/fixtures/a.csv?x=1", "/fixtures/a.csv?x=1"],
  ])("%j loads %j", (given, url) =>
    expect(resolveCsvParam(given, origin)).toEqual({ ok: true, url }),
  );

  test.each([
    "http://evil.example/a.csv",
    "//evil.example/a.csv",
    "javascript:alert(1)",
    "data:text/csv,a",
    "a.csv",
    "/\\evil.example",
  ])("%j is refused", (given) => expect(resolveCsvParam(given, origin).ok).toBe(false));
});
