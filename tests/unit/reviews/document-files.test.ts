// Whether a document is in data/raw, read from the server's answers about its files
// (src/data/documentFiles.ts): as `npm run extract` lists documents, a file `<id>.txt|.md|.html|.htm`
// is a document and a row of sources.csv is not; a server's failure never calls a document gone.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  documentFileNames,
  documentHere,
  filesOf,
  readFileAnswer,
} from "../../../src/data/documentFiles.ts";
import { documentIsHere, fetchArticle, isSafeSourceId } from "../../../src/data/metadata.ts";

describe("documentFileNames", () => {
  it("asks for the name sources.csv gives first, then every name a run would take", () => {
    expect(documentFileNames("a1", "a1.md")).toEqual(["a1.md", "a1.txt", "a1.html", "a1.htm"]);
    expect(documentFileNames("a1")).toEqual(["a1.txt", "a1.md", "a1.html", "a1.htm"]);
    // A listed name that is no document name of this id is not asked for.
    expect(documentFileNames("a1", "other.txt")).toEqual(["a1.txt", "a1.md", "a1.html", "a1.htm"]);
  });

  it("asks about a web page and its article text, a text file alone", () => {
    expect(filesOf("p", "p.html")).toEqual(["p.html", "article-text/p.txt"]);
    expect(filesOf("p", "p.txt")).toEqual(["p.txt"]);
  });
});

describe("readFileAnswer", () => {
  it("reads 404 as missing, 200 as here, and a server failure as unknown", () => {
    expect(readFileAnswer("a.txt", 404, "text/plain")).toBe("missing");
    expect(readFileAnswer("a.txt", 200, "text/plain; charset=utf-8")).toBe("here");
    expect(readFileAnswer("a.txt", 500, "text/plain")).toBe("unknown");
    expect(readFileAnswer("a.txt", 403, "text/plain")).toBe("unknown");
  });

  it("takes an HTML answer for a text file as a static host's fallback page, not the file", () => {
    expect(readFileAnswer("a.txt", 200, "text/html; charset=utf-8")).toBe("missing");
    expect(readFileAnswer("a.html", 200, "text/html")).toBe("here");
  });
});

describe("documentHere", () => {
  it("is here when one name has all its files, gone when every name is missing", () => {
    expect(documentHere([["missing"], ["here"]])).toBe(true);
    expect(documentHere([["missing"], ["missing"], ["missing", "missing"]])).toBe(false);
    // A page without its article text is not what the dashboard or the run can read.
    expect(documentHere([["missing"], ["missing"], ["here", "missing"]])).toBe(false);
  });

  it("does not call a document gone when the server could not say", () => {
    expect(documentHere([["missing"], ["unknown"]])).toBe(true);
  });
});

describe("a document named by a person, in Chinese", () => {
  // `npm run extract` takes any file name in data/raw as its document's id: 恩平 前三季度.txt is
  // document "恩平 前三季度". The page must show that article and count decisions about it as
  // the run applies them, not call it gone.
  const ID = "恩平 前三季度";
  const TEXT = "2024年前三季度，恩平市实现地区生产总值198.7亿元。\n";
  const served = new Map([[`/data/raw/${encodeURIComponent(`${ID}.txt`)}`, TEXT]]);
  const asked: string[] = [];
  beforeEach(() => {
    asked.length = 0;
    vi.stubGlobal("fetch", async (url: string) => {
      asked.push(url);
      const text = served.get(url);
      return new Response(text ?? "not found", {
        status: text === undefined ? 404 : 200,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("is a document id: its article is fetched and shown, and it counts as here", async () => {
    for (const id of [ID, "江门日报（2024）经济运行", "report 2024_v2.final", "a+b & c,d#1%"])
      expect(isSafeSourceId(id), id).toBe(true);
    await expect(fetchArticle(ID, new Map())).resolves.toBe(TEXT);
    await expect(documentIsHere(ID, new Map())).resolves.toBe(true);
    expect(asked[0]).toBe(`/data/raw/${encodeURIComponent(`${ID}.txt`)}`);
  });

  it("is never a path, a hidden file or markup: those are refused before any request", async () => {
    for (const id of [
      "",
      "../regions",
      "a/b",
      "a\\b",
      "..",
      ".hidden",
      "x\u0000y",
      "x\ny",
      "<img src=x onerror=alert(1)>",
      'a"b',
      "a|b",
      "a?b",
      "a*b",
      "a:b",
    ]) {
      expect(isSafeSourceId(id), JSON.stringify(id)).toBe(false);
      await expect(documentIsHere(id, new Map())).resolves.toBe(false);
    }
    expect(asked).toEqual([]);
  });
});
