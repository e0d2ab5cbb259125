// `npm run gen:big [-- --rows N --out FILE --seed S --regions FILE]`: a deterministic synthetic
// indicators CSV for the scale benchmarks (default 1,000,000 rows into data/big/indicators.csv,
// which is git-ignored and never copied into the built site).
//
// Every row keeps the contract of data/CONTRACT.md: an indicator with its unit, a region of the
// region table, a period in the grammar, a finite value, a qualifier and a kind of the
// vocabularies. The rows come from synthetic documents published day after day over twenty years
// (2006-2025): each document states facts in Chinese sentences such as
// `2023年，新会区完成固定资产投资90亿元，同比增长11.3%。`, the `text` cell is the number as written
// there (with its 约/超/不到 …), `value` is that number in the indicator's unit, `start`/`end`
// locate `text` in the document (the concatenation of its sentences), and the period agrees with
// the publication date (an actual figure covers a period that ended before publication, a target
// or an estimate one that has not ended yet). Rows are sorted by (source, start), as the
// extractor writes them.
//
// The same flags give the same bytes: the randomness is a seeded mulberry32, dates are computed
// in UTC day numbers, and the file is streamed in chunks quoted by PapaParse's unparse.
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Papa from "papaparse";
import { parseRegionTable } from "../extract/lib/regionTable.ts";
import {
  FACT_COLUMNS,
  type Indicator,
  type Kind,
  type Qualifier,
  type Region,
  type Unit,
} from "../extract/lib/types.ts";
import { DATA_DIR, ROOT } from "./data-files.ts";

export const DEFAULT_ROWS = 1_000_000;
export const DEFAULT_SEED = 20_240_601;
export const DEFAULT_OUT = join(DATA_DIR, "big", "indicators.csv");
const CHUNK_ROWS = 10_000;

/** A small, fast, well-mixed 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Rng = () => number;
const int = (rnd: Rng, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(rnd: Rng, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
function weighted<T>(rnd: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

// ---------------------------------------------------------------------------------------------
// Calendar, in UTC day numbers so that no time zone can change a byte.

const DAY_MS = 86_400_000;
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
interface Ymd {
  y: number;
  m: number;
  d: number;
}
function ymd(day: number): Ymd {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}
const pad2 = (n: number) => String(n).padStart(2, "0");
const FIRST_DAY = dayOf(2006, 1, 1);
const LAST_DAY = dayOf(2025, 12, 31);

// ---------------------------------------------------------------------------------------------
// Periods: the label of the contract's grammar, the words a sentence uses for it, and the share
// of a year it covers (to scale flow figures).

interface Period {
  label: string;
  phrase: string;
  /** Years covered, for flows: 1 for a year, 0.25 for a quarter … */
  years: number;
  /** The year whose level the figure is scaled to. */
  year: number;
}
const QUARTER_WORD = ["一", "二", "三", "四"];

