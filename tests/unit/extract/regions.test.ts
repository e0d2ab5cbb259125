import { describe, expect, it } from "vitest";
import {
  buildGazetteer,
  countRegions,
  findPlaces,
  headingRegion,
  resolveContext,
} from "../../../extract/lib/regions.ts";
import { jiangmenRegions, otherCityRegions } from "./helpers.ts";

const gaz = buildGazetteer(jiangmenRegions);
const places = (text: string, g = gaz) =>
  findPlaces(g, text).map((m) =>
    m.place.type === "region"
      ? m.place.key
      : m.place.type === "context"
        ? `ctx:${m.place.suffix}`
        : "outside",
  );

describe("gazetteer", () => {
  it("longest alias wins", () => {
    expect(places("江门高新区")).toEqual(["jianghai"]);
    expect(places("江门市新会区")).toEqual(["jiangmen", "xinhui"]);
  });
  it("towns, streets and parks name their district", () => {
    expect(places("棠下镇")).toEqual(["pengjiang"]);
    expect(places("礼乐街道")).toEqual(["jianghai"]);
    expect(places("凤山湖园区")).toEqual(["xinhui"]);
  });
  it("aggregates are regions of their own", () => {
    expect(places("东部经济总量，西部三市")).toEqual(["jiangmen_east", "jiangmen_west"]);
  });
  it("an alias inside an ordinary word is not a place", () => {
    expect(places("东西部的GDP")).toEqual([]);
    expect(places("有限公司前往")).toEqual([]);
  });
  it("OCR doublings resolve through the table's aliases", () => {
    expect(places("江江市委")).toEqual(["jiangmen"]);
  });
  it("context words and outside places", () => {
    expect(places("全区，全市第一，拱北海关，横琴")).toEqual(["ctx:区", "outside", "outside"]);
  });
  it("cities and provinces across China are outside; names that are also words only with 市", () => {
    expect(places("襄阳市，湖北省，斗门区，宁德市")).toEqual([
      "outside",
      "outside",
      "outside",
      "outside",
    ]);
    expect(places("朝阳产业，大庆典礼，新乡村建设")).toEqual([]);
    expect(places("朝阳市，大庆市")).toEqual(["outside", "outside"]);
  });
  it("a partner word marks a partner", () => {
    const [m] = findPlaces(gaz, "对香港出口");
    expect(m?.partner).toBe(true);
  });
  it("another city's table knows only its own places", () => {
    const other = buildGazetteer(otherCityRegions);
    expect(places("桂城街道，北滘镇，江门", other)).toEqual(["nanhai", "shunde", "outside"]);
    expect(places("佛山", gaz)).toEqual(["outside"]);
    // The fixed outside list yields to the table: 顺德 is outside Jiangmen but a district here.
    expect(places("顺德，南海区", other)).toEqual(["shunde", "nanhai"]);
    expect(places("顺德，南海区", gaz)).toEqual(["outside", "outside"]);
  });
});

describe("headings and context", () => {
  it("a heading names its most specific region", () => {
    expect(headingRegion(gaz, findPlaces(gaz, "#江门新会 一季度"))).toBe("xinhui");
    expect(headingRegion(gaz, findPlaces(gaz, "#江门区域协调发展"))).toBe("jiangmen");
  });
  it("全区 is the district the page is about", () => {
    const counts = countRegions(findPlaces(gaz, "江海区，江海区，恩平市，蓬江区"));
    expect(resolveContext(gaz, "区", undefined, counts)).toBe("jianghai");
    expect(resolveContext(gaz, "区", "xinhui", counts)).toBe("xinhui");
  });
  it("全市 is the city unless the section is a county-level city", () => {
    const counts = countRegions(findPlaces(gaz, "江门市，江门，鹤山市"));
    expect(resolveContext(gaz, "市", undefined, counts)).toBe("jiangmen");
    expect(resolveContext(gaz, "市", "taishan", counts)).toBe("taishan");
  });
  it("全市 on a page naming several county-level cities equally is the city, else the one named most", () => {
    const even = countRegions(findPlaces(gaz, "台山市，开平市，恩平市"));
    expect(resolveContext(gaz, "市", undefined, even)).toBe("jiangmen");
    const leaning = countRegions(findPlaces(gaz, "台山市，开平市，台山市"));
    expect(resolveContext(gaz, "市", undefined, leaning)).toBe("taishan");
  });
});
