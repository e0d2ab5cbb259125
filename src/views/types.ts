// What a view is: one record per folder under src/views, listed once in registry.ts. The page
// loops over the records; nothing outside a view's folder knows which views there are.
import type { ComponentType } from "react";
import type { EChartsCoreOption } from "echarts/core";
import type { Point } from "../model/aggregate.ts";
import type { Unit } from "../model/contract.ts";
import type { FactFilter } from "../model/facts.ts";
import type { AheadItems, ChartConfig } from "../chart/timeSeries.ts";
import type { LabelKey } from "../i18n/dictionary.ts";
import type { Language } from "../model/language.ts";
import type { Dashboard } from "../state/derive.ts";
import type { UpdateView } from "../state/useViewState.ts";
import type { ViewState } from "../state/viewState.ts";
import type { DistrictLinkTarget } from "../view/DistrictLink.tsx";
import type { LoadedData } from "../hooks/useDashboardData.ts";
import type { ParseClient } from "../data/parseClient.ts";

/** What a view shows of the loaded data, derived from the view state in a pure function. */
export interface ViewSelection {
  /** The points the view draws (their articles are the exported image's sources). */
  points: readonly Point[];
  /** The period or span shown, for the panel's title and the exported file's name. */
  periodText: string;
  /** The facts its table and its CSV download list. */
  filter: FactFilter;
  /** The search text the CSV download applies. */
  search: string;
}

/** The panel's heading for a view. */
export interface ViewHeading {
  title: string;
  hint: string;
  /** The heading's id when it names the panel (else the tab does). */
  id?: string;
}

/** Opens the sources dialog: the facts behind a drawn point, or behind a table row's fact. */
export type SourcesOf = { point: number } | { fact: number };

/** A view body's props: its context, and the parse worker (there before any body shows). */
export interface ViewProps {
  ctx: ViewContext;
  client: ParseClient;
}

/** Everything a view's body reads: the data, the view state and its derivation, the actions. */
export interface ViewContext {
  record: ViewRecord;
  state: ViewState;
  update: UpdateView;
  lang: Language;
  data: LoadedData;
  derived: Dashboard;
  selection: ViewSelection;
  unit: Unit;
  /** The time chart's configuration; the other charts take what they need of it. */
  chartConfig: ChartConfig & { showSubjects: boolean };
  /** An article's name for a reader, from sources.csv or a pasted article. */
  articleName: (source: string) => string;
  districtPage: DistrictLinkTarget;
  openSources: (of: SourcesOf) => void;
  /**
   * A large indicator's points are still being made (its first visit, a slice a task: see
   * indicatorPoints.ts); `derived` has none of them yet.
   */
  preparing: boolean;
}

/**
 * One view. `C` and `R` are its chart's configuration and rows: the option builder and the
 * screen-reader description are pure, tested without a DOM.
 */
export interface ViewRecord<C = never, R = never> {
  id: string;
  /** Its name, a key of src/i18n/dictionary.ts. */
  label: LabelKey;
  /** Whether it has a tab (a district's page opens from a district's name instead). */
  tab: boolean;
  /** The selection it needs: the points it draws, its period, the facts it lists. */
  select: (state: ViewState, derived: Dashboard) => ViewSelection;
  /** Its heading over the panel. */
  heading: (ctx: ViewContext) => ViewHeading;
  /** The chart it draws on screen, or null. */
  chart: {
    option: (config: C, rows: R) => EChartsCoreOption | null;
    /** The chart's text for screen readers (its aria-label). */
    describe: (config: C, rows: R) => string;
  } | null;
  /**
   * Work its first drawing of a large indicator would do over every point, done ahead in steps
   * (each `yield` ends a task: see useIndicatorPoints), from the derivation that render will use;
   * what it makes is kept where the render finds it. None for a view with nothing to do ahead.
   */
  prepare?: (
    state: ViewState,
    derived: Dashboard,
    unit: Unit,
    ahead: AheadItems | undefined,
  ) => Generator<void, void>;
  /** The exported image's title and subtitle, or null when the view exports no image. */
  exportText: ((ctx: ViewContext) => { title: string; subtitle: string }) | null;
  /** Whether the view offers downloads at all (CSV, and the image when it has exportText). */
  downloads: boolean;
  /** Needs the facts loaded (else it shows with the region table alone). */
  needsFacts: boolean;
  /** Stays mounted (hidden) once opened, so what was typed in it survives a change of tab. */
  keepMounted: boolean;
  Body: ComponentType<ViewProps>;
}