/** A period that ended before the publication date: what a report of actual figures covers. */
function pastPeriod(rnd: Rng, p: Ymd): Period {
  const shape = weighted(rnd, [
    ["year", 30],
    ["quarter", 20],
    ["half", 10],
    ["month", 20],
    ["ytd", 15],
    ["years", 5],
  ] as const);
  const monthIndex = p.y * 12 + (p.m - 1); // the publication month, which has not ended
  switch (shape) {
    case "year": {
      const y = p.y - 1 - (rnd() < 0.2 ? 1 : 0);
      return { label: `${y}`, phrase: rnd() < 0.2 ? `${y}年全年` : `${y}年`, years: 1, year: y };
    }
    case "quarter": {
      const idx = p.y * 4 + Math.floor((p.m - 1) / 3) - 1 - int(rnd, 0, 2);
      const y = Math.floor(idx / 4);
      const q = (idx % 4) + 1;
      const word = `${rnd() < 0.3 ? "第" : ""}${QUARTER_WORD[q - 1]}季度`;
      return { label: `${y}-Q${q}`, phrase: `${y}年${word}`, years: 0.25, year: y };
    }
    case "half": {
      const idx = p.y * 2 + Math.floor((p.m - 1) / 6) - 1 - int(rnd, 0, 1);
      const y = Math.floor(idx / 2);
      const h = (idx % 2) + 1;
      return {
        label: `${y}-H${h}`,
        phrase: `${y}年${h === 1 ? "上" : "下"}半年`,
        years: 0.5,
        year: y,
      };
    }
    case "month": {
      const idx = monthIndex - 1 - int(rnd, 0, 2);
      const y = Math.floor(idx / 12);
      const m = (idx % 12) + 1;
      return { label: `${y}-${pad2(m)}`, phrase: `${y}年${m}月`, years: 1 / 12, year: y };
    }
    case "ytd": {
      const idx = monthIndex - 1;
      const y = Math.floor(idx / 12);
      const m = (idx % 12) + 1;
      if (m < 2)
        return { label: `${y}-${pad2(m)}`, phrase: `${y}年${m}月`, years: 1 / 12, year: y };
      const dash = pick(rnd, ["—", "-", "至"]);
      return {
        label: `${y}-01/${y}-${pad2(m)}`,
        phrase: `${y}年1${dash}${m}月`,
        years: m / 12,
        year: y,
      };
    }
    case "years": {
      const end = p.y - 1;
      const n = int(rnd, 3, 5);
      const start = end - n + 1;
      const phrase = rnd() < 0.5 ? `${start}年至${end}年` : `${start}—${end}年`;
      return { label: `${start}/${end}`, phrase, years: n, year: Math.round((start + end) / 2) };
    }
  }
}

/** A period that has not ended at publication: what a target covers. */
function targetPeriod(rnd: Rng, p: Ymd): Period {
  const shape = weighted(rnd, [
    ["this", 45],
    ["next", 30],
    ["half", 10],
    ["years", 15],
  ] as const);
  switch (shape) {
    case "this":
      return { label: `${p.y}`, phrase: rnd() < 0.5 ? "今年" : `${p.y}年`, years: 1, year: p.y };
    case "next":
      return { label: `${p.y + 1}`, phrase: `${p.y + 1}年`, years: 1, year: p.y + 1 };
    case "half":
      if (p.m <= 6) return { label: `${p.y}-H2`, phrase: `${p.y}年下半年`, years: 0.5, year: p.y };
      return { label: `${p.y + 1}-H1`, phrase: `${p.y + 1}年上半年`, years: 0.5, year: p.y + 1 };
    case "years": {
      const end = p.y + int(rnd, 2, 4);
      return { label: `${p.y}/${end}`, phrase: `${p.y}—${end}年`, years: end - p.y + 1, year: p.y };
    }
  }
}

/** The year or quarter under way at publication: what an estimate covers. */
function estimatePeriod(rnd: Rng, p: Ymd): Period {
  if (rnd() < 0.7) return { label: `${p.y}`, phrase: `${p.y}年全年`, years: 1, year: p.y };
  const q = Math.floor((p.m - 1) / 3) + 1;
  return {
    label: `${p.y}-Q${q}`,
    phrase: `${p.y}年${QUARTER_WORD[q - 1]}季度`,
    years: 0.25,
    year: p.y,
  };
}

function flowPeriod(rnd: Rng, p: Ymd, kind: Kind): Period {
  if (kind === "target") return targetPeriod(rnd, p);
  if (kind === "estimate") return estimatePeriod(rnd, p);
  return pastPeriod(rnd, p);
}

/** A stock (a count of enterprises): the publication month, or 截至 a day before publication. */
function stockPeriod(rnd: Rng, publishedDay: number): Period {
  const p = ymd(publishedDay);
  if (rnd() < 0.5) return { label: `${p.y}-${pad2(p.m)}`, phrase: "", years: 1, year: p.y };
  const at = ymd(publishedDay - int(rnd, 1, 45));
  return {
    label: `${at.y}-${pad2(at.m)}-${pad2(at.d)}`,
    phrase: `截至${at.y}年${at.m}月${at.d}日`,
    years: 1,
    year: at.y,
  };
}

