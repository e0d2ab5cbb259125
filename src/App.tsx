// The dashboard: data (regions, sources, facts from the worker) → the view state's selection →
// the registered views (src/views). What a view shows derives from the ViewState and the loaded
// data in pure functions; side effects live in hooks; this file composes them and knows no view.
import { useState } from "react";
import { t } from "./i18n/dictionary.ts";
import { useViewState } from "./state/useViewState.ts";
import { useDashboardData } from "./hooks/useDashboardData.ts";
import { LanguageSwitch } from "./view/Controls.tsx";
import { PanelTitle } from "./view/PanelHeading.tsx";
import { Tabs, panelId, tabId } from "./view/Tabs.tsx";
import { Sidebar } from "./view/Sidebar.tsx";
import { ReviewContext } from "./review/ReviewContext.tsx";
import { ReviewBar } from "./review/ReviewBar.tsx";
import { VIEW_IDS, VIEW_RECORDS } from "./views/registry.ts";
import { useViewContext } from "./views/useViewContext.ts";
import { ViewSlot } from "./views/ViewSlot.tsx";
import { PanelStatus } from "./views/PanelStatus.tsx";
import { Dialogs } from "./views/Dialogs.tsx";

const TABS = VIEW_RECORDS.filter((v) => v.tab);

export function App() {
  const [state, update] = useViewState(VIEW_IDS);
  const { lang } = state;
  const data = useDashboardData(lang, state.indicator, update);
  const { ctx, record, opened, sourcesOf, closeSources } = useViewContext(state, update, data);
  const [queueOpen, setQueueOpen] = useState(false);
  const heading = record.heading(ctx);
  const { csv, loaded } = data;

  return (
    <ReviewContext.Provider value={data.reviewApi}>
      <div className="app">
        <header className="app-header">
          <div>
            <h1>{t(lang, "appTitle")}</h1>
            <p className="subtitle">{t(lang, "appSubtitle")}</p>
          </div>
          <LanguageSwitch lang={lang} onChange={(l) => update({ lang: l })} />
        </header>
        <div className="layout">
          <Sidebar
            lang={lang}
            state={state}
            update={update}
            counts={data.counts}
            regions={data.regionTable}
            tableNames={data.tableNames}
            shown={ctx.derived.regions}
            years={ctx.derived.years}
            districtPage={ctx.districtPage}
            dataSource={{
              name: csv.name,
              loaded,
              canGoBack: !!csv.userFile && csv.location.ok,
              onOpenFile: csv.openFile,
              onBack: csv.closeFile,
            }}
            pasted={data.pasted}
            onRemovePasted={data.removePasted}
          />
          <main className="main">
            {loaded ? <ReviewBar onOpenQueue={() => setQueueOpen(true)} /> : null}
            <Tabs
              lang={lang}
              views={TABS}
              value={state.view}
              onChange={(view) => update({ view })}
            />
            <section
              id={panelId(state.view)}
              role="tabpanel"
              aria-labelledby={heading.id ?? tabId(state.view)}
              className="panel"
            >
              <PanelTitle {...heading} />
              <PanelStatus lang={lang} data={data} />
              {VIEW_RECORDS.map((view) => (
                <ViewSlot
                  key={view.id}
                  record={view}
                  ctx={ctx}
                  shown={view.id === record.id}
                  opened={opened.has(view.id)}
                  factsReady={data.factsReady}
                  regionsReady={data.regionsQuery.data !== undefined}
                />
              ))}
            </section>
          </main>
        </div>
        <Dialogs
          lang={lang}
          data={data}
          sourcesOf={sourcesOf}
          onCloseSources={closeSources}
          queueOpen={queueOpen}
          onCloseQueue={() => setQueueOpen(false)}
        />
      </div>
    </ReviewContext.Provider>
  );
}
