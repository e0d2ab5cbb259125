// Messages that say what happened: loading, a file that could not be fetched, rows that broke
// the contract (with their file lines), and an empty selection.
import type { RowProblem } from "../model/contract.ts";
import type { TableProblem } from "../../extract/lib/index.ts";
import { FetchError } from "../data/parseClient.ts";
import type { FileProblem } from "../data/protocol.ts";
import { describeReason, t } from "../i18n/dictionary.ts";
import type { Language } from "../state/viewState.ts";

export function Loading(props: { lang: Language; parsing?: boolean }) {
  return (
    <p className="status" role="status" data-testid="loading">
      {t(props.lang, props.parsing ? "parsing" : "loading")}
    </p>
  );
}

/** A large indicator's figures being made ready on its first visit (see indicatorPoints.ts). */
export function Preparing(props: { lang: Language }) {
  return (
    <p className="status" role="status" data-testid="preparing">
      {t(props.lang, "preparing")}
    </p>
  );
}

export function LoadError(props: { lang: Language; error: unknown }) {
  const { error, lang } = props;
  let detail: string;
  let heading = t(lang, "fetchFailed");
  if (error instanceof FetchError) {
    const f = error.failure;
    if (f.kind === "encoding") heading = t(lang, "readFailed");
    detail =
      f.kind === "http"
        ? `${f.url} — HTTP ${f.status}${f.statusText ? ` ${f.statusText}` : ""}`
        : f.kind === "html"
          ? `${f.url} — ${t(lang, "htmlNotCsv")}`
          : f.kind === "encoding"
            ? `${f.url} — ${t(lang, "notText")} (${f.message})`
            : `${f.url} — ${f.message}`;
  } else {
    detail = error instanceof Error ? error.message : String(error);
  }
  return (
    <div className="status error" role="alert" data-testid="load-error">
      <strong>{heading}</strong>
      <p>{detail}</p>
    </div>
  );
}

export function BadCsvParam(props: { lang: Language; given: string }) {
  return (
    <div className="status error" role="alert" data-testid="load-error">
      <p>
        {t(props.lang, "badCsvParam")} <code>{props.given}</code>
      </p>
    </div>
  );
}

export function RowProblems(props: {
  lang: Language;
  fileName: string;
  fileProblem: FileProblem | null;
  problems: readonly RowProblem[];
  problemCount: number;
}) {
  const { lang, problems, problemCount, fileProblem, fileName } = props;
  if (fileProblem) {
    return (
      <div className="status error" role="alert" data-testid="row-problems">
        <strong>{t(lang, "fileProblem")}</strong> <code>{fileName}</code>:{" "}
        {fileProblem.kind === "empty"
          ? t(lang, "fileEmpty")
          : t(lang, "missingColumns", { columns: fileProblem.columns.join(", ") })}
      </div>
    );
  }
  if (!problemCount) return null;
  return (
    <details className="status warning" data-testid="row-problems" open>
      <summary>
        <code>{fileName}</code>: {problemCount} {t(lang, "badRows")}
        {problemCount > problems.length ? ` (${t(lang, "badRowsShown")} ${problems.length})` : ""}
      </summary>
      <ul>
        {problems.map((p) => (
          <li key={p.line} data-line={p.line}>
            {t(lang, "line_", { n: p.line })}:{" "}
            {p.reasons.map((r) => describeReason(lang, r)).join("; ")}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function RegionTableProblems(props: { lang: Language; problems: readonly TableProblem[] }) {
  if (!props.problems.length) return null;
  return (
    <details className="status warning">
      <summary>{t(props.lang, "regionProblems")}</summary>
      <ul>
        {props.problems.map((p, i) => (
          <li key={i}>
            {p.file}:{p.line} {p.field ?? ""} {p.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function Empty(props: { lang: Language; noRegions: boolean }) {
  return (
    <p className="status empty" role="status" data-testid="empty">
      {t(props.lang, props.noRegions ? "noRegions" : "noData")}
    </p>
  );
}
