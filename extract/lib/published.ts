// The publication date of an article that came without one, guessed from its text: the date in a
// dateline (江门日报讯(记者/…)1月30日, 据新华社北京1月30日电) wins, else the latest full date, else
// the latest month named (an ISO date after 发布时间 counts as a dateline); a date without its year takes the latest year the text names.

import type { PublicationDate } from "./periods.ts";

const pad = (n: number) => String(n).padStart(2, "0");
const YEAR_RE = /(\d{4})年/g;
const DATE_RE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]/g;
const MONTH_RE = /(\d{4})年(\d{1,2})月/g;
const DATELINE_RE =
  /讯[^。\n]{0,30}?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日|(\d{1,2})月(\d{1,2})日电/g;

// Web pages and government sites date themselves in ISO style: 发布时间：2024-02-05.
const ISO_DATE_RE = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g;
const ISO_DATELINE_RE = /(?:发布|发表|更新|日期|时间)[^。\n\d]{0,6}$/;

const plausibleYear = (y: number) => y >= 1950 && y <= 2100;
const validDay = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;

interface Dated {
  year: number;
  month: number;
  day: number;
  yearNamed: boolean;
}

/** The guessed publication date as YYYY-MM-DD or YYYY-MM, or undefined when the text names no
 * year at all. */
export function inferPublished(text: string): string | undefined {
  let latestYear = 0;
  for (const m of text.matchAll(YEAR_RE)) {
    const y = Number(m[1]);
    if (plausibleYear(y) && y > latestYear) latestYear = y;
  }
  for (const m of text.matchAll(ISO_DATE_RE)) {
    const y = Number(m[1]);
    if (plausibleYear(y) && y > latestYear) latestYear = y;
  }
  if (!latestYear) return undefined;
  const dated = (
    y: string | undefined,
    mo: string | undefined,
    d: string | undefined,
  ): Dated | undefined => {
    const year = y ? Number(y) : latestYear;
    const month = Number(mo);
    const day = Number(d);
    if (!plausibleYear(year) || !validDay(month, day)) return undefined;
    return { year, month, day, yearNamed: !!y };
  };
  const latest = (list: Dated[]) =>
    list.reduce<Dated | undefined>(
      (best, x) =>
        !best ||
        x.year * 10000 + x.month * 100 + x.day > best.year * 10000 + best.month * 100 + best.day
          ? x
          : best,
      undefined,
    );
  const datelines: Dated[] = [];
  for (const m of text.matchAll(DATELINE_RE)) {
    const d = m[2] ? dated(m[1], m[2], m[3]) : dated(undefined, m[4], m[5]);
    if (d) datelines.push(d);
  }
  const all: Dated[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const d = dated(m[1], m[2], m[3]);
    if (d) all.push(d);
  }
  for (const m of text.matchAll(ISO_DATE_RE)) {
    const d = dated(m[1], m[2], m[3]);
    if (!d) continue;
    all.push(d);
    if (ISO_DATELINE_RE.test(text.slice(Math.max(0, m.index - 12), m.index))) datelines.push(d);
  }
  const best = latest(datelines) ?? latest(all);
  if (best) {
    return best.yearNamed
      ? `${best.year}-${pad(best.month)}-${pad(best.day)}`
      : `${best.year}-${pad(best.month)}`;
  }
  let month = 0;
  for (const m of text.matchAll(MONTH_RE)) {
    const mo = Number(m[2]);
    if (Number(m[1]) === latestYear && mo >= 1 && mo <= 12 && mo > month) month = mo;
  }
  // Only a year: its last month, so that 今年以来 covers the whole year.
  return `${latestYear}-${pad(month || 12)}`;
}

/** Year and month of a YYYY-MM(-DD) date, or undefined. */
export function parsePublished(published: string | undefined): PublicationDate | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(published ?? "");
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year, month } : undefined;
}
