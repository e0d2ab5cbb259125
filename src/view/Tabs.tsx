// The view tabs, with the WAI-ARIA tab pattern: arrow keys move between tabs.
import type { KeyboardEvent } from "react";
import { t, type LabelKey } from "../i18n/dictionary.ts";
import { TAB_VIEWS, type Language, type ViewTab } from "../state/viewState.ts";

const TAB_LABEL: Record<ViewTab, LabelKey> = {
  chart: "viewChart",
  compare: "viewCompare",
  map: "viewMap",
  table: "viewTable",
  analyse: "viewAnalyse",
  district: "viewDistrict",
};

export const tabId = (view: ViewTab) => `tab-${view}`;
export const panelId = (view: ViewTab) => `panel-${view}`;

export function Tabs(props: { lang: Language; value: ViewTab; onChange: (v: ViewTab) => void }) {
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = (TAB_VIEWS as readonly ViewTab[]).indexOf(props.value);
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = TAB_VIEWS[(at + step + TAB_VIEWS.length) % TAB_VIEWS.length] ?? "chart";
    props.onChange(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div role="tablist" aria-label={t(props.lang, "views")} className="tabs" onKeyDown={onKey}>
      {TAB_VIEWS.map((view) => (
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
          {t(props.lang, TAB_LABEL[view])}
        </button>
      ))}
    </div>
  );
}
