// A subject said the same way each time: the noun phrase a figure is about (a project, an
// industry, a kind of firm, a partner) and nothing the other columns already say. A place opening
// it (江海区引进…) is the region's; the event's verb and its adverbs (成功引进, 共, 就) are the
// event, not the thing; an amount followed by a verb (筹集帮扶资金600万元建设项目) is another figure;
// a bare noun (项目, 企业) or a bare verb (打造) names nothing beyond the indicator. So one kind of
// figure reported by several articles forms one series.

import type { Gazetteer } from "../regions.ts";
import { FILLER_NAME_STARTS } from "../indicators.ts";
import {
  PROJECT_NAME_COUNT,
  REFERENCE_GROUP,
  SUBJECT_LEAD_WORDS,
  SUBJECT_BARE,
  SUBJECT_AMOUNT,
  SUBJECT_SYNONYMS,
  SUBJECT_POINT_MARK,
  withoutAttributive,
} from "./lexicon.ts";

/** Longest run of cleaning steps: each removes at least one character. */
const STEP_LIMIT = 12;

export function cleanSubject(gaz: Gazetteer, subject: string): string {
  if (!subject) return subject;
  let s = subject;
  // 筹集帮扶资金600万元建设项目: what follows the amount is the noun phrase.
  // An amount followed by a class noun (超10亿元的内资项目, 超1亿美元项目) describes the kind of
  // project and stays; one followed by an event verb ends a figure of its own.
  const amount = SUBJECT_AMOUNT.exec(s);
  if (amount) {
    const rest = s.slice(amount.index + amount[0].length);
    if (SUBJECT_LEAD_WORDS.some((w) => rest.startsWith(w))) s = rest;
  }
  for (let step = 0; step < STEP_LIMIT && s; step++) {
    const place = gaz.matcher.matchAt(s, 0, s.length);
    // 稻兴智能科技产业园项目: a project named after its park keeps the name.
    if (place && place.end < s.length && !SUBJECT_BARE.includes(s.slice(place.end))) {
      s = s.slice(place.end);
      continue;
    }
    // 27个省重点项目: the count is a figure of its own, not part of what is counted.
    const count = PROJECT_NAME_COUNT.exec(s);
    if (count && count[0].length < s.length) {
      s = s.slice(count[0].length);
      continue;
    }
    // 台山、开平、恩平三市共引进项目: the count of the places says them again.
    const group = REFERENCE_GROUP.exec(s);
    if (group && group.index === 0 && group[0].length < s.length) {
      s = s.slice(group[0].length);
      continue;
    }
    // （二）新增规上工业企业: the number of a point in a numbered list is the list's.
    const point = SUBJECT_POINT_MARK.exec(s);
    if (point) {
      s = s.slice(point[0].length);
      continue;
    }
    // 共建“一带一路”国家: a name that opens with a lead word (共) keeps it.
    if (FILLER_NAME_STARTS.matchAt(s, 0)) break;
    const word = SUBJECT_LEAD_WORDS.find((w) => s.startsWith(w) && s.length > w.length);
    if (!word) break;
    s = s.slice(word.length);
    // 现场签约的新能源项目: the particle that tied the dropped words to the noun goes with them.
    s = withoutAttributive(s);
  }
  if (SUBJECT_BARE.includes(s) || s.length < 2) return "";
  // 台山、开平、恩平三市GDP: a count of the places named before says them again, and names no
  // subject.
  const group = REFERENCE_GROUP.exec(s);
  if (group && group.index === 0 && group[0].length === s.length) return "";
  return SUBJECT_SYNONYMS.get(s) ?? s;
}
