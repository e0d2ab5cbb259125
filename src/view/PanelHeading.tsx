// The top of the dashboard's panel: its title for the view shown, and the tools that change what
// the chart draws (frequency; subject figures shown or not; the period compared or mapped).
// Values in, updates out.
import { useId } from "react";
import type { Language, ViewState } from "../state/viewState.ts";
import type { Frequency } from "../model/period.ts";
import { t } from "../i18n/dictionary.ts";
import { FrequencyPicker, SubjectToggle } from "./Controls.tsx";

export function PanelTitle(props: {
  lang: Language;
  view: ViewState["view"];
  /** The indicator with its unit (地区生产总值（亿元）). */
  indicatorTitle: string;
  periodText: string;
  /** The district a district page is about. */
  districtName: string;
}) {
  const { lang, view } = props;
  if (view === "analyse") return <h2 className="panel-title">{t(lang, "viewAnalyse")}</h2>;
  if (view === "district")
    return (
      <h2 className="panel-title" id="district-title" data-testid="district-title">
        {props.districtName}
        <span className="hint"> · {t(lang, "viewDistrict")}</span>
      </h2>
    );
  return (
    <h2 className="panel-title">
      {props.indicatorTitle}
      {props.periodText ? <span className="hint"> · {props.periodText}</span> : null}
    </h2>
  );
}

export interface SubjectChoice {
  hasTotals: boolean;
  hasParts: boolean;
  checked: boolean;
}

/** The chart view's frequency and subject toggle; the comparison view's subject toggle. */
export function ChartTools(props: {
  lang: Language;
  view: ViewState["view"];
  frequencies: readonly { frequency: Frequency; count: number }[];
  frequency: Frequency | null;
  chartSubjects: SubjectChoice;
  compareSubjects: SubjectChoice;
  update: (patch: Partial<ViewState>) => void;
}) {
  const { lang, view, update } = props;
  const toggle = (choice: SubjectChoice) => (
    <SubjectToggle
      lang={lang}
      hasTotals={choice.hasTotals}
      hasParts={choice.hasParts}
      checked={choice.checked}
      onChange={(subjects) => update({ subjects })}
    />
  );
  if (view === "compare") return toggle(props.compareSubjects);
  if (view !== "chart") return null;
  return (
    <div className="chart-tools">
      <FrequencyPicker
        lang={lang}
        options={props.frequencies}
        value={props.frequency}
        onChange={(freq) => update({ freq })}
      />
      {toggle(props.chartSubjects)}
    </div>
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
