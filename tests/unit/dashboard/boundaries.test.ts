// The dashboard reaches the extractor through one door, extract/lib/index.ts: no file of src/
// imports a module of extract/ past it (its internals, or extract/node, which is Node's side).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { expect, test } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
const SRC = join(ROOT, "src");
const DOOR = join(ROOT, "extract/lib/index.ts");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(ts|tsx)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

test("src/ imports the extractor only through extract/lib/index.ts", () => {
  const files = sources(SRC);
  expect(files.length).toBeGreaterThan(20);
  const past: string[] = [];
  let through = 0;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
      const target = resolve(file, "..", m[1]!);
      if (!m[1]!.startsWith(".") || !target.startsWith(join(ROOT, "extract"))) continue;
      if (target === DOOR) through++;
      else past.push(`${relative(ROOT, file)} → ${m[1]}`);
    }
  }
  expect(past).toEqual([]);
  expect(through).toBeGreaterThan(5);
});
