// A stretch of an article drawn with its Markdown as text (src/article/markdown.ts): headings
// larger, emphasis bold, the markup itself left out. React text nodes only, never HTML.
import type { ReactNode } from "react";
import { segmentsIn, type MdSegment } from "../article/markdown.ts";

export function MarkdownRange(props: {
  text: string;
  segments: readonly MdSegment[];
  from: number;
  to: number;
}): ReactNode {
  return segmentsIn(props.segments, props.from, props.to).map((s) => {
    if (s.markup) return null;
    const piece = props.text.slice(s.start, s.end);
    const inner = s.strong ? <strong>{piece}</strong> : piece;
    return s.heading ? (
      <span key={s.start} data-start={s.start} className={`md-heading md-h${s.heading}`}>
        {inner}
      </span>
    ) : (
      <span key={s.start} data-start={s.start}>
        {inner}
      </span>
    );
  });
}