// ---------------------------------------------------------------------------------------------
// Magnitudes: a region's share of the city, and each indicator's level in 2006 and its growth.

const REGION_SHARE: Record<string, number> = {
  jiangmen: 1,
  pengjiang: 0.2,
  jianghai: 0.12,
  xinhui: 0.2,
  taishan: 0.13,
  kaiping: 0.1,
  heshan: 0.1,
  enping: 0.05,
  jiangmen_east: 0.62,
  jiangmen_west: 0.28,
};
const share = (region: Region) => REGION_SHARE[region.key] ?? 0.1;

/** A yearly flow of the whole city in 2006 (yuan) and its yearly growth. */
const FLOW_2006: Record<"gdp" | "iva" | "fai" | "batch" | "output" | "trade", [number, number]> = {
  gdp: [1.0e11, 1.075],
  iva: [4.0e10, 1.07],
  fai: [3.0e10, 1.09],
  batch: [1.2e10, 1.1],
  output: [2.0e11, 1.07],
  trade: [8.0e10, 1.06],
};
function flow(
  rnd: Rng,
  key: keyof typeof FLOW_2006,
  region: Region,
  period: Period,
  part = 1,
): number {
  const [base, growth] = FLOW_2006[key];
  const noise = 0.85 + rnd() * 0.3;
  return base * growth ** (period.year - 2006) * share(region) * period.years * part * noise;
}

// ---------------------------------------------------------------------------------------------
// Numbers as a Chinese report writes them, with the value they stand for.

interface Written {
  text: string;
  value: string;
}

const QUALIFIER_WEIGHTS = [
  ["exact", 70],
  ["approx", 12],
  ["more_than", 12],
  ["less_than", 6],
] as const;

/** Wraps a written number in its qualifier's words: 约90亿元, 超220亿元, 30多亿元, 5%左右 … */
function qualify(
  rnd: Rng,
  qualifier: Qualifier,
  digits: string,
  unit: string,
  allowDuo: boolean,
): string {
  switch (qualifier) {
    case "exact":
      return digits + unit;
    case "approx":
      return weighted(rnd, [
        [`约${digits}${unit}`, 5],
        [`近${digits}${unit}`, 2],
        [`${digits}${unit}左右`, 3],
      ]);
    case "more_than":
      return weighted(rnd, [
        [`超${digits}${unit}`, 35],
        [`超过${digits}${unit}`, 15],
        [`逾${digits}${unit}`, 10],
        [`突破${digits}${unit}`, 10],
        [`${digits}${unit}以上`, 15],
        [allowDuo ? `${digits}多${unit}` : `超${digits}${unit}`, 15],
      ]);
    case "less_than":
      return weighted(rnd, [
        [`不到${digits}${unit}`, 50],
        [`不足${digits}${unit}`, 35],
        [`${digits}${unit}以下`, 15],
      ]);
  }
}

/** Hundredths as a decimal without trailing zeros: 50323 → "503.23", 9000 → "90". */
function hundredths(h: number): string {
  const whole = Math.floor(h / 100);
  const frac = h % 100;
  if (frac === 0) return String(whole);
  if (frac % 10 === 0) return `${whole}.${frac / 10}`;
  return `${whole}.${pad2(frac)}`;
}

/** An amount of yuan written in 亿元 (or 万元 below 1亿), and the whole yuan it stands for. */
function yuan(rnd: Rng, amount: number, qualifier: Qualifier): Written {
  if (amount >= 1e8) {
    // A qualified figure is a round one (超220亿元); an exact one keeps up to two decimals.
    let h = Math.max(1, Math.round(amount / 1e6)); // hundredths of 亿 = millions of yuan
    const r = rnd();
    if (qualifier !== "exact") {
      const step = h >= 100_000 ? 1000 : 100;
      h = Math.max(100, Math.round(h / step) * step);
    } else if (r < 0.3) h = Math.max(100, Math.round(h / 100) * 100);
    else if (r < 0.5) h = Math.max(10, Math.round(h / 10) * 10);
    return {
      text: qualify(rnd, qualifier, hundredths(h), "亿元", h % 100 === 0),
      value: String(h * 1e6),
    };
  }
  let w = Math.max(1, Math.round(amount / 1e4)); // 万元
  if (qualifier !== "exact" || rnd() < 0.5) w = Math.max(100, Math.round(w / 100) * 100);
  return { text: qualify(rnd, qualifier, String(w), "万元", true), value: String(w * 1e4) };
}

