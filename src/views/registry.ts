// Every view, once, in tab order. A new view is a folder under src/views and one line here.
import type { ViewRecord } from "./types.ts";
import { chartView } from "./chart/index.tsx";
import { compareView } from "./compare/index.tsx";
import { mapView } from "./map/index.tsx";
import { tableView } from "./table/index.tsx";
import { analyseView } from "./analyse/index.tsx";
import { districtView } from "./district/index.tsx";

export const VIEW_RECORDS: readonly ViewRecord[] = [
  chartView,
  compareView,
  mapView,
  tableView,
  analyseView,
  districtView,
];

export const VIEW_IDS: readonly string[] = VIEW_RECORDS.map((v) => v.id);

/** The record of a view id; the first (the time chart) for any other. */
export const viewRecord = (id: string): ViewRecord =>
  VIEW_RECORDS.find((v) => v.id === id) ?? VIEW_RECORDS[0]!;
