// The dashboard's sidebar: what to show (indicator, districts, years, chart type) and where the
// data comes from (the CSV in use, opening another, the pasted articles). It composes the
// controls; every value comes in as a prop and every change goes out as one update.
import { useId, useState } from "react";
import type { Indicator } from "../model/contract.ts";
import type { Region } from "../../extract/lib/index.ts";
import type { LoadResult } from "../data/protocol.ts";
import type { PastedArticle } from "../model/pasted.ts";
import { t } from "../i18n/dictionary.ts";
import type { Language, ViewState } from "../state/viewState.ts";
import type { DistrictLinkTarget } from "./DistrictLink.tsx";
import { ChartTypeToggle, IndicatorPicker, PeriodRange, RegionFilter } from "./Controls.tsx";
import { PastedArticles } from "./PastedArticles.tsx";

export interface DataSourceProps {
  /** The CSV's name as shown (a path or the opened file's name). */
  name: string;
  loaded: Pick<LoadResult, "factCount" | "rowCount"> | undefined;
  /** A file the user opened is in use and the shipped data can be had back. */
  canGoBack: boolean;
  onOpenFile: (file: File) => void;
  onBack: () => void;
}

export function Sidebar(props: {
  lang: Language;
  state: Pick<ViewState, "indicator" | "from" | "to" | "chart">;
  update: (patch: Partial<ViewState>) => void;
  counts: ReadonlyMap<Indicator, number>;
  regions: readonly Region[];
  tableNames: ReadonlyMap<string, string>;
  shown: readonly string[];
  years: readonly number[];
  districtPage: DistrictLinkTarget;
  dataSource: DataSourceProps;
  pasted: readonly PastedArticle[];
  onRemovePasted: (source: string) => void;
}) {
  const { lang, state, update } = props;
  // On a narrow screen everything but the indicator folds behind one button, so the chart is in
  // the first screen; wider screens never show the button and always show the controls (CSS).
  const [open, setOpen] = useState(false);
  const moreId = useId();
  return (
    <aside className={open ? "sidebar open" : "sidebar"}>
      <IndicatorPicker
        lang={lang}
        value={state.indicator}
        counts={props.counts}
        onChange={(indicator) => update({ indicator, period: null, freq: null, subjects: null })}
      />
      <button
        type="button"
        className="filters-toggle"
        aria-expanded={open}
        aria-controls={moreId}
        data-testid="filters-toggle"
        onClick={() => setOpen((o) => !o)}
      >
        {t(lang, open ? "filtersHide" : "filtersShow")}
      </button>
      <div className="sidebar-more" id={moreId}>
        <RegionFilter
          lang={lang}
          regions={props.regions}
          tableNames={props.tableNames}
          selected={props.shown}
          onChange={(regions) => update({ regions })}
          page={props.districtPage}
        />
        <PeriodRange
          lang={lang}
          years={props.years}
          from={state.from}
          to={state.to}
          onChange={(range) => update(range)}
        />
        <ChartTypeToggle lang={lang} value={state.chart} onChange={(chart) => update({ chart })} />
        <DataSource lang={lang} {...props.dataSource} />
        <PastedArticles lang={lang} articles={props.pasted} onRemove={props.onRemovePasted} />
      </div>
    </aside>
  );
}

/** The CSV in use, with a button to open another (dropping one on the page works too). */
function DataSource(props: DataSourceProps & { lang: Language }) {
  const { lang, loaded } = props;
  const fileInputId = useId();
  return (
    <div className="control data-source">
      <p>
        {t(lang, "dataSource")}: <code data-testid="data-source">{props.name}</code>
        {loaded ? (
          <span className="hint">
            {" "}
            · {t(lang, "rowsLoaded", { facts: loaded.factCount, rows: loaded.rowCount })}
          </span>
        ) : null}
      </p>
      <label htmlFor={fileInputId} className="file-button">
        {t(lang, "openFile")}
      </label>
      <input
        id={fileInputId}
        className="visually-hidden"
        type="file"
        accept=".csv,text/csv"
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) props.onOpenFile(file);
          e.target.value = "";
        }}
      />
      <p className="hint">{t(lang, "dropHint")}</p>
      {props.canGoBack ? (
        <button type="button" onClick={props.onBack}>
          {t(lang, "backToShipped")}
        </button>
      ) : null}
    </div>
  );
}
