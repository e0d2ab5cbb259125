import { expect, test } from "vitest";
import { locateFact } from "../../../src/view/locate.ts";

const article = "第一句。台山地区生产总值达503.23亿元，同比增长8.5%。第三句。";
const start = article.indexOf("503.23亿元");
const quote = "台山地区生产总值达503.23亿元，同比增长8.5%。";

test("splits the article at the sentence and the number by their offsets", () => {
  const located = locateFact(article, { start, end: start + 9, text: "503.23亿元", quote });
  expect(located).toEqual({
    before: "第一句。",
    sentenceBefore: "台山地区生产总值达",
    number: "503.23亿元",
    sentenceAfter: "，同比增长8.5%。",
    after: "第三句。",
  });
});

test("stale offsets fall back to the text inside the quote", () => {
  const located = locateFact(article, { start: 0, end: 3, text: "8.5%", quote });
  expect(located?.number).toBe("8.5%");
  expect(located?.sentenceBefore).toBe("台山地区生产总值达503.23亿元，同比增长");
});

test("a number not in the article locates nothing", () => {
  expect(locateFact(article, { start: null, end: null, text: "999亿元", quote: "" })).toBeNull();
});
