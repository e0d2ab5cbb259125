// 数据表: every fact under the filter, searchable and sortable, with its review actions. The
// table (and its review tools) loads when its tab first opens: the first view is a chart, and the
// first download has a budget (README, "Benchmarks").
import { lazy, Suspense } from "react";
import { t } from "../../i18n/dictionary.ts";
import { chartSelection, indicatorHeading } from "../shared.ts";
import { ViewExport } from "../ViewExport.tsx";
import type { ViewProps, ViewRecord } from "../types.ts";

const TableView = lazy(() =>
  import("../../view/TableView.tsx").then((m) => ({ default: m.TableView })),
);

function TableBody({ ctx, client }: ViewProps) {
  const { lang, state, update, data, selection } = ctx;
  return (
    <>
      <Suspense fallback={<p role="status">{t(lang, "loading")}</p>}>
        <TableView
          key={JSON.stringify(selection.filter)}
          lang={lang}
          client={client}
          sourceKey={data.dataKey}
          pasted={data.pastedBySource}
          filter={selection.filter}
          search={state.search}
          onSearch={(search) => update({ search }, state.search ? "replace" : "push")}
          sort={state.sort}
          onSort={(sort) => update({ sort })}
          disputed={state.disputed}
          onDisputed={(disputed) => update({ disputed })}
          regionName={data.nameOf}
          sources={data.sources}
          onOpen={(fact) => ctx.openSources({ fact: fact.index })}
          page={ctx.districtPage}
        />
      </Suspense>
      <ViewExport ctx={ctx} client={client} image={null} />
    </>
  );
}

export const tableView: ViewRecord = {
  id: "table",
  label: "viewTable",
  tab: true,
  select: (state, derived) => {
    const base = chartSelection(state, derived);
    return {
      ...base,
      filter: { ...base.filter, disputed: state.disputed },
      search: state.search,
    };
  },
  heading: indicatorHeading,
  chart: null,
  exportText: null,
  downloads: true,
  needsFacts: true,
  keepMounted: false,
  Body: TableBody,
};
