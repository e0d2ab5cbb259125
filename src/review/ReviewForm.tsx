// 更正 and 补录: the fact's fields in a form, labelled 指标, 地区, 时期, 数值, 限定, 类型, 对象,
// 备注, prefilled. On save the fields are checked as a contract row is (checkFactFields, the
// check `npm run extract` makes of reviews.csv); a refused field is named and nothing is kept.
import { useEffect, useId, useRef, useState } from "react";
import { useModalDialog } from "../hooks/useModalDialog.ts";
import {
  checkFactFields,
  implausibleValue,
  INDICATORS,
  KINDS,
  QUALIFIERS,
  type FactField,
  type FactFieldsInput,
  type FieldProblem,
  type Implausible,
} from "../../extract/lib/index.ts";
import {
  displayUnit,
  indicatorName,
  kindName,
  qualifierName,
  t,
  type LabelKey,
} from "../i18n/dictionary.ts";
import type { Indicator, Unit } from "../model/contract.ts";
import type { Language } from "../state/viewState.ts";
import { describeWriteFailure, type WriteFailure } from "../i18n/writeErrors.ts";

const FIELD_LABEL: Record<FactField, LabelKey> = {
  indicator: "fieldIndicator",
  region: "fieldRegion",
  period: "fieldPeriod",
  value: "fieldValue",
  unit: "fieldValue",
  qualifier: "fieldQualifier",
  kind: "fieldKind",
  subject: "fieldSubject",
};

/** A refused field in the reader's language: the field's label, then why. */
export function describeFieldProblem(lang: Language, p: FieldProblem): string {
  const label = t(lang, FIELD_LABEL[p.field]);
  if (lang === "en") return `${label}: ${p.message}`;
  const zh: Record<FactField, string> = {
    indicator: "不是有效的指标",
    region: "不在地区表中",
    period: "不是有效时期(YYYY、YYYY-Qn、YYYY-Hn、YYYY-MM、YYYY-MM-DD 或 A/B)",
    value: p.message.startsWith("a count")
      ? "计数必须是整数"
      : p.message.startsWith("an amount in CNY")
        ? t(lang, "valueWholeYuan")
        : "不是数字",
    unit: "单位与指标不符",
    qualifier: "不是有效的限定",
    kind: "不是有效的类型",
    subject: "无效",
  };
  return `${label}:${zh[p.field]}(${p.message})`;
}

/** A value as a reader writes it, exactly (0.001亿元, not rounded to 0): money in 亿元. */
function readerValue(lang: Language, indicator: Indicator, unit: Unit, value: number): string {
  const shown = unit === "CNY" ? Number((value / 1e8).toPrecision(6)) : value;
  const text =
    Math.abs(shown) >= 1e6
      ? shown.toLocaleString(lang === "zh" ? "zh-CN" : "en-US")
      : String(shown);
  const word = displayUnit(lang, indicator, unit);
  return unit === "percent" || lang === "zh" ? `${text}${word}` : `${text} ${word}`;
}

/** The warning for a value outside its indicator's plausible range, naming the field. */
export function describeImplausible(lang: Language, indicator: Indicator, w: Implausible): string {
  const unit = w.unit as Unit;
  return t(lang, "plausibleWarning", {
    field: t(lang, "fieldValue"),
    value: readerValue(lang, indicator, unit, w.value),
    indicator: indicatorName(lang, indicator),
    low: readerValue(lang, indicator, unit, w.low),
    high: readerValue(lang, indicator, unit, w.high),
  });
}

export interface ReviewFormValues extends FactFieldsInput {
  note: string;
}

