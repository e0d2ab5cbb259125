// Temporary files a stopped server left in data/ (killed between writing a file's temporary copy
// and renaming it): `npm start` moves them into a folder of data/trash/ of their own and says so,
// never deleting one (a half-saved article is the person's text), and leaves alone those of a
// server still running and every other file.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { moveStaleTempFiles } from "../../../scripts/write/files.ts";

let root = "";
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A process id no process has now: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

describe("moveStaleTempFiles", () => {
  it("moves what a killed server left into data/trash, keeps the rest, and names each", async () => {
    root = mkdtempSync(join(tmpdir(), "jm-stale-"));
    const data = join(root, "data");
    mkdirSync(join(data, "raw", "article-text"), { recursive: true });
    const dead = deadPid();
    const left = {
      [`raw/.article-0123456789ab.txt.${dead}.a1b2c3d4e5f6.tmp`]: "江门市的一篇文章（保存到一半）",
      [`raw/.sources.csv.${dead}.0a0b0c0d0e0f.tmp`]: "file,published,title,publisher,url\n",
      [`raw/article-text/.article-0123456789ab.txt.${dead}.ffeeddccbbaa.tmp`]: "正文",
      [`.indicators.csv.${dead}.abcdefabcdef.tmp`]: "id,indicator\n",
    };
    const kept = {
      // A running server's own (this process): still being written.
      [`raw/.sources.csv.${process.pid}.111111111111.tmp`]: "being written",
      // Not of the pattern: the person's files.
      "raw/.notes.tmp": "my notes",
      "raw/article-0123456789ab.txt": "saved",
      "raw/sources.csv": "file,published,title,publisher,url\n",
      "indicators.csv": "id\n",
    };
    for (const [name, text] of Object.entries({ ...left, ...kept }))
      writeFileSync(join(data, name), text);

    const moved = await moveStaleTempFiles(data);
    expect(moved.files.sort()).toEqual(Object.keys(left).sort());
    expect(moved.trash).toMatch(/^data\/trash\/[^/]+-interrupted\/$/);
    const trash = join(root, moved.trash);
    for (const [name, text] of Object.entries(left)) {
      expect(existsSync(join(data, name))).toBe(false);
      expect(readFileSync(join(trash, name), "utf8")).toBe(text);
    }
    for (const [name, text] of Object.entries(kept))
      expect(readFileSync(join(data, name), "utf8")).toBe(text);

    // Nothing left: nothing moved, no trash folder made.
    const again = await moveStaleTempFiles(data);
    expect(again.files).toEqual([]);
    expect(readdirSync(join(data, "trash"))).toHaveLength(1);
  });

  it("a data folder without temporary files is left as it is", async () => {
    root = mkdtempSync(join(tmpdir(), "jm-stale-"));
    mkdirSync(join(root, "data", "raw"), { recursive: true });
    expect((await moveStaleTempFiles(join(root, "data"))).files).toEqual([]);
    expect(existsSync(join(root, "data", "trash"))).toBe(false);
  });
});
