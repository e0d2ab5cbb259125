// Whether a document is in data/raw, read from the server's answers about its files
// (src/data/documentFiles.ts): as `npm run extract` lists documents, a file `<id>.txt|.md|.html|.htm`
// is a document and a row of sources.csv is not; a server's failure never calls a document gone.
import { describe, expect, it } from "vitest";
import {
  documentFileNames,
  documentHere,
  filesOf,
  readFileAnswer,
} from "../../../src/data/documentFiles.ts";

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
