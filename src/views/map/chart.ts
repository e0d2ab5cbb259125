// The map's pure pieces: its option builder and its text for screen readers.
import type { Point } from "../../model/aggregate.ts";
import { buildMapOption, type MapConfig } from "../../chart/map.ts";
import { indicatorName, t } from "../../i18n/dictionary.ts";

/** The period mapped and its district-wide points. */
export interface MappedRows {
  period: string | null;
  points: readonly Point[];
}

export const mapChart = {
  option: (config: MapConfig, rows: MappedRows) =>
    rows.period ? buildMapOption(config, rows.period, rows.points) : null,
  describe: (config: MapConfig, rows: MappedRows) =>
    t(config.lang, "mapAria", {
      indicator: indicatorName(config.lang, config.indicator),
      period: rows.period ?? "",
    }),
};
