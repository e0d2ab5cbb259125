// Boundaries → the region table. A boundary file is plain GeoJSON; each feature is matched to a
// row of the region table by its adcode (the feature's id, or an adcode property), and only
// when it has none by its name — never by its position in the file. The matched features are
// renamed to their region keys, so the map series names its areas by key whatever the file's
// language or spelling.
import type { Region } from "../../extract/lib/index.ts";

export interface GeoFeature {
  type: "Feature";
  id?: string | number;
  properties: Record<string, unknown> & { name: string };
  geometry: unknown;
}

export interface GeoCollection {
  type: "FeatureCollection";
  features: GeoFeature[];
}

export interface MatchedBoundaries {
  /** The features that matched a region, each named by its region key. */
  geo: GeoCollection;
  /** The region keys that have a boundary, in the table's order. */
  districts: string[];
  /** Names (or ids) of features that matched no region of the table. */
  unmatched: string[];
}

const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

/** Reads and matches a boundary file's text; throws with a reason when it is not GeoJSON. */
export function matchBoundaries(
  source: string | unknown,
  regions: readonly Region[],
): MatchedBoundaries {
  const parsed: unknown = typeof source === "string" ? JSON.parse(source) : source;
  if (
    !parsed ||
    typeof parsed !== "object" ||
    (parsed as { type?: unknown }).type !== "FeatureCollection" ||
    !Array.isArray((parsed as { features?: unknown }).features)
  )
    throw new Error("not a GeoJSON FeatureCollection");
  const byAdcode = new Map(regions.filter((r) => r.adcode).map((r) => [r.adcode, r]));
  const byName = new Map<string, Region>();
  for (const r of regions) byName.set(r.name, r);
  for (const r of regions) for (const a of r.aliases) if (!byName.has(a)) byName.set(a, r);

  const features: GeoFeature[] = [];
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const f of (parsed as { features: unknown[] }).features) {
    if (!f || typeof f !== "object") continue;
    const feature = f as { id?: unknown; properties?: Record<string, unknown>; geometry?: unknown };
    const props = feature.properties ?? {};
    const adcode = text(feature.id) || text(props.adcode) || text(props.id);
    const name = text(props.name);
    const region = (adcode && byAdcode.get(adcode)) || (name ? byName.get(name) : undefined);
    if (!region || found.has(region.key)) {
      unmatched.push(name || adcode || "?");
      continue;
    }
    found.add(region.key);
    features.push({
      type: "Feature",
      id: region.key,
      properties: { ...props, name: region.key, sourceName: name },
      geometry: feature.geometry,
    });
  }
  return {
    geo: { type: "FeatureCollection", features },
    districts: regions.map((r) => r.key).filter((k) => found.has(k)),
    unmatched,
  };
}

/**
 * The region table's own area: the row without a parent that has an adcode (江门市, 440700).
 * Its adcode picks the boundary file in boundaries.ts.
 */
export function rootAdcode(regions: readonly Region[]): string | null {
  return regions.find((r) => !r.parent && r.adcode)?.adcode ?? null;
}
