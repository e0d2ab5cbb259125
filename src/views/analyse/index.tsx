// 分析文章: paste or open an article, see what the extractor reads in it, add its figures to the
// dashboard. The panel carries its own worker with the extractor: loaded when first opened, and
// kept (hidden) after, so a pasted text survives a change of tab.
import { lazy, Suspense } from "react";
import { t } from "../../i18n/dictionary.ts";
import { chartSelection } from "../shared.ts";
import type { ViewProps, ViewRecord } from "../types.ts";

const AnalysePanel = lazy(() => import("../../view/AnalysePanel.tsx"));

function AnalyseBody({ ctx }: ViewProps) {
  const { lang, data } = ctx;
  return (
    <Suspense fallback={<p role="status">{t(lang, "loading")}</p>}>
      <AnalysePanel
        lang={lang}
        regions={data.regionTable}
        regionName={data.nameOf}
        added={data.addedSources}
        onAdd={data.addPasted}
        sources={data.sources}
        onRemove={data.removePasted}
      />
    </Suspense>
  );
}

export const analyseView: ViewRecord = {
  id: "analyse",
  label: "viewAnalyse",
  tab: true,
  select: chartSelection,
  heading: (ctx) => ({ title: t(ctx.lang, "viewAnalyse"), hint: "" }),
  chart: null,
  exportText: null,
  downloads: false,
  needsFacts: false,
  keepMounted: true,
  Body: AnalyseBody,
};
