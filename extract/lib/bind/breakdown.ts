// Breakdowns: a region-wide figure of a family whose parts the contract counts (增加值, investment)
// and the parts a breakdown word lists after it (其中，装备制造业增长9.1%; 其中先进制造业486.3亿元):
// which head a part's figure belongs to, and the part's name as its subject. Shared by the rates
// (growth.ts) and the amounts (amounts.ts).

import type { Sentence } from "../segment.ts";
import { SENTENCE_WINDOW, within, type DocContext } from "../context.ts";
import {
  BREAKDOWN_FAMILIES,
  BREAKDOWN_MARKERS,
  BREAKDOWN_MEASURE_ENDINGS,
  BREAKDOWN_PART_NAME_WORDS,
  BREAKDOWN_PART_SUFFIXES,
  CUES,
  type Family,
} from "../indicators.ts";
import type { BreakdownHead, Draft } from "./state.ts";
import { withoutAttributive } from "./lexicon.ts";
import { trimFiller } from "./text.ts";

/** Longest name of a part in a breakdown (高技术制造业, 计算机通信和其他电子设备制造业). */
const BREAKDOWN_NAME_LIMIT = 16;

/** The region-wide figure that a breakdown (其中，装备制造业增长9.1%) lists the parts of: a rate's
 * head is a growth figure; with `unit` CNY an amount's head is the amount (增加值1172.5亿元，其中
 * 先进制造业486.3亿元).
 * the head must be of a family whose parts the contract counts (增加值, investment), a breakdown
 * word must open the list, and the part's name must be a short name that no cue word is in.
 * After a part's rate in the same sentence (`part`: 金属制品业增加值增长9.6%，纺织服装业下降2.1%)
 * an industry's name needs no breakdown word: it is a part of the same indicator. */
export function breakdownHead(
  ctx: DocContext,
  head: BreakdownHead | undefined,
  sentence: Sentence,
  scope: number,
  at: number,
  part: Draft | undefined,
  unit: BreakdownHead["unit"] = "percent",
): { family: Family; subject: string } | undefined {
  if (!head || head.unit !== unit || !BREAKDOWN_FAMILIES.has(head.family.name)) return;
  const { text } = ctx;
  // Within the window a number looks back through, so that a page with no full stop costs no
  // more per number than a sentence does. A breakdown word opens the list of a figure it follows:
  // one before a head in the same sentence (其中先进制造业…；固定资产投资增长4.5%，社零增长3.3%)
  // listed an earlier figure's parts, so it makes no later name a part of this head.
  const lead = text.slice(Math.max(sentence.start, at - SENTENCE_WINDOW, head.token.end), at);
  const subject = withoutAttributive(trimFiller(text, scope, at));
  const sibling =
    part?.unit === "percent" &&
    part.subject !== "" &&
    part.family === head.family &&
    BREAKDOWN_PART_SUFFIXES.some((w) => subject.endsWith(w));
  if (!sibling && !BREAKDOWN_MARKERS.some((w) => lead.includes(w))) return;
  if (subject.length < 2 || subject.length > BREAKDOWN_NAME_LIMIT || /\d/.test(subject)) return;
  // 社会消费品零售总额, 全社会用电量: a measure the contract does not count, no part of the head.
  if (BREAKDOWN_MEASURE_ENDINGS.some((w) => subject.endsWith(w))) return;
  // A cue word makes the name another measure (工业投资, 第二产业增加值), except a kind of firm
  // that holds one (外商投资企业) in a breakdown by ownership.
  const cueWord = (m: { start: number; end: number; value: { type: string } }) =>
    m.value.type !== "none" || !BREAKDOWN_PART_NAME_WORDS.includes(subject.slice(m.start, m.end));
  if (CUES.scan(subject).some(cueWord) || BREAKDOWN_MARKERS.some((w) => subject.includes(w)))
    return;
  if (within(ctx.places, scope, at).length) return;
  return { family: head.family, subject };
}
