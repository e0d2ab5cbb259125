import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../../scripts/csp.ts";
import {
  dataMiddleware,
  etagMatches,
  requestPath,
  resolveDataPath,
} from "../../../scripts/data-files.ts";
import { guarded, serveDashboard } from "../../../scripts/serve.ts";

/** A raw request: fetch would normalise the path (`..`, `%00`) before sending it. */
function rawGet(
  base: string,
  path: string,
  method = "GET",
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => ok({ status: res.statusCode ?? 0, body }));
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end();
  });
}

describe("requestPath", () => {
  it("decodes an ordinary path and drops the query", () => {
    expect(requestPath("/data/raw/a%20b.txt?x=1#y")).toEqual({
      ok: true,
      path: "/data/raw/a b.txt",
    });
    expect(requestPath("/%E6%B1%9F%E9%97%A8")).toEqual({ ok: true, path: "/江门" });
  });
  it("refuses NUL and other control characters, backslashes, .. segments and bad encodings", () => {
    const reasons = (target: string) => {
      const checked = requestPath(target);
      return checked.ok ? "accepted" : checked.reason;
    };
    expect(reasons("/data/raw/%00.txt")).toMatch(/control character/);
    expect(reasons("/a%0Ab")).toMatch(/control character/);
    expect(reasons("/..%5c..%5cetc%5cpasswd")).toMatch(/backslash/);
    expect(reasons("/data/%2e%2e/package.json")).toMatch(/\.\. segment/);
    expect(reasons("/data/..%2f..%2fpackage.json")).toMatch(/\.\. segment/);
    expect(reasons("/%ff")).toMatch(/percent-encoding/);
    expect(reasons("/%c0%ae%c0%ae/")).toMatch(/percent-encoding/); // over-long UTF-8 for "."
    expect(reasons("*")).toMatch(/does not start with \//);
    expect(reasons("http://127.0.0.1/etc/passwd")).toMatch(/does not start with \//);
    expect(reasons(`/${"a".repeat(3000)}`)).toMatch(/longer than 2048/);
    // A dot inside a name is not a segment of its own.
    expect(reasons("/data/a..b.csv")).toBe("accepted");
  });
});

describe("etagMatches", () => {
  it("compares weakly, takes lists and *, and needs the header", () => {
    expect(etagMatches('W/"a-1"', 'W/"a-1"')).toBe(true);
    expect(etagMatches('"a-1"', 'W/"a-1"')).toBe(true);
    expect(etagMatches('"x", W/"a-1"', 'W/"a-1"')).toBe(true);
    expect(etagMatches("*", 'W/"a-1"')).toBe(true);
    expect(etagMatches('W/"a-2"', 'W/"a-1"')).toBe(false);
    expect(etagMatches(undefined, 'W/"a-1"')).toBe(false);
  });
});

describe("guarded (the error boundary of every request)", () => {
  it("answers a handler that throws or rejects with 500 and a line on stderr, and goes on", async () => {
    const lines: string[] = [];
    let calls = 0;
    const server = createServer(
      guarded(
        async (req, res) => {
          calls++;
          if (req.url === "/throw") throw new Error("boom in the handler");
          if (req.url === "/late") {
            res.writeHead(200, { "Content-Length": "10" });
            res.write("half");
            throw new Error("failed part way");
          }
          res.end("fine");
        },
        (line) => lines.push(line),
      ),
    );
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      expect(await rawGet(base, "/throw")).toEqual({ status: 500, body: "internal server error" });
      expect(lines).toEqual([
        'serve: internal error answering GET "/throw": Error: boom in the handler',
      ]);
      // Once the answer has begun, the connection is cut: a short body, never a wrong status.
      await expect(rawGet(base, "/late")).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
      expect(lines[1]).toMatch(/"\/late": Error: failed part way/);
      expect(await rawGet(base, "/ok")).toEqual({ status: 200, body: "fine" });
      expect(calls).toBe(3);
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });
});

describe("resolveDataPath", () => {
  const dataDir = "/srv/app/data";
  it("maps /data/ paths into the data folder", () => {
    expect(resolveDataPath("/data/indicators.csv", dataDir)).toBe("/srv/app/data/indicators.csv");
    expect(resolveDataPath("/data/raw/a%20b.txt", dataDir)).toBe("/srv/app/data/raw/a b.txt");
  });
  it("refuses paths that leave the data folder or are not under /data/", () => {
    expect(resolveDataPath("/data/../package.json", dataDir)).toBeNull();
    expect(resolveDataPath("/data/%2e%2e/%2e%2e/etc/passwd", dataDir)).toBeNull();
    expect(resolveDataPath("/data/%E0%A4%A", dataDir)).toBeNull();
    expect(resolveDataPath("/index.html", dataDir)).toBeNull();
  });
});

describe("dataMiddleware (Vite's dev and preview servers)", () => {
  it("serves GET and HEAD of live data files with an ETag, and passes everything else on", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "jm-middleware-"));
    writeFileSync(join(dataDir, "indicators.csv"), "id\n1\n");
    const data = dataMiddleware(dataDir);
    const server = createServer((req, res) =>
      data(req, res, () => {
        res.statusCode = 418; // what the next middleware would answer
        res.end("next");
      }),
    );
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const first = await fetch(`${base}data/indicators.csv`);
      expect([first.status, await first.text()]).toEqual([200, "id\n1\n"]);
      expect(first.headers.get("content-type")).toMatch(/text\/csv/);
      const etag = first.headers.get("etag") ?? "";
      const again = await fetch(`${base}data/indicators.csv`, {
        headers: { "If-None-Match": etag },
      });
      expect(again.status).toBe(304);
      expect((await fetch(`${base}data/indicators.csv`, { method: "HEAD" })).status).toBe(200);
      for (const [path, method] of [
        ["/data/indicators.csv", "POST"],
        ["/data/missing.csv", "GET"],
        ["/data/raw/%00.txt", "GET"],
        ["/data/../package.json", "GET"],
        ["/index.html", "GET"],
      ] as const) {
        expect((await rawGet(base, path, method)).status, `${method} ${path}`).toBe(418);
      }
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });
});