/** A count written with its measure word: 56个, 超100家, 200多家. */
function count(rnd: Rng, n: number, measure: string, qualifier: Qualifier): Written {
  let c = Math.max(1, Math.round(n));
  if (qualifier !== "exact") c = Math.max(10, Math.round(c / 10) * 10);
  return { text: qualify(rnd, qualifier, String(c), measure, true), value: String(c) };
}

/** A growth rate in tenths of a percent; a fall reads 下降3.2% and has the value -3.2. */
function growthRate(rnd: Rng, centre: number, spread: number): number {
  const tenths = Math.round((centre + (rnd() + rnd() + rnd() - 1.5) * spread) * 10);
  return tenths === 0 ? 1 : tenths;
}
function percent(rnd: Rng, tenths: number, qualifier: Qualifier): Written & { fall: boolean } {
  const a = Math.abs(tenths);
  const digits = a % 10 === 0 && rnd() < 0.5 ? String(a / 10) : `${Math.floor(a / 10)}.${a % 10}`;
  const value = `${tenths < 0 ? "-" : ""}${digits}`;
  return { text: qualify(rnd, qualifier, digits, "%", false), value, fall: tenths < 0 };
}

// ---------------------------------------------------------------------------------------------
// Subjects.

const COMPANY = [
  "金鹏",
  "华盛",
  "海川",
  "明远",
  "鸿达",
  "侨兴",
  "粤信",
  "锦程",
  "新宝",
  "恒通",
  "银河",
  "南方",
];
const PRODUCT = [
  "新能源电池",
  "高端装备制造",
  "电子信息",
  "特种纸",
  "不锈钢制品",
  "水暖卫浴",
  "摩托车零部件",
  "食品加工",
  "智能家电",
  "光伏组件",
  "生物医药",
  "精细化工",
  "储能电站",
  "半导体封装测试",
  "新材料",
];
function projectName(rnd: Rng): string {
  const r = rnd();
  const product = pick(rnd, PRODUCT);
  // A few names carry ASCII quotes and commas, so the file exercises RFC 4180 quoting.
  if (r < 0.03) return `"侨都智造"${product}项目`;
  if (r < 0.05) return `${pick(rnd, COMPANY)}${product}项目(一期, 二期)`;
  if (r < 0.3) return `年产${int(rnd, 2, 50)}万吨${product}项目`;
  return `${pick(rnd, COMPANY)}${product}项目`;
}
const BATCH = ["省市重点项目", "重点建设项目", "亿元以上产业项目", "省重点项目", "市重点项目"];
const PROJECT_KIND = ["新签约项目", "新开工项目", "在建项目", "招商引资项目", "亿元以上产业项目"];
/** Enterprise kinds with their city-wide count in 2006 and yearly growth. */
const ENTERPRISE: readonly (readonly [string, number, number])[] = [
  ["规模以上工业企业", 1500, 1.04],
  ["高新技术企业", 120, 1.15],
  ["专精特新中小企业", 20, 1.2],
  ['国家级专精特新"小巨人"企业', 2, 1.2],
  ["外商投资企业", 900, 1.02],
  ["与欧洲有经贸往来的企业", 400, 1.05],
];
const INDUSTRY = [
  "新能源汽车产业",
  "先进材料产业",
  "大健康产业",
  "电子信息产业",
  "现代轻工纺织产业",
  "智能家电产业",
  "水暖卫浴产业",
  "纸业",
];
const PARTNER = [
  "东盟",
  "欧盟",
  "美国",
  '共建"一带一路"国家',
  "香港",
  "日本",
  "韩国",
  "拉丁美洲",
  "非洲",
];

// ---------------------------------------------------------------------------------------------
// Sentences: each states one or two facts (a level and the growth that follows it).

