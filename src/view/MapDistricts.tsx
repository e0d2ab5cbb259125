// The districts of the map as buttons: what a click on the map does, from the keyboard, and each
// district's figure (or "no figure") in words.
import { t } from "../i18n/dictionary.ts";
import type { Language } from "../state/viewState.ts";
import { DistrictLink, type DistrictLinkTarget } from "./DistrictLink.tsx";

export interface MapDistrict {
  key: string;
  name: string;
  /** The figure as drawn with its unit, or null when the district has none. */
  figure: string | null;
  pressed: boolean;
}

export function MapDistricts(props: {
  lang: Language;
  districts: readonly MapDistrict[];
  onPick: (key: string) => void;
  /** Each district's page, linked beside its button. */
  page: DistrictLinkTarget;
}) {
  const { lang } = props;
  return (
    <nav aria-label={t(lang, "mapDistricts")} className="map-districts" data-testid="map-districts">
      <ul>
        {props.districts.map((d) => (
          <li key={d.key}>
            <button
              type="button"
              data-region={d.key}
              aria-pressed={d.pressed}
              className={d.figure === null ? "no-figure" : undefined}
              onClick={() => props.onPick(d.key)}
            >
              <span className="map-district-name">{d.name}</span>{" "}
              <span className="map-district-figure">{d.figure ?? t(lang, "noFigure")}</span>
            </button>{" "}
            <DistrictLink to={props.page} district={d.key}>
              {t(lang, "districtLink")}
            </DistrictLink>
          </li>
        ))}
      </ul>
      <p className="hint">{t(lang, "mapHint")}</p>
    </nav>
  );
}
