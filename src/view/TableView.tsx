// Every fact under the current filter, one page at a time: the worker filters, searches and sorts,
// so a million facts never become a million table rows in the DOM.
import { useId, useState } from "react";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import type { ParseClient } from "../data/parseClient.ts";
import type { FactRow } from "../model/contract.ts";
import type { FactFilter, FactSort, ReviewFilter, SortColumn } from "../model/facts.ts";
import { ReviewActions } from "../review/ReviewActions.tsx";
import { ReviewStateFilter } from "../review/ReviewStateFilter.tsx";
import { displayUnit, kindName, qualifierName, t, type LabelKey } from "../i18n/dictionary.ts";
import { displayValue, markedValue } from "../chart/format.ts";
import type { Language } from "../state/viewState.ts";
import { isReviewable, type PastedArticle } from "../model/pasted.ts";
import { DistrictLink, type DistrictLinkTarget } from "./DistrictLink.tsx";
import { fetchArticle, type SourceInfo } from "../data/metadata.ts";
import { articleLabel, articleName } from "../model/articleName.ts";
import { firstLine } from "../article/markdown.ts";

/** Articles of one page without a title in sources.csv whose first line is fetched to name them. */
const UNTITLED_FETCHED = 20;

export const PAGE_SIZE = 50;

const COLUMNS: { key: SortColumn; label: LabelKey }[] = [
  { key: "region", label: "region" },
  { key: "period", label: "period" },
  { key: "value", label: "value" },
  { key: "kind", label: "kind" },
  { key: "subject", label: "subject" },
  { key: "text", label: "text" },
  { key: "quote", label: "quote" },
  { key: "source", label: "source" },
  { key: "published", label: "published" },
];

export function TableView(props: {
  lang: Language;
  client: ParseClient;
  sourceKey: string;
  /** Articles pasted in this session, by their document id: their rows are marked. */
  pasted: ReadonlyMap<string, PastedArticle>;
  filter: FactFilter;
  search: string;
  onSearch: (s: string) => void;
  sort: FactSort;
  onSort: (s: FactSort) => void;
  disputed: boolean;
  onDisputed: (on: boolean) => void;
  regionName: (key: string) => string;
  /** Article metadata from sources.csv, to name each row's article. */
  sources: ReadonlyMap<string, SourceInfo>;
  onOpen: (fact: FactRow) => void;
  /** The region cell links to the district's page. */
  page: DistrictLinkTarget;
}) {
  const { lang, client, filter, sort, search } = props;
  const [page, setPage] = useState(0);
  const [review, setReview] = useState<ReviewFilter>("");
  const searchId = useId();
  const fullFilter = { ...filter, search, disputed: props.disputed, review };
  const query = useQuery({
    queryKey: ["page", props.sourceKey, fullFilter, sort, page],
    queryFn: () => client.page(fullFilter, sort, page * PAGE_SIZE, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const rows = query.data?.rows ?? [];
  // An article sources.csv gives no title is named by its first line (fetched, cached per id).
  const untitled = [
    ...new Set(
      rows
        .map((f) => f.source)
        .filter((id) => !props.sources.get(id)?.title && !props.pasted.has(id)),
    ),
  ].slice(0, UNTITLED_FETCHED);
  const firstLines = useQueries({
    queries: untitled.map((id) => ({
      queryKey: ["article-first-line", id],
      queryFn: async () => firstLine(await fetchArticle(id, props.sources)),
      staleTime: Infinity,
      retry: false,
    })),
  });
  const firstLineOf = new Map(untitled.map((id, i) => [id, firstLines[i]?.data]));
  const onSort = (column: SortColumn) => {
    setPage(0);
    props.onSort({ column, descending: sort.column === column ? !sort.descending : false });
  };

  const shownValue = (f: FactRow) =>
    `${markedValue(displayValue(f.value, f.unit), f.qualifier, lang)} ${displayUnit(lang, f.indicator, f.unit)}`;

  return (
    <div className="table-view">
      <div className="table-tools">
        <label htmlFor={searchId}>{t(lang, "tableSearch")}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => {
            setPage(0);
            props.onSearch(e.target.value);
          }}
        />
        <label className="inline">
          <input
            type="checkbox"
            data-testid="disputed"
            checked={props.disputed}
            onChange={(e) => {
              setPage(0);
              props.onDisputed(e.target.checked);
            }}
          />
          {t(lang, "onlyDisagreements")}
        </label>
        <ReviewStateFilter
          lang={lang}
          value={review}
          onChange={(value) => {
            setPage(0);
            setReview(value);
          }}
        />
        <span aria-live="polite" data-testid="table-count">
          {t(lang, "rowsFound", { n: total })}
        </span>
      </div>
      <div className="table-scroll">
        <table
          data-testid="table"
          data-ready={query.isSuccess && !query.isPlaceholderData ? "true" : "false"}
        >
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t(lang, "openSource")}</span>
              </th>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={
                    sort.column === c.key ? (sort.descending ? "descending" : "ascending") : "none"
                  }
                >
                  <button type="button" onClick={() => onSort(c.key)}>
                    {t(lang, c.label)}
                    <span aria-hidden="true">
                      {sort.column === c.key ? (sort.descending ? " ▼" : " ▲") : ""}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">{t(lang, "reviewActions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr
                key={f.index}
                data-line={f.line}
                data-fact-id={f.id}
                onClick={() => props.onOpen(f)}
              >
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={(e) => {
                      e.stopPropagation();
                      props.onOpen(f);
                    }}
                  >
                    {t(lang, "openSource")}
                  </button>
                </td>
                <td data-col="region">
                  <DistrictLink to={props.page} district={f.region}>
                    {props.regionName(f.region)}
                  </DistrictLink>
                </td>
                <td>{f.period}</td>
                <td className="number" title={qualifierName(lang, f.qualifier)}>
                  {shownValue(f)}
                </td>
                <td>{kindName(lang, f.kind)}</td>
                <td className="subject">{f.subject}</td>
                <td>{f.text}</td>
                <td className="quote">{f.quote}</td>
                <td data-col="source">
                  {props.pasted.has(f.source) ? (
                    <>
                      <span className="pasted-badge">{t(lang, "pastedBadge")}</span>{" "}
                      {props.pasted.get(f.source)!.title}
                    </>
                  ) : (
                    <span title={f.source} data-testid="article-name">
                      {articleLabel(
                        {
                          ...articleName(
                            f.source,
                            props.sources.get(f.source),
                            firstLineOf.get(f.source),
                          ),
                          published: "",
                        },
                        lang,
                      )}
                    </span>
                  )}
                </td>
                <td>{f.published}</td>
                <td data-col="review">
                  {/* An article pasted for the session is gone with the page: nothing to keep a
                  decision about. One kept in this browser stays, and is checked as any other. */}
                  {isReviewable(props.pasted.get(f.source)) ? <ReviewActions fact={f} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <button
          type="button"
          disabled={page === 0}
          onClick={() => setPage((p) => Math.max(0, p - 1))}
        >
          {t(lang, "previousPage")}
        </button>
        <span>{t(lang, "pageOf", { page: Math.min(page + 1, pages), pages })}</span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
          {t(lang, "nextPage")}
        </button>
      </div>
    </div>
  );
}
