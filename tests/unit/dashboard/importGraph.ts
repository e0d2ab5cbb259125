// The dashboard's import graph, read from the source text: every relative import (static, type-only
// or dynamic) of every module under src/, resolved to a path relative to the repository.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? modules(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

/** Module → the modules it imports, all as paths like "src/App.tsx". */
export function importGraph(dir = "src"): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of modules(join(ROOT, dir))) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(IMPORT)].map((m) =>
      relative(ROOT, resolve(dirname(file), m[1]!)),
    );
    graph.set(relative(ROOT, file), targets);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the chain of modules that closes it. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

export const readSource = (path: string) => readFileSync(join(ROOT, path), "utf8");
