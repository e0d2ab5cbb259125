// Records what a reference scorer (the contract's score.mjs) says about two fixed predictions, so
// tests/unit/cli/score.test.ts can check our scorer against it on a machine without that scorer.
//   node --import tsx scripts/record-reference-scores.ts --scorer ../shared/eval/score.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { factsToCsv } from "../extract/lib/csv.ts";
import { extractFolderFacts } from "../extract/node/corpus.ts";
import { ROOT } from "./data-files.ts";

const { values } = parseArgs({ options: { scorer: { type: "string" } } });
if (!values.scorer) {
  console.error("usage: record-reference-scores --scorer PATH/score.mjs");
  process.exit(2);
}

const outDir = join(ROOT, "tests/fixtures/score-reference");
const goldDir = join(ROOT, "tests/fixtures/gold");
const { facts } = await extractFolderFacts(join(ROOT, "data/raw"), join(ROOT, "data/regions.csv"));

// The real output, and a damaged copy so the comparison covers misses and wrong rows too:
// dropped rows, values off by 0.4 % and 1 %, flipped qualifiers, wrong periods.
const damaged = facts
  .filter((_, i) => i % 4 !== 1)
  .map((fact, i) => {
    if (i % 5 === 0) return { ...fact, value: fact.value * 1.004 };
    if (i % 5 === 1) return { ...fact, value: fact.value * 1.01 };
    if (i % 5 === 2)
      return {
        ...fact,
        qualifier: fact.qualifier === "exact" ? ("approx" as const) : ("exact" as const),
      };
    if (i % 7 === 3) return { ...fact, period: "2001" };
    return fact;
  });

mkdirSync(outDir, { recursive: true });
const reference: Record<string, Record<string, unknown>> = {};
for (const [name, set] of [
  ["real", facts],
  ["damaged", damaged],
] as const) {
  const file = join(outDir, `${name}.csv`);
  writeFileSync(file, factsToCsv(set));
  reference[name] = {};
  for (const mode of ["lenient", "strict"] as const) {
    const args = [values.scorer, "--gold", goldDir, "--pred", file, "--json"];
    const out = execFileSync(process.execPath, mode === "strict" ? [...args, "--strict"] : args, {
      encoding: "utf8",
    });
    const { req, found, pred, good, f1 } = JSON.parse(out) as Record<string, number>;
    reference[name][mode] = { req, found, pred, good, f1 };
  }
}
writeFileSync(join(outDir, "reference.json"), JSON.stringify(reference, null, 2) + "\n");
console.log(`wrote ${outDir}/{real,damaged}.csv and reference.json`);