interface FactDraft {
  indicator: Indicator;
  unit: Unit;
  value: string;
  qualifier: Qualifier;
  subject: string;
  period: string;
  text: string;
  /** Offset of `text` inside the sentence. */
  at: number;
}
interface Sentence {
  quote: string;
  facts: FactDraft[];
}

class SentenceBuilder {
  private text = "";
  readonly facts: FactDraft[] = [];
  add(s: string): this {
    this.text += s;
    return this;
  }
  fact(draft: Omit<FactDraft, "at">): this {
    this.facts.push({ ...draft, at: this.text.length });
    this.text += draft.text;
    return this;
  }
  done(): Sentence {
    return { quote: this.text, facts: this.facts };
  }
}

interface Context {
  rnd: Rng;
  region: Region;
  published: Ymd;
  publishedDay: number;
  kind: Kind;
}

const qualifierOf = (rnd: Rng): Qualifier => weighted(rnd, QUALIFIER_WEIGHTS);

/** `，增长11.3%` / `，同比下降3.2%`: the growth fact that follows a level. */
function addGrowth(
  b: SentenceBuilder,
  c: Context,
  indicator: Indicator,
  subject: string,
  period: Period,
  centre: number,
  spread: number,
): void {
  const { rnd } = c;
  const qualifier: Qualifier = rnd() < 0.85 ? "exact" : qualifierOf(rnd);
  // A target or an estimate is a rise; an actual figure may be a fall.
  const tenths = growthRate(rnd, centre, spread);
  const g = percent(rnd, c.kind === "actual" ? tenths : Math.abs(tenths), qualifier);
  const verb = g.fall ? pick(rnd, ["下降", "同比下降"]) : pick(rnd, ["增长", "同比增长", "增长"]);
  b.add(verb).fact({
    indicator,
    unit: "percent",
    value: g.value,
    qualifier,
    subject,
    period: period.label,
    text: g.text,
  });
}

/** Lead words of a sentence by kind: `2023年，新会区` / `今年，新会区力争` / `预计2025年全年新会区`. */
function lead(c: Context, period: Period): string {
  const name = c.region.name;
  if (c.kind === "estimate") return `预计${period.phrase}${name}`;
  if (c.kind === "target")
    return `${period.phrase}，${name}${pick(c.rnd, ["力争", "目标", "计划"])}`;
  return pick(c.rnd, [`${period.phrase}，${name}`, `${name}${period.phrase}`]);
}

type SentenceKind =
  | "gdp"
  | "iva"
  | "fai"
  | "project"
  | "batch"
  | "projectCount"
  | "enterprise"
  | "output"
  | "trade"
  | "growthOnly";

