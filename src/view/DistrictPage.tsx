// A district's page: per indicator its latest district-wide figure, growth, trend and reports, each
// report count opening the sources view. Loaded when a district's page is first opened.
import { INDICATOR_UNIT } from "../model/contract.ts";
import type { Point } from "../model/aggregate.ts";
import { figureText, growthText, subjectFigureText } from "../chart/district.ts";
import { displayValue, formatNumber } from "../chart/format.ts";
import { indicatorLabel, indicatorName, t } from "../i18n/dictionary.ts";
import { sparkline, type DistrictRow } from "../chart/districtRows.ts";
import type { Language } from "../state/viewState.ts";

const SPARK_WIDTH = 120;
const SPARK_HEIGHT = 28;

function Reports(props: { lang: Language; point: Point; onOpen: (point: number) => void }) {
  const { lang, point } = props;
  return (
    <button
      type="button"
      className="link"
      data-testid="reports"
      onClick={() => props.onOpen(point.id)}
    >
      {t(lang, "reportedBy", { n: point.sourceCount })}
    </button>
  );
}

export default function DistrictPage(props: {
  lang: Language;
  rows: readonly DistrictRow[];
  onOpenReports: (point: number) => void;
}) {
  const { lang, rows } = props;
  return (
    <div className="district-page" data-testid="district-page">
      <p className="hint">{t(lang, "districtIntro")}</p>
      <div className="table-scroll">
        <table className="district-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, "indicator")}</th>
              <th scope="col">{t(lang, "latestFigure")}</th>
              <th scope="col">{t(lang, "growth")}</th>
              <th scope="col">{t(lang, "trend")}</th>
              <th scope="col">{t(lang, "reports")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const { latest, growth } = row;
              const unit = INDICATOR_UNIT[row.indicator];
              const points = sparkline(
                row.trend.map((p) => p.value),
                SPARK_WIDTH,
                SPARK_HEIGHT,
              );
              return (
                <tr
                  key={row.indicator}
                  data-indicator={row.indicator}
                  data-empty={latest || growth || row.subjects.length ? undefined : "true"}
                  data-subjects={!latest && !growth && row.subjects.length ? "true" : undefined}
                >
                  <th scope="row">{indicatorLabel(lang, row.indicator, unit)}</th>
                  <td data-testid="latest">
                    {latest ? (
                      <>
                        <span className="period">{latest.period}</span>{" "}
                        <strong className="number" data-testid="latest-value">
                          {figureText(latest, lang)}
                        </strong>
                      </>
                    ) : row.subjects.length ? (
                      <>
                        <span className="hint">{t(lang, "subjectOnlyHint")}</span>
                        <ul className="subject-figures">
                          {row.subjects.map((p) => (
                            <li key={p.id} data-testid="subject-figure">
                              <span className="period">{p.period}</span>{" "}
                              <strong className="number">{subjectFigureText(p, lang)}</strong>
                            </li>
                          ))}
                        </ul>
                        {row.subjectCount > row.subjects.length ? (
                          <span className="hint">
                            {t(lang, "moreSubjects", {
                              n: row.subjectCount - row.subjects.length,
                            })}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      <span className="hint">{t(lang, "noFigureYet")}</span>
                    )}
                  </td>
                  <td data-testid="growth">
                    {growth ? (
                      <>
                        {latest ? null : <span className="period">{growth.period} </span>}
                        <span className="number">{growthText(growth, lang)}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {row.trend.length > 1 ? (
                      <svg
                        className="sparkline"
                        width={SPARK_WIDTH}
                        height={SPARK_HEIGHT}
                        viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
                        role="img"
                        aria-label={t(lang, "trendAria", {
                          indicator: indicatorName(lang, row.indicator),
                          values: row.trend
                            .map(
                              (p) =>
                                `${p.period} ${formatNumber(displayValue(p.value, unit), lang)}`,
                            )
                            .join(lang === "zh" ? ";" : "; "),
                        })}
                      >
                        <polyline points={points} fill="none" stroke="#1f5fa8" strokeWidth={1.5} />
                      </svg>
                    ) : null}
                  </td>
                  <td>
                    {latest ? (
                      <Reports lang={lang} point={latest} onOpen={props.onOpenReports} />
                    ) : null}
                    {row.subjects.map((p, i) => (
                      <span key={p.id}>
                        {i ? <br /> : null}
                        <Reports lang={lang} point={p} onOpen={props.onOpenReports} />
                      </span>
                    ))}
                    {growth ? (
                      <>
                        {latest ? <br /> : null}
                        <span className="hint">{t(lang, "growth")}: </span>
                        <Reports lang={lang} point={growth} onOpen={props.onOpenReports} />
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