describe("serveDashboard", () => {
  let url = "";
  let close = async () => {};
  const root = mkdtempSync(join(tmpdir(), "jm-serve-"));
  const distDir = join(root, "dist");
  const dataDir = join(root, "data");

  beforeAll(async () => {
    mkdirSync(join(distDir, "assets"), { recursive: true });
    mkdirSync(dataDir);
    writeFileSync(join(distDir, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(distDir, "assets", "app.js"), "console.log(1)");
    writeFileSync(join(dataDir, "indicators.csv"), "id\n1\n");
    const served = await serveDashboard({ distDir, dataDir });
    url = served.url;
    close = () => new Promise((ok) => served.server.close(() => ok()));
  });
  afterAll(() => close());

  it("serves data files live, so a new CSV needs no rebuild", async () => {
    const first = await fetch(`${url}data/indicators.csv`);
    expect(first.headers.get("content-type")).toMatch(/text\/csv/);
    expect(await first.text()).toBe("id\n1\n");
    writeFileSync(join(dataDir, "indicators.csv"), "id\n2\n");
    expect(await (await fetch(`${url}data/indicators.csv`)).text()).toBe("id\n2\n");
  });

  it("serves an article only from the live data/raw: one deleted there is not served from the build's copy", async () => {
    // The build copies data/ into dist/data; `npm start` serves the live folder first.
    mkdirSync(join(distDir, "data", "raw"), { recursive: true });
    mkdirSync(join(dataDir, "raw"), { recursive: true });
    for (const raw of [join(distDir, "data", "raw"), join(dataDir, "raw")])
      writeFileSync(join(raw, "a1.txt"), "江门");
    expect((await fetch(`${url}data/raw/a1.txt`, { method: "HEAD" })).status).toBe(200);
    rmSync(join(dataDir, "raw", "a1.txt"));
    const gone = await fetch(`${url}data/raw/a1.txt`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain("/data/raw/a1.txt");
    expect((await fetch(`${url}data/raw/a1.txt`, { method: "HEAD" })).status).toBe(404);
  });

  it("sends the Content-Security-Policy with every response", async () => {
    const response = await fetch(`${url}assets/app.js`);
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get("content-type")).toMatch(/javascript/);
  });

  it("falls back to index.html for unknown paths and refuses paths that would leave dist", async () => {
    const page = await fetch(`${url}some/route`);
    expect(await page.text()).toContain("<title>app</title>");
    const escape = await fetch(`${url}..%2f..%2fetc%2fpasswd`);
    expect(escape.status).toBe(400);
    expect(await escape.text()).toBe("bad request: a .. segment in the path");
  });

  it("answers a missing data file or asset with 404, not with the app page", async () => {
    const data = await fetch(`${url}data/nope.csv`);
    expect(data.status).toBe(404);
    expect(await data.text()).toContain("/data/nope.csv");
    expect((await fetch(`${url}assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${url}some/route`)).status).toBe(200);
  });

  it("answers a malformed URL with 400 and keeps serving", async () => {
    expect((await fetch(`${url}%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${url}data/indicators.csv`)).status).toBe(200);
  });

  it("answers a NUL byte in a data path with 400 and keeps serving (it used to stop the server)", async () => {
    expect(await rawGet(url, "/data/raw/%00.txt")).toEqual({
      status: 400,
      body: "bad request: a control character (such as NUL) in the path",
    });
    expect((await rawGet(url, "/data/../../etc/passwd")).status).toBe(400);
    expect((await fetch(`${url}data/indicators.csv`)).status).toBe(200);
  });

  it("answers methods other than GET and HEAD with 405 and says which are allowed", async () => {
    const response = await fetch(`${url}data/indicators.csv`, { method: "POST", body: "x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect((await rawGet(url, "/", "DELETE")).status).toBe(405);
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    writeFileSync(join(dataDir, "head.csv"), "id\n1\n2\n");
    const get = await fetch(`${url}data/head.csv`);
    const head = await fetch(`${url}data/head.csv`, { method: "HEAD" });
    expect(head.status).toBe(200);
    for (const name of ["content-type", "content-length", "etag", "cache-control"]) {
      expect(head.headers.get(name), name).toBe(get.headers.get(name));
    }
    expect(head.headers.get("content-length")).toBe("7");
    expect(await head.text()).toBe("");
    expect((await fetch(`${url}data/nope.csv`, { method: "HEAD" })).status).toBe(404);
    const page = await fetch(`${url}some/route`, { method: "HEAD" });
    expect([page.status, page.headers.get("content-type")]).toEqual([
      200,
      "text/html; charset=utf-8",
    ]);
  });

  it("answers If-None-Match with the file's ETag with 304, until the file is replaced", async () => {
    const file = join(dataDir, "etag.csv");
    writeFileSync(file, "id\n1\n");
    const first = await fetch(`${url}data/etag.csv`);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/"[0-9a-z-]+"$/);
    // Browsers keep the copy but ask again every time, so a replaced file is never missed.
    expect(first.headers.get("cache-control")).toBe("no-cache");
    await first.text();

    const again = await fetch(`${url}data/etag.csv`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    const head = await fetch(`${url}data/etag.csv`, {
      method: "HEAD",
      headers: { "If-None-Match": `"other", ${etag}` },
    });
    expect(head.status).toBe(304);
    const other = await fetch(`${url}data/etag.csv`, { headers: { "If-None-Match": '"other"' } });
    expect([other.status, await other.text()]).toEqual([200, "id\n1\n"]);

    // Replaced the way the extractor writes it (a new file renamed over the old one).
    writeFileSync(join(dataDir, ".etag.tmp"), "id\n2\n");
    renameSync(join(dataDir, ".etag.tmp"), file);
    const changed = await fetch(`${url}data/etag.csv`, { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.text()).toBe("id\n2\n");
  });

  it("gives files of the built app an ETag too", async () => {
    const first = await fetch(`${url}assets/app.js`);
    const etag = first.headers.get("etag") ?? "";
    await first.text();
    const again = await fetch(`${url}assets/app.js`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });
});
