// Listing and reading documents: order, ids, sources.csv dates, files that cannot be read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listDocuments, readDocumentFile } from "../../../extract/node/documents.ts";
import type { SourceEntry } from "../../../extract/node/sources.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "docs-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("listDocuments", () => {
  it("lists .txt and .md files by document id, in code-unit order", async () => {
    for (const name of ["b.md", "a.txt", "a-b.txt", "B.TXT", "notes.csv", "c.txt.bak", "中.txt"]) {
      writeFileSync(join(dir, name), "x");
    }
    const { documents, skipped } = await listDocuments(dir);
    // "a" < "a-b" as ids, although "a-b.txt" < "a.txt" as names: rows are sorted by source id.
    expect(documents.map((d) => [d.id, d.name])).toEqual([
      ["B", "B.TXT"],
      ["a", "a.txt"],
      ["a-b", "a-b.txt"],
      ["b", "b.md"],
      ["中", "中.txt"],
    ]);
    // Other files are reported by name (sources.csv and folders are not documents).
    expect(skipped).toEqual([
      { file: "c.txt.bak", reason: expect.stringMatching(/^unknown file type \(\.bak\)/) },
      { file: "notes.csv", reason: expect.stringMatching(/^unknown file type \(\.csv\)/) },
    ]);
  });

  it("skips a second file with the same id, and hidden files", async () => {
    writeFileSync(join(dir, "a.md"), "x");
    writeFileSync(join(dir, "a.txt"), "x");
    writeFileSync(join(dir, ".draft.txt"), "x");
    const { documents, skipped } = await listDocuments(dir);
    expect(documents.map((d) => d.name)).toEqual(["a.md"]);
    expect(skipped).toEqual([
      { file: ".draft.txt", reason: "hidden file" },
      { file: "a.txt", reason: "same document id as a.md" },
    ]);
  });

  it("takes published from sources.csv by file name, else by id, and lists unused rows", async () => {
    writeFileSync(join(dir, "a.txt"), "x");
    writeFileSync(join(dir, "b.md"), "x");
    writeFileSync(join(dir, "c.txt"), "x");
    const entry = (file: string, published: string | undefined, line: number): SourceEntry => ({
      file,
      published,
      line,
    });
    const sources = new Map([
      ["a.txt", entry("a.txt", "2022-04", 2)],
      ["b.txt", entry("b.txt", "2023-01-05", 3)],
      ["gone.txt", entry("gone.txt", "2020-01", 4)],
      ["c.txt", entry("c.txt", undefined, 5)],
    ]);
    const { documents, unusedSources } = await listDocuments(dir, sources);
    expect(documents.map((d) => [d.name, d.published])).toEqual([
      ["a.txt", "2022-04"],
      ["b.md", "2023-01-05"],
      ["c.txt", undefined],
    ]);
    expect(unusedSources.map((e) => e.file)).toEqual(["gone.txt"]);
  });

  it("rejects a folder that does not exist", async () => {
    await expect(listDocuments(join(dir, "missing"))).rejects.toThrow(/ENOENT/);
  });
});

describe("readDocumentFile", () => {
  it("reads and decodes a file", () => {
    writeFileSync(join(dir, "a.txt"), "\uFEFF江门");
    expect(readDocumentFile(join(dir, "a.txt"))).toMatchObject({
      ok: true,
      text: "江门",
      encoding: "utf-8-bom",
    });
  });

  it("refuses a folder named like a document, a missing file, and a file over the size limit", () => {
    mkdirSync(join(dir, "folder.txt"));
    expect(readDocumentFile(join(dir, "folder.txt"))).toEqual({
      ok: false,
      reason: "not a regular file",
    });
    expect(readDocumentFile(join(dir, "none.txt"))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^cannot read: ENOENT/),
    });
    writeFileSync(join(dir, "big.txt"), "江".repeat(1000));
    expect(readDocumentFile(join(dir, "big.txt"), 2048)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too large/),
    });
  });
});
