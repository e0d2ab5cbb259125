// 补录 in the article view: a number the extractor missed is selected in the text and added with
// the same form as 更正, its span taken from the selection (offsets into the article text, in
// UTF-16 code units as the contract counts them).
import { useRef, useState } from "react";
import { findNumbers, normalize, sentenceAround } from "../../extract/lib/index.ts";
import type { FactRow } from "../model/contract.ts";
import { t } from "../i18n/dictionary.ts";
import { useReviewApi } from "./ReviewContext.tsx";
import { addition, formValues } from "./decisions.ts";
import { ReviewForm } from "./ReviewForm.tsx";

/**
 * Where a point of the selection is in the article text. The article is drawn with its Markdown
 * as text (MarkdownText.tsx leaves `##` and `**` out), so the drawn text is shorter than the
 * article: each drawn piece says where it starts (`data-start`), and the point is counted from
 * there. Text drawn without pieces is counted from the container's start.
 */
function articleOffset(container: HTMLElement, node: Node, offset: number): number {
  const element = node instanceof Element ? node : node.parentElement;
  const piece = element?.closest<HTMLElement>("[data-start]");
  const from = piece && container.contains(piece) ? piece : container;
  const before = document.createRange();
  before.selectNodeContents(from);
  before.setEnd(node, offset);
  return Number(from.dataset.start ?? 0) + before.toString().length;
}

/** The selection's offsets in the article text `container` draws, or null when empty or outside. */
export function selectionSpan(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer))
    return null;
  const start = articleOffset(container, range.startContainer, range.startOffset);
  const end = articleOffset(container, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

const MULTIPLIER: [RegExp, number][] = [
  [/亿/, 1e8],
  [/万/, 1e4],
];

/**
 * A first guess at the value of a selected number (503.23亿元 → 50323000000); the person checks
 * it. Read as the extractor reads numbers (1.2万亿元, 两千三百家, 负1.2%, full-width digits), so
 * the guess is the value a run would give; only where it reads none (a currency the contract has
 * no unit for) the digits and 亿 or 万 after them.
 */
export function guessValue(text: string): string {
  const read = findNumbers(normalize(text).text)[0];
  if (read && Number.isFinite(read.value)) return String(read.value);
  const digits = /[\d.]+/.exec(text.replace(/,/g, ""))?.[0];
  if (!digits || !Number.isFinite(Number(digits))) return "";
  const multiplier = MULTIPLIER.find(([pattern]) => pattern.test(text))?.[1] ?? 1;
  return String(Math.round(Number(digits) * multiplier * 100) / 100);
}

export function AddFromSelection(props: {
  /** The fact whose article this is: its source, date and fields prefill the form. */
  fact: FactRow;
  article: string;
  children: React.ReactNode;
}) {
  const api = useReviewApi();
  const container = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState<{ start: number; end: number } | null>(null);
  const [adding, setAdding] = useState<{ start: number; end: number } | null>(null);
  if (!api) return <>{props.children}</>;
  const { lang } = api;
  const track = () => setSpan(container.current ? selectionSpan(container.current) : null);
  const text = (s: { start: number; end: number }) => props.article.slice(s.start, s.end);
  return (
    <div className="add-from-selection">
      <p className="hint">{t(lang, "addHint")}</p>
      <div ref={container} onMouseUp={track} onKeyUp={track} data-testid="article-selectable">
        {props.children}
      </div>
      <button
        type="button"
        disabled={!span}
        data-testid="review-add"
        onClick={() => setAdding(span)}
      >
        {t(lang, "reviewAdd")}
        {span ? ` “${text(span)}”` : ""}
      </button>
      {adding ? (
        <ReviewForm
          lang={lang}
          title={t(lang, "addTitle")}
          number={text(adding)}
          initial={{ ...formValues(props.fact), value: guessValue(text(adding)), subject: "" }}
          regions={api.regions}
          onSave={(values) =>
            api.state.decide(
              addition(
                { source: props.fact.source, ...adding, text: text(adding) },
                values,
                sentenceAround(props.article, adding.start, adding.end),
                props.fact.published,
              ),
            )
          }
          onClose={() => setAdding(null)}
        />
      ) : null}
    </div>
  );
}