function sentence(which: SentenceKind, c: Context): Sentence {
  const { rnd, region } = c;
  const b = new SentenceBuilder();
  const withGrowth = rnd() < 0.75;
  switch (which) {
    case "gdp": {
      const period = flowPeriod(rnd, c.published, c.kind);
      const q = qualifierOf(rnd);
      const w = yuan(rnd, flow(rnd, "gdp", region, period), q);
      b.add(lead(c, period))
        .add(pick(rnd, ["实现地区生产总值", "地区生产总值", "经济总量达到", "GDP"]))
        .fact({
          indicator: "gdp",
          unit: "CNY",
          value: w.value,
          qualifier: q,
          subject: "",
          period: period.label,
          text: w.text,
        });
      if (withGrowth) addGrowth(b.add("，"), c, "gdp_growth", "", period, 6.5, 6);
      break;
    }
    case "iva": {
      const period = flowPeriod(rnd, c.published, c.kind);
      const q = qualifierOf(rnd);
      const w = yuan(rnd, flow(rnd, "iva", region, period), q);
      b.add(lead(c, period))
        .add(pick(rnd, ["规模以上工业增加值", "规上工业增加值", "完成工业增加值"]))
        .fact({
          indicator: "industrial_value_added",
          unit: "CNY",
          value: w.value,
          qualifier: q,
          subject: "",
          period: period.label,
          text: w.text,
        });
      if (withGrowth) addGrowth(b.add("，"), c, "industrial_value_added_growth", "", period, 6, 8);
      break;
    }
    case "fai": {
      const period = flowPeriod(rnd, c.published, c.kind);
      const q = qualifierOf(rnd);
      const w = yuan(rnd, flow(rnd, "fai", region, period), q);
      b.add(lead(c, period))
        .add(pick(rnd, ["完成固定资产投资", "固定资产投资"]))
        .fact({
          indicator: "fixed_asset_investment",
          unit: "CNY",
          value: w.value,
          qualifier: q,
          subject: "",
          period: period.label,
          text: w.text,
        });
      if (withGrowth) addGrowth(b.add("，"), c, "fixed_asset_investment_growth", "", period, 8, 14);
      break;
    }
    case "project": {
      // A named project's investment with no period of its own: the publication month.
      const p = c.published;
      const period: Period = { label: `${p.y}-${pad2(p.m)}`, phrase: "", years: 1, year: p.y };
      const subject = projectName(rnd);
      const q = qualifierOf(rnd);
      const amount = 10 ** (7.7 + rnd() * 2.6); // 5000万元 … 200亿元
      const w = yuan(rnd, amount, q);
      if (rnd() < 0.5) b.add(`${region.name}签约${subject}，总投资`);
      else b.add(`${region.name}${subject}${pick(rnd, ["总投资", "计划总投资", "投资额"])}`);
      b.fact({
        indicator: "project_investment",
        unit: "CNY",
        value: w.value,
        qualifier: q,
        subject,
        period: period.label,
        text: w.text,
      });
      break;
    }
    case "batch": {
      const period = flowPeriod(rnd, c.published, c.kind);
      const subject = pick(rnd, BATCH);
      const q = qualifierOf(rnd);
      const w = yuan(rnd, flow(rnd, "batch", region, period), q);
      b.add(lead(c, period)).add(`${subject}完成投资`).fact({
        indicator: "project_investment",
        unit: "CNY",
        value: w.value,
        qualifier: q,
        subject,
        period: period.label,
        text: w.text,
      });
      if (withGrowth)
        addGrowth(b.add("，"), c, "project_investment_growth", subject, period, 10, 20);
      break;
    }
    case "projectCount": {
      const period = flowPeriod(rnd, c.published, c.kind);
      const subject = pick(rnd, PROJECT_KIND);
      const q = qualifierOf(rnd);
      const n = 120 * share(region) * Math.min(period.years, 5) * (0.6 + rnd() * 0.8);
      const w = count(rnd, n, "个", q);
      b.add(lead(c, period))
        .add(pick(rnd, [`${subject}`, `${subject}数量达`]))
        .fact({
          indicator: "project_count",
          unit: "count",
          value: w.value,
          qualifier: q,
          subject,
          period: period.label,
          text: w.text,
        });
      if (withGrowth) addGrowth(b.add("，"), c, "project_count_growth", subject, period, 10, 30);
      break;
    }
    case "enterprise": {
      const period = stockPeriod(rnd, c.publishedDay);
      const [subject, base, growth] = pick(rnd, ENTERPRISE);
      const q = qualifierOf(rnd);
      const n = base * growth ** (period.year - 2006) * share(region) * (0.85 + rnd() * 0.3);
      const w = count(rnd, n, "家", q);
      b.add(period.phrase ? `${period.phrase}，${region.name}` : region.name)
        .add(pick(rnd, [`拥有${subject}`, `${subject}`, `现有${subject}`]))
        .fact({
          indicator: "enterprise_count",
          unit: "count",
          value: w.value,
          qualifier: q,
          subject,
          period: period.label,
          text: w.text,
        });
      break;
    }
    case "output": {
      const period = flowPeriod(rnd, c.published, c.kind);
      const subject = rnd() < 0.4 ? "" : pick(rnd, INDUSTRY);
      const q = qualifierOf(rnd);
      const w = yuan(
        rnd,
        flow(rnd, "output", region, period, subject ? 0.05 + rnd() * 0.15 : 1),
        q,
      );
      b.add(lead(c, period))
        .add(subject ? `${subject}实现产值` : pick(rnd, ["规上工业总产值", "实现工业总产值"]))
        .fact({
          indicator: "output_value",
          unit: "CNY",
          value: w.value,
          qualifier: q,
          subject,
          period: period.label,
          text: w.text,
        });
      break;
    }
    case "trade": {
      const period = flowPeriod(rnd, c.published, c.kind);
      const subject = rnd() < 0.5 ? "" : pick(rnd, PARTNER);
      const q = qualifierOf(rnd);
      const w = yuan(rnd, flow(rnd, "trade", region, period, subject ? 0.03 + rnd() * 0.2 : 1), q);
      b.add(lead(c, period))
        .add(
          subject
            ? `对${subject}进出口`
            : pick(rnd, ["外贸进出口总额", "进出口总额", "实现进出口"]),
        )
        .fact({
          indicator: "trade_value",
          unit: "CNY",
          value: w.value,
          qualifier: q,
          subject,
          period: period.label,
          text: w.text,
        });
      if (withGrowth) addGrowth(b.add("，"), c, "trade_growth", subject, period, 5, 20);
      break;
    }
    case "growthOnly": {
      const period = flowPeriod(rnd, c.published, c.kind);
      const [indicator, words, centre, spread] = pick(rnd, [
        ["gdp_growth", "地区生产总值", 6.5, 6],
        ["industrial_value_added_growth", "规模以上工业增加值", 6, 8],
        ["fixed_asset_investment_growth", "固定资产投资", 8, 14],
        ["trade_growth", "外贸进出口", 5, 20],
      ] as const);
      b.add(lead(c, period)).add(words);
      addGrowth(b, c, indicator, "", period, centre, spread);
      break;
    }
  }
  return b.add("。").done();
}

