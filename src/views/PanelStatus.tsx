// The panel's messages above any view: problems in the region table and in the facts' rows, then
// what stands before the views (a refused ?csv=, a failed load, the load running).
import type { Language } from "../model/language.ts";
import type { LoadedData } from "../hooks/useDashboardData.ts";
import {
  BadCsvParam,
  LoadError,
  Loading,
  RegionTableProblems,
  RowProblems,
} from "../view/Status.tsx";

export function PanelStatus(props: { lang: Language; data: LoadedData }) {
  const { lang, data } = props;
  const { loaded, csv } = data;
  const tables = data.regionsQuery.data;
  return (
    <>
      {tables ? <RegionTableProblems lang={lang} problems={tables.regionProblems} /> : null}
      {loaded ? (
        <RowProblems
          lang={lang}
          fileName={csv.name}
          fileProblem={loaded.fileProblem}
          problems={loaded.problems}
          problemCount={loaded.problemCount}
        />
      ) : null}
      {data.csvRefused ? (
        <BadCsvParam lang={lang} given={csv.location.ok ? "" : csv.location.given} />
      ) : data.loadFailed ? (
        <LoadError lang={lang} error={data.loadFailed} />
      ) : !loaded || !data.client ? (
        <Loading lang={lang} parsing={data.regionsQuery.isSuccess} />
      ) : null}
    </>
  );
}
