// A district's page (概况): every indicator the district has, opened from a district's name; no
// tab. The page itself loads when one is first opened; its image is drawn only for export.
import { lazy, Suspense, useMemo } from "react";
import { pointAt, type Point } from "../../model/aggregate.ts";
import { deriveDistrict, type DistrictRow } from "../../chart/districtRows.ts";
import { buildDistrictOption } from "../../chart/district.ts";
import { t } from "../../i18n/dictionary.ts";
import type { ViewState } from "../../state/viewState.ts";
import { chartSelection, sourceLine } from "../shared.ts";
import { ViewExport } from "../ViewExport.tsx";
import type { ViewProps, ViewRecord } from "../types.ts";

const DistrictPage = lazy(() => import("../../view/DistrictPage.tsx"));
/** The width of a district page's exported image, in CSS pixels. */
const DISTRICT_EXPORT_WIDTH = 800;

/** The district the page is about, if the region table has it. */
const districtOf = (state: ViewState, tableKeys: readonly string[]) =>
  state.district && tableKeys.includes(state.district) ? state.district : null;

function DistrictBody({ ctx, client }: ViewProps) {
  const { lang, state, data } = ctx;
  const { pointTable } = data;
  const district = districtOf(state, data.tableKeys);
  // Every indicator's points of the district, from the typed columns.
  const rows: DistrictRow[] = useMemo(() => {
    if (!district || !pointTable) return [];
    const code = pointTable.regionKeys.indexOf(district);
    const points: Point[] = [];
    for (let i = 0; i < pointTable.count; i++)
      if (pointTable.region[i] === code) points.push(pointAt(pointTable, i));
    return deriveDistrict(points, district);
  }, [district, pointTable]);
  const image = async () => {
    if (!district) return null;
    const { option, height } = buildDistrictOption(rows, lang);
    const ids = rows.flatMap((r) =>
      [r.latest, r.growth].filter((p): p is Point => p !== null).map((p) => p.id),
    );
    const behind = await client.sources(ids);
    const text = ctx.record.exportText?.(ctx) ?? { title: "", subtitle: "" };
    return {
      option,
      text: { ...text, sourceLine: sourceLine(lang, behind, data.sources) },
      width: DISTRICT_EXPORT_WIDTH,
      height,
    };
  };
  return (
    <>
      {district ? (
        <Suspense fallback={<p role="status">{t(lang, "loading")}</p>}>
          <DistrictPage
            lang={lang}
            rows={rows}
            onOpenReports={(point) => ctx.openSources({ point })}
          />
        </Suspense>
      ) : (
        <p role="alert">
          {t(lang, "districtUnknown")} {state.district ?? ""}
        </p>
      )}
      <ViewExport ctx={ctx} client={client} image={image} stem={district ?? undefined} />
    </>
  );
}

export const districtView: ViewRecord = {
  id: "district",
  label: "viewDistrict",
  tab: false,
  select: chartSelection,
  // The page's title is the district's name.
  heading: (ctx) => ({
    title: ctx.state.district ? ctx.data.nameOf(ctx.state.district) : "",
    hint: t(ctx.lang, "viewDistrict"),
    id: "district-title",
  }),
  chart: null,
  exportText: (ctx) => ({
    title: ctx.state.district ? ctx.data.nameOf(ctx.state.district) : "",
    subtitle: t(ctx.lang, "viewDistrict"),
  }),
  downloads: true,
  needsFacts: true,
  keepMounted: false,
  Body: DistrictBody,
};