const SENTENCE_WEIGHTS: readonly (readonly [SentenceKind, number])[] = [
  ["gdp", 10],
  ["iva", 10],
  ["fai", 10],
  ["project", 14],
  ["batch", 8],
  ["projectCount", 10],
  ["enterprise", 10],
  ["output", 10],
  ["trade", 12],
  ["growthOnly", 6],
];
const KIND_WEIGHTS = [
  ["actual", 80],
  ["target", 12],
  ["estimate", 8],
] as const;

// ---------------------------------------------------------------------------------------------
// Documents and rows.

/**
 * Yields the data rows (cells in FACT_COLUMNS order), `rows` of them, sorted by (source, start).
 * Documents are published in date order over 2006-2025, so the source ids sort with them.
 */
export function* generateRows(
  rows: number,
  regions: readonly Region[],
  seed = DEFAULT_SEED,
): Generator<string[]> {
  if (!regions.length) throw new Error("no regions to generate facts for");
  const rnd = mulberry32(seed);
  const span = LAST_DAY - FIRST_DAY;
  let emitted = 0;
  let serial = 0;
  while (emitted < rows) {
    serial++;
    const publishedDay = FIRST_DAY + Math.floor((emitted / rows) * span);
    const published = ymd(publishedDay);
    const source = `syn${published.y}${pad2(published.m)}${pad2(published.d)}-${String(serial).padStart(6, "0")}`;
    const publishedCell =
      rnd() < 0.85
        ? `${published.y}-${pad2(published.m)}-${pad2(published.d)}`
        : `${published.y}-${pad2(published.m)}`;
    // A page about one district states most of its facts about that district.
    const home = pick(rnd, regions);
    let offset = int(rnd, 20, 60); // the headline and date line
    let n = 0;
    const facts = int(rnd, 1, 40);
    while (n < facts && emitted < rows) {
      const region = rnd() < 0.7 ? home : pick(rnd, regions);
      const which = weighted(rnd, SENTENCE_WEIGHTS);
      // A named project's investment and a count of enterprises are stated as they stand.
      const kind: Kind =
        which === "project" || which === "enterprise" ? "actual" : weighted(rnd, KIND_WEIGHTS);
      const said = sentence(which, { rnd, region, published, publishedDay, kind });
      for (const f of said.facts) {
        if (emitted >= rows) break;
        const start = offset + f.at;
        yield [
          `${source}-${String(n).padStart(3, "0")}`,
          f.indicator,
          region.key,
          f.period,
          f.value,
          f.unit,
          f.qualifier,
          kind,
          f.subject,
          source,
          publishedCell,
          f.text,
          said.quote,
          String(start),
          String(start + f.text.length),
          "", // review: nobody checked a synthetic fact
        ];
        n++;
        emitted++;
      }
      offset += said.quote.length + int(rnd, 0, 240); // other text between the stated facts
    }
  }
}

