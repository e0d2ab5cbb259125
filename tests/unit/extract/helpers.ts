// Shared fixtures for the extractor's unit tests: the shipped region table, a made-up table for
// another city (so that no rule can lean on Jiangmen's names), and a one-line runner.
import { readFileSync } from "node:fs";
import {
  extractDocument,
  parseRegionTable,
  type Fact,
  type Region,
} from "../../../extract/lib/index.ts";

export const jiangmenRegions: Region[] = parseRegionTable(
  readFileSync(new URL("../../../data/regions.csv", import.meta.url), "utf8"),
).regions;

/** A Foshan-like table: another city, other districts, an aggregate. */
export const otherCityRegions: Region[] = parseRegionTable(
  [
    "key,name,aliases,adcode,parent,members",
    "foshan,佛山市,佛山|佛山市,440600,,",
    "chancheng,禅城区,禅城|禅城区|祖庙街道,440604,foshan,",
    "nanhai,南海区,南海|南海区|桂城街道|桂城|狮山镇|狮山,440605,foshan,",
    "shunde,顺德区,顺德|顺德区|北滘镇|北滘|大良街道,440606,foshan,",
    "foshan_core,佛山中心城区,中心城区,,foshan,chancheng|nanhai",
  ].join("\n"),
).regions;

export function extract(text: string, published = "2024-03", regions = jiangmenRegions): Fact[] {
  return extractDocument({ id: "t", text, published }, { regions }).facts;
}

/** The facts as compact rows: indicator region period value qualifier kind. */
export function rows(text: string, published = "2024-03", regions = jiangmenRegions): string[] {
  return extract(text, published, regions).map(
    (f) => `${f.indicator} ${f.region} ${f.period} ${f.value} ${f.qualifier} ${f.kind}`,
  );
}
