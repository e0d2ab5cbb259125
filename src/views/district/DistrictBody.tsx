// A district's page with its downloads: loaded when a district's page is first opened, with the
// page's rows, its component and the builder of its exported image.
import { useMemo } from "react";
import { pointAt, type Point } from "../../model/aggregate.ts";
import { deriveDistrict, type DistrictRow } from "../../chart/districtRows.ts";
import { buildDistrictOption } from "../../chart/district.ts";
import { t } from "../../i18n/dictionary.ts";
import DistrictPage from "../../view/DistrictPage.tsx";
import { sourceLine } from "../shared.ts";
import { ViewExport } from "../ViewExport.tsx";
import type { ViewProps } from "../types.ts";

/** The width of a district page's exported image, in CSS pixels. */
const DISTRICT_EXPORT_WIDTH = 800;

export default function DistrictBody({ ctx, client }: ViewProps) {
  const { lang, state, data } = ctx;
  const { pointTable } = data;
  // The district the page is about, if the region table has it.
  const district =
    state.district && data.tableKeys.includes(state.district) ? state.district : null;
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
    const text = ctx.record.exportText;
    if (!district || !text) return null;
    const { option, height } = buildDistrictOption(rows, lang);
    const ids = rows.flatMap((r) =>
      [r.latest, r.growth].filter((p): p is Point => p !== null).map((p) => p.id),
    );
    const behind = await client.sources(ids);
    return {
      option,
      text: { ...text(ctx), sourceLine: sourceLine(lang, behind, data.sources) },
      width: DISTRICT_EXPORT_WIDTH,
      height,
    };
  };
  return (
    <>
      {district ? (
        <DistrictPage
          lang={lang}
          rows={rows}
          onOpenReports={(point) => ctx.openSources({ point })}
        />
      ) : (
        <p role="alert">
          {t(lang, "districtUnknown")} {state.district ?? ""}
        </p>
      )}
      <ViewExport ctx={ctx} client={client} image={image} stem={district ?? undefined} />
    </>
  );
}
