// The top of the dashboard's panel: its title for the view shown, and the period a comparison or
// the map shows. Values in, updates out.
import { useId } from "react";
import type { Language } from "../model/language.ts";
import { t } from "../i18n/dictionary.ts";

/** The panel's title for the view shown; its id, when given, names the panel. */
export function PanelTitle(props: { title: string; hint: string; id?: string }) {
  return (
    <h2 className="panel-title" id={props.id} data-testid={props.id}>
      {props.title}
      {props.hint ? <span className="hint"> · {props.hint}</span> : null}
    </h2>
  );
}

/** The one period a comparison or the map shows (对比时期). */
export function PeriodSelect(props: {
  lang: Language;
  testId: string;
  periods: readonly { period: string }[];
  value: string | null;
  onChange: (period: string | null) => void;
}) {
  const id = useId();
  return (
    <div className="control inline-control">
      <label htmlFor={id}>{t(props.lang, "comparePeriod")}</label>
      <select
        id={id}
        data-testid={props.testId}
        value={props.value ?? ""}
        onChange={(e) => props.onChange(e.target.value || null)}
      >
        {props.periods.map((p) => (
          <option key={p.period} value={p.period}>
            {p.period}
          </option>
        ))}
      </select>
    </div>
  );
}
