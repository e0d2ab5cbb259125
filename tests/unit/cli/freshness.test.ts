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

describe("the built command's manifest", () => {
  it("lists every input as a path that exists (none with an import attribute's suffix)", async () => {
    const { existsSync, readFileSync } = await import("node:fs");
    const { CLI } = await import("./helpers.ts");
    const dist = join(CLI, "..");
    const root = join(dist, "..", "..");
    const manifest = JSON.parse(readFileSync(join(dist, "inputs.json"), "utf8")) as {
      inputs: string[];
    };
    expect(manifest.inputs).toContain("extract/lexicon/indicators.json");
    expect(manifest.inputs.filter((f) => !existsSync(join(root, f)))).toEqual([]);
  });

  it("a run started by a rebuild does not check again, so a stale input cannot loop", async () => {
    const { spawnSync } = await import("node:child_process");
    const { cpSync, mkdirSync } = await import("node:fs");
    const { CLI } = await import("./helpers.ts");
    // A copy of the built command in a folder of its own, whose manifest names an input that is
    // never there: stale for ever.
    const copy = join(root, "copy");
    mkdirSync(join(copy, "extract"), { recursive: true });
    cpSync(join(CLI, ".."), join(copy, "extract", "dist"), { recursive: true });
    writeFileSync(
      join(copy, "extract", "dist", "inputs.json"),
      JSON.stringify({ builtAt: Date.now(), inputs: ["extract/never-there.ts"] }),
    );
    const cli = join(copy, "extract", "dist", "cli.js");
    const stale = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
    expect(stale.stderr).toMatch(/never-there\.ts changed since the command was built; rebuilding/);
    const rebuilt = spawnSync(process.execPath, [cli, "--help"], {
      encoding: "utf8",
      env: { ...process.env, JM_EXTRACT_REBUILT: "1" },
    });
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stderr).not.toMatch(/rebuilding/);
    expect(rebuilt.stdout).toMatch(/^Extracts dated economic facts/);
  });
});
