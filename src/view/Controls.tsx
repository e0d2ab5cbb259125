// The controls of the side panel. Each takes only what it shows and a callback for what it changes.
import { useId, useState } from "react";
import type { Region } from "../../extract/lib/index.ts";
import { INDICATOR_GROUPS, INDICATOR_UNIT, type Indicator } from "../model/contract.ts";
import { groupLabel, indicatorLabel, regionName, t } from "../i18n/dictionary.ts";
import type { ChartType, Language } from "../state/viewState.ts";
import type { Frequency } from "../model/period.ts";
import { DistrictLink, type DistrictLinkTarget } from "./DistrictLink.tsx";

export function IndicatorPicker(props: {
  lang: Language;
  value: Indicator;
  counts: ReadonlyMap<Indicator, number>;
  onChange: (indicator: Indicator) => void;
}) {
  const id = useId();
  const { lang } = props;
  return (
    <div className="control">
      <label htmlFor={id}>{t(lang, "indicator")}</label>
      <select
        id={id}
        data-testid="indicator-picker"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as Indicator)}
      >
        {INDICATOR_GROUPS.map((group) => (
          <optgroup key={group.key} label={groupLabel(lang, group.key)}>
            {group.indicators.map((indicator) => {
              const n = props.counts.get(indicator) ?? 0;
              return (
                <option key={indicator} value={indicator}>
                  {indicatorLabel(lang, indicator, INDICATOR_UNIT[indicator])}
                  {n ? ` · ${n}` : ""}
                </option>
              );
            })}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function RegionFilter(props: {
  lang: Language;
  regions: readonly Region[];
  tableNames: ReadonlyMap<string, string>;
  selected: readonly string[];
  onChange: (selected: string[] | null) => void;
  /** Each district's page, linked beside its name. */
  page: DistrictLinkTarget;
}) {
  const { lang, regions, tableNames, selected } = props;
  const [search, setSearch] = useState("");
  const searchId = useId();
  const chosen = new Set(selected);
  const needle = search.trim().toLowerCase();
  const visible = regions.filter(
    (r) =>
      !needle ||
      [r.key, r.name, regionName("en", r.key, tableNames), ...r.aliases].some((s) =>
        s.toLowerCase().includes(needle),
      ),
  );
  const toggle = (key: string, on: boolean) => {
    const next = regions.map((r) => r.key).filter((k) => (k === key ? on : chosen.has(k)));
    props.onChange(next.length === regions.length ? null : next);
  };
  return (
    <fieldset className="control region-filter" data-testid="region-filter">
      <legend>{t(lang, "regions")}</legend>
      <label htmlFor={searchId} className="visually-hidden">
        {t(lang, "regionSearch")}
      </label>
      <input
        id={searchId}
        type="search"
        placeholder={t(lang, "regionSearch")}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="button-row">
        <button type="button" onClick={() => props.onChange(null)}>
          {t(lang, "all")}
        </button>
        <button type="button" onClick={() => props.onChange([])}>
          {t(lang, "none")}
        </button>
      </div>
      <ul className="checklist">
        {visible.map((r) => (
          <li key={r.key}>
            <label>
              <input
                type="checkbox"
                value={r.key}
                checked={chosen.has(r.key)}
                onChange={(e) => toggle(r.key, e.target.checked)}
              />
              {regionName(lang, r.key, tableNames)}
            </label>{" "}
            <DistrictLink to={props.page} district={r.key}>
              {t(lang, "districtLink")}
            </DistrictLink>
          </li>
        ))}
      </ul>
      <p className="hint" aria-live="polite">
        {t(lang, "regionCount", { n: selected.length, total: regions.length })}
      </p>
    </fieldset>
  );
}

export function PeriodRange(props: {
  lang: Language;
  years: readonly number[];
  from: number | null;
  to: number | null;
  onChange: (range: { from: number | null; to: number | null }) => void;
}) {
  const { lang, years, from, to } = props;
  const fromId = useId();
  const toId = useId();
  // A year from the URL that the data lacks stays selectable, so the select shows the truth.
  const options = (extra: number | null) =>
    [...new Set([...years, ...(extra === null ? [] : [extra])])].sort((a, b) => a - b);
  const parse = (v: string) => (v === "" ? null : Number(v));
  return (
    <fieldset className="control period-range">
      <legend>{t(lang, "periodRange")}</legend>
      <label htmlFor={fromId}>{t(lang, "fromYear")}</label>
      <select
        id={fromId}
        value={from ?? ""}
        onChange={(e) => {
          const next = parse(e.target.value);
          props.onChange({ from: next, to: next !== null && to !== null && to < next ? next : to });
        }}
      >
        <option value="">{t(lang, "anyYear")}</option>
        {options(from).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      <label htmlFor={toId}>{t(lang, "toYear")}</label>
      <select
        id={toId}
        value={to ?? ""}
        onChange={(e) => {
          const next = parse(e.target.value);
          props.onChange({
            to: next,
            from: next !== null && from !== null && from > next ? next : from,
          });
        }}
      >
        <option value="">{t(lang, "anyYear")}</option>
        {options(to).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

export function ChartTypeToggle(props: {
  lang: Language;
  value: ChartType;
  onChange: (c: ChartType) => void;
}) {
  const { lang } = props;
  const name = useId();
  return (
    <fieldset className="control segmented">
      <legend>{t(lang, "chartType")}</legend>
      {(["line", "bar"] as const).map((type) => (
        <label key={type}>
          <input
            type="radio"
            name={name}
            value={type}
            checked={props.value === type}
            onChange={() => props.onChange(type)}
          />
          {t(lang, type)}
        </label>
      ))}
    </fieldset>
  );
}

export function LanguageSwitch(props: { lang: Language; onChange: (l: Language) => void }) {
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t(props.lang, "language")}</label>
      <select
        id={id}
        value={props.lang}
        onChange={(e) => props.onChange(e.target.value as Language)}
      >
        <option value="zh" lang="zh-CN">
          中文
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </div>
  );
}

/** The time chart's frequency (年度, 季度 …), offering those the selection has. */
export function FrequencyPicker(props: {
  lang: Language;
  options: readonly { frequency: Frequency; count: number }[];
  value: Frequency | null;
  onChange: (f: Frequency) => void;
}) {
  const id = useId();
  const { lang } = props;
  if (!props.options.length) return null;
  return (
    <div className="control inline-control">
      <label htmlFor={id}>{t(lang, "frequency")}</label>
      <select
        id={id}
        data-testid="frequency"
        value={props.value ?? ""}
        onChange={(e) => props.onChange(e.target.value as Frequency)}
      >
        {props.options.map((o) => (
          <option key={o.frequency} value={o.frequency}>
            {t(lang, `freq_${o.frequency}`)} · {o.count}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Shows or hides figures about parts (a project, an industry, a partner). Where only such figures
 * exist they are shown, and a line says they are not totals.
 */
export function SubjectToggle(props: {
  lang: Language;
  hasTotals: boolean;
  hasParts: boolean;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const { lang } = props;
  if (!props.hasParts) return null;
  return (
    <div className="control subject-toggle">
      {props.hasTotals ? (
        <label className="inline">
          <input
            type="checkbox"
            data-testid="subjects"
            checked={props.checked}
            onChange={(e) => props.onChange(e.target.checked)}
          />
          {t(lang, "showSubjects")}
        </label>
      ) : (
        <p className="hint" role="note" data-testid="only-subjects">
          {t(lang, "onlySubjects")}
        </p>
      )}
    </div>
  );
}
