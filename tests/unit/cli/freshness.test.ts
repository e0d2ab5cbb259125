// The built command rebuilds itself when a file it was built from changed since: the check.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readManifest, staleInput } from "../../../extract/node/freshness.ts";

const root = mkdtempSync(join(tmpdir(), "jm-fresh-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("staleInput", () => {
  writeFileSync(join(root, "a.ts"), "a");
  writeFileSync(join(root, "kinds.json"), "{}");
  const builtAt = Date.now();
  // Files written before the build: set their times an hour back.
  const before = new Date(builtAt - 3_600_000);
  utimesSync(join(root, "a.ts"), before, before);
  utimesSync(join(root, "kinds.json"), before, before);

  it("is undefined when nothing changed since the build", () => {
    expect(staleInput(root, { builtAt, inputs: ["a.ts", "kinds.json"] })).toBeUndefined();
  });
  it("names the first input edited after the build", () => {
    const later = new Date(builtAt + 60_000);
    utimesSync(join(root, "kinds.json"), later, later);
    expect(staleInput(root, { builtAt, inputs: ["a.ts", "kinds.json"] })).toBe("kinds.json");
  });
  it("names an input that is gone", () => {
    expect(staleInput(root, { builtAt, inputs: ["gone.ts"] })).toBe("gone.ts");
  });
  it("a missing manifest says nothing (a copy of the bundle on its own runs as it is)", () => {
    expect(readManifest(join(root, "no-dist"))).toBeUndefined();
    writeFileSync(join(root, "inputs.json"), JSON.stringify({ builtAt: 5, inputs: ["a.ts"] }));
    expect(readManifest(root)).toEqual({ builtAt: 5, inputs: ["a.ts"] });
  });
});
