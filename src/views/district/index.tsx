// A district's page (概况): every indicator the district has, opened from a district's name; no
// tab. The page loads when one is first opened (DistrictBody); its image is drawn only for export.
import { lazy, Suspense } from "react";
import { t } from "../../i18n/dictionary.ts";
import { chartSelection } from "../shared.ts";
import type { ViewProps, ViewRecord } from "../types.ts";

const DistrictBody = lazy(() => import("./DistrictBody.tsx"));

const name = (ctx: Parameters<ViewRecord["heading"]>[0]) =>
  ctx.state.district ? ctx.data.nameOf(ctx.state.district) : "";

export const districtView: ViewRecord = {
  id: "district",
  label: "viewDistrict",
  tab: false,
  select: chartSelection,
  // The page's title is the district's name.
  heading: (ctx) => ({ title: name(ctx), hint: t(ctx.lang, "viewDistrict"), id: "district-title" }),
  chart: null,
  exportText: (ctx) => ({ title: name(ctx), subtitle: t(ctx.lang, "viewDistrict") }),
  downloads: true,
  needsFacts: true,
  keepMounted: false,
  Body: (props: ViewProps) => (
    <Suspense fallback={<p role="status">{t(props.ctx.lang, "loading")}</p>}>
      <DistrictBody {...props} />
    </Suspense>
  ),
};
