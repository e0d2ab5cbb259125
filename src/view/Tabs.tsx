// The view tabs, with the WAI-ARIA tab pattern: arrow keys move between tabs.
import type { KeyboardEvent } from "react";
import { t, type LabelKey } from "../i18n/dictionary.ts";
import type { Language } from "../model/language.ts";

export const tabId = (view: string) => `tab-${view}`;
export const panelId = (view: string) => `panel-${view}`;

export function Tabs(props: {
  lang: Language;
  /** The views with a tab, in order (src/views/registry.ts). */
  views: readonly { id: string; label: LabelKey }[];
  value: string;
  onChange: (v: string) => void;
}) {
  const { views } = props;
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = views.findIndex((v) => v.id === props.value);
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step || !views.length) return;
    e.preventDefault();
    const next = views[(at + step + views.length) % views.length]!.id;
    props.onChange(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div role="tablist" aria-label={t(props.lang, "views")} className="tabs" onKeyDown={onKey}>
      {views.map(({ id: view, label }) => (
        <button
          key={view}
          type="button"
          role="tab"
          id={tabId(view)}
          aria-selected={props.value === view}
          aria-controls={props.value === view ? panelId(view) : undefined}
          tabIndex={props.value === view ? 0 : -1}
          onClick={() => props.onChange(view)}
        >
          {t(props.lang, label)}
        </button>
      ))}
    </div>
  );
}