export interface GenerateOptions {
  rows?: number;
  out?: string;
  seed?: number;
  regionsFile?: string;
}
export interface GenerateResult {
  rows: number;
  bytes: number;
  seconds: number;
  out: string;
}

export function loadRegions(file = join(DATA_DIR, "regions.csv")): Region[] {
  const { regions, problems } = parseRegionTable(readFileSync(file, "utf8"), file);
  if (problems.length) {
    const list = problems.map(
      (p) => `${p.file}:${p.line}${p.field ? ` ${p.field}` : ""}: ${p.message}`,
    );
    throw new Error(`the region table has problems:\n${list.join("\n")}`);
  }
  return regions;
}

/** Writes the CSV in chunks to a temporary file, then renames it: a failed run leaves no half file. */
export function writeBigCsv(options: GenerateOptions = {}): GenerateResult {
  const { rows = DEFAULT_ROWS, out = DEFAULT_OUT, seed = DEFAULT_SEED, regionsFile } = options;
  if (!Number.isInteger(rows) || rows < 0)
    throw new Error(`--rows must be a whole number ≥ 0, got ${rows}`);
  const began = performance.now();
  const regions = loadRegions(regionsFile);
  mkdirSync(dirname(out), { recursive: true });
  const temp = `${out}.${process.pid}.tmp`;
  const fd = openSync(temp, "w");
  let bytes = 0;
  let written = 0;
  const write = (s: string) => {
    const buf = Buffer.from(s, "utf8");
    writeSync(fd, buf);
    bytes += buf.length;
  };
  try {
    write(`${FACT_COLUMNS.join(",")}\r\n`);
    let chunk: string[][] = [];
    const flush = () => {
      if (!chunk.length) return;
      write(`${Papa.unparse(chunk, { newline: "\r\n", header: false })}\r\n`);
      written += chunk.length;
      chunk = [];
    };
    for (const row of generateRows(rows, regions, seed)) {
      chunk.push(row);
      if (chunk.length >= CHUNK_ROWS) flush();
    }
    flush();
    closeSync(fd);
    renameSync(temp, out);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw error;
  }
  return { rows: written, bytes, seconds: (performance.now() - began) / 1000, out };
}

function parseArgs(argv: readonly string[]): GenerateOptions {
  const options: GenerateOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const need = () => {
      if (value === undefined) throw new Error(`${flag} needs a value`);
      i++;
      return value;
    };
    switch (flag) {
      case "--rows":
        options.rows = Number(need().replace(/[_,]/g, ""));
        break;
      case "--out":
        options.out = resolve(need());
        break;
      case "--seed":
        options.seed = Number(need());
        if (!Number.isInteger(options.seed))
          throw new Error(`--seed must be an integer, got ${value}`);
        break;
      case "--regions":
        options.regionsFile = resolve(need());
        break;
      case "--help":
      case "-h":
        console.log(
          "usage: gen-big [--rows N=1000000] [--out FILE=data/big/indicators.csv] [--seed S] [--regions FILE]",
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${flag} (try --help)`);
    }
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    const result = writeBigCsv(parseArgs(process.argv.slice(2)));
    console.log(
      `wrote ${result.rows.toLocaleString("en")} rows, ${(result.bytes / 1e6).toFixed(1)} MB to ${relative(ROOT, result.out) || result.out} in ${result.seconds.toFixed(1)} s`,
    );
  } catch (error) {
    console.error(`gen-big: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