export function ReviewForm(props: {
  lang: Language;
  title: string;
  /** The number in the text the decision is about, shown above the fields. */
  number: string;
  initial: ReviewFormValues;
  regions: readonly { key: string; name: string }[];
  /** Called with checked fields; resolves to an error from saving, or null when kept. */
  onSave: (values: ReviewFormValues) => Promise<WriteFailure | null>;
  onClose: () => void;
  /** Opens with 数值 focused and selected (a correction is most often of the value): C, the
   * digits, Enter. Else the first field, as a dialog opens. */
  focusValue?: boolean;
}) {
  const { lang } = props;
  const id = useId();
  const dialog = useModalDialog(props.onClose);
  const valueInput = useRef<HTMLInputElement>(null);
  // After the dialog opened (its own focus went to the first field): the value, selected.
  const { focusValue } = props;
  useEffect(() => {
    if (!focusValue) return;
    valueInput.current?.focus();
    valueInput.current?.select();
  }, [focusValue]);
  const [values, setValues] = useState(props.initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  // A value outside its indicator's plausible range is kept only once the person has said, for
  // that very value, that it is right: after a save was tried, the warning names the field, and
  // its box (checked for the indicator and value it was checked for) lets the save go on.
  const [warned, setWarned] = useState(false);
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const implausible = implausibleValue(values);
  const valueKey = `${values.indicator.trim()}|${values.value.trim()}`;
  const confirmed = implausible !== null && confirmedFor === valueKey;

  const set = (field: keyof ReviewFormValues) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const refused = checkFactFields(values, new Set(props.regions.map((r) => r.key)));
    if (refused.length) {
      setProblems(refused.map((p) => describeFieldProblem(lang, p)));
      return;
    }
    setProblems([]);
    if (implausible && !confirmed) {
      setWarned(true);
      return;
    }
    setSaving(true);
    const failed = await props.onSave(values);
    setSaving(false);
    if (failed)
      setProblems([
        `${t(lang, "reviewSaveFailed")}${lang === "zh" ? "：" : ": "}${describeWriteFailure(lang, failed)}`,
      ]);
    else dialog.current?.close();
  };
  const field = (name: keyof ReviewFormValues, control: React.ReactNode) => (
    <div className="review-field">
      <label htmlFor={`${id}-${name}`}>
        {t(lang, FIELD_LABEL[name as FactField] ?? "fieldNote")}
      </label>
      {control}
    </div>
  );
  const text = (name: keyof ReviewFormValues) => (
    <input
      id={`${id}-${name}`}
      ref={name === "value" ? valueInput : undefined}
      name={name}
      value={values[name]}
      onChange={(e) => set(name)(e.target.value)}
    />
  );
  const select = (name: keyof ReviewFormValues, options: { value: string; label: string }[]) => (
    <select
      id={`${id}-${name}`}
      name={name}
      value={values[name]}
      onChange={(e) => set(name)(e.target.value)}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  return (
    <dialog
      ref={dialog}
      className="review-form"
      aria-labelledby={`${id}-title`}
      data-testid="review-form"
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{props.title}</h2>
        <p>
          {t(lang, "formNumber")}: <mark className="number">{props.number}</mark>
        </p>
        {field(
          "indicator",
          select(
            "indicator",
            INDICATORS.map((i) => ({ value: i, label: `${indicatorName(lang, i)} (${i})` })),
          ),
        )}
        {field(
          "region",
          select(
            "region",
            props.regions.map((r) => ({ value: r.key, label: r.name })),
          ),
        )}
        {field("period", text("period"))}
        {field("value", text("value"))}
        {field(
          "qualifier",
          select(
            "qualifier",
            QUALIFIERS.map((q) => ({ value: q, label: qualifierName(lang, q) })),
          ),
        )}
        {field(
          "kind",
          select(
            "kind",
            KINDS.map((k) => ({ value: k, label: kindName(lang, k) })),
          ),
        )}
        {field("subject", text("subject"))}
        <div className="review-field">
          <label htmlFor={`${id}-note`}>{t(lang, "fieldNote")}</label>
          {text("note")}
        </div>
        {warned && implausible ? (
          <div role="alert" className="review-problems" data-testid="review-implausible">
            <p>{describeImplausible(lang, values.indicator.trim() as Indicator, implausible)}</p>
            <label>
              <input
                type="checkbox"
                data-testid="review-implausible-confirm"
                checked={confirmed}
                onChange={(e) => setConfirmedFor(e.target.checked ? valueKey : null)}
              />{" "}
              {t(lang, "plausibleConfirm", {
                value: readerValue(
                  lang,
                  values.indicator.trim() as Indicator,
                  implausible.unit as Unit,
                  implausible.value,
                ),
              })}
            </label>
          </div>
        ) : null}
        {problems.length ? (
          <div role="alert" className="review-problems" data-testid="review-problems">
            <p>{t(lang, "formRefused")}</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="review-form-buttons">
          <button type="submit" disabled={saving}>
            {t(lang, "save")}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t(lang, "cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
