// The write path's guard, body limit and file helpers, and a server with a test route: a refused
// write leaves the data folder byte for byte; an accepted one makes exactly its change.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDashboard } from "../../../scripts/serve.ts";
import type { WriteRoute } from "../../../scripts/write/api.ts";
import { appendLine, withFileLock, writeFileAtomic } from "../../../scripts/write/files.ts";
import { isLoopback, refuseWrite, type WriteSettings } from "../../../scripts/write/guard.ts";
import { injectWriteMeta } from "../../../scripts/write/meta.ts";
import { writeModeFrom } from "../../../src/write/writeMode.ts";
import { folderBytes } from "../../folder.ts";

const SETTINGS: WriteSettings = {
  host: "127.0.0.1:5173",
  origin: "http://127.0.0.1:5173",
  token: "a".repeat(64),
  maxBodyBytes: 1000,
};
const good = {
  host: "127.0.0.1:5173",
  origin: "http://127.0.0.1:5173",
  "x-write-token": "a".repeat(64),
  "content-type": "application/json",
  "content-length": "10",
};

describe("refuseWrite", () => {
  it("lets a write from the dashboard's own page through", () => {
    expect(refuseWrite({ method: "POST", headers: good }, SETTINGS)).toBeUndefined();
    expect(
      refuseWrite(
        { method: "POST", headers: { ...good, "content-type": "application/json; charset=utf-8" } },
        SETTINGS,
      ),
    ).toBeUndefined();
  });
  it("refuses a foreign Host (DNS rebinding), even another name of this machine", () => {
    for (const host of [
      "evil.example:5173",
      "localhost:5173",
      "127.0.0.1",
      "127.0.0.1:5174",
      undefined,
    ]) {
      const refusal = refuseWrite({ method: "POST", headers: { ...good, host } }, SETTINGS);
      expect(refusal?.status, String(host)).toBe(403);
      expect(refusal?.error).toMatch(/Host header/);
    }
  });
  it("refuses another origin, a null origin and none", () => {
    for (const origin of [
      "http://evil.example",
      "null",
      "http://127.0.0.1:5174",
      "https://127.0.0.1:5173",
      undefined,
    ]) {
      const refusal = refuseWrite({ method: "POST", headers: { ...good, origin } }, SETTINGS);
      expect(refusal?.status, String(origin)).toBe(403);
      expect(refusal?.error).toMatch(/Origin/);
    }
  });
  it("refuses a write without the token or with another one", () => {
    const none = refuseWrite(
      { method: "POST", headers: { ...good, "x-write-token": undefined } },
      SETTINGS,
    );
    expect(none).toEqual({ status: 403, error: expect.stringMatching(/no x-write-token/) });
    const wrong = refuseWrite(
      { method: "POST", headers: { ...good, "x-write-token": "b".repeat(64) } },
      SETTINGS,
    );
    expect(wrong?.error).toMatch(/not this server's/);
    const short = refuseWrite(
      { method: "POST", headers: { ...good, "x-write-token": "a" } },
      SETTINGS,
    );
    expect(short?.status).toBe(403);
  });
  it("refuses an oversized body by its Content-Length, and a form post by its type", () => {
    const big = refuseWrite(
      { method: "POST", headers: { ...good, "content-length": "1001" } },
      SETTINGS,
    );
    expect(big).toEqual({ status: 413, error: expect.stringMatching(/limit is 1000 bytes/) });
    const form = refuseWrite(
      { method: "POST", headers: { ...good, "content-type": "application/x-www-form-urlencoded" } },
      SETTINGS,
    );
    expect(form?.status).toBe(415);
    expect(refuseWrite({ method: "GET", headers: good }, SETTINGS)?.status).toBe(405);
  });
  it("knows loopback addresses", () => {
    expect(["127.0.0.1", "127.1.2.3", "localhost", "::1"].every(isLoopback)).toBe(true);
    expect(["0.0.0.0", "192.168.1.5", "::", "example.com"].some(isLoopback)).toBe(false);
  });
});

describe("the page's write mode", () => {
  const metas = (values: Record<string, string>) => (name: string) => values[name] ?? null;
  it("is static without the server's tags, server with them at the printed address", () => {
    expect(writeModeFrom(metas({}), "http://x")).toEqual({ kind: "static" });
    const html = injectWriteMeta("<html><head><title>t</title></head></html>", {
      enabled: true,
      settings: SETTINGS,
      routes: [],
    });
    const tags = Object.fromEntries(
      [...html.matchAll(/<meta name="([^"]+)" content="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]),
    );
    expect(writeModeFrom(metas(tags), "http://127.0.0.1:5173")).toEqual({
      kind: "server",
      token: SETTINGS.token,
      origin: SETTINGS.origin,
    });
    expect(writeModeFrom(metas(tags), "http://localhost:5173")).toMatchObject({
      kind: "server-off",
      reason: expect.stringMatching(/http:\/\/127\.0\.0\.1:5173\//),
    });
  });
  it("says why writes are off", () => {
    const html = injectWriteMeta("<head></head>", { enabled: false, reason: 'on "0.0.0.0" <x>' });
    expect(html).toContain('content="on &quot;0.0.0.0&quot; &lt;x&gt;"');
  });
});

describe("file helpers", () => {
  const dir = mkdtempSync(join(tmpdir(), "jm-write-files-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("appends concurrent lines whole and in order, none lost", async () => {
    const file = join(dir, "log.csv");
    writeFileSync(file, "header"); // no final newline: the first append adds one
    const lines = Array.from({ length: 200 }, (_, i) => `${i},${"x".repeat(i * 50)}`);
    await Promise.all(lines.map((line) => appendLine(file, line)));
    expect(readFileSync(file, "utf8")).toBe(["header", ...lines].join("\n") + "\n");
  });
  it("replaces a file atomically and leaves no temporary file", async () => {
    const file = join(dir, "table.csv");
    writeFileSync(file, "old");
    await writeFileAtomic(file, "new 江门");
    expect(readFileSync(file, "utf8")).toBe("new 江门");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
  it("runs tasks on one key one after another, even when one fails", async () => {
    const order: string[] = [];
    const slow = withFileLock("k", async () => {
      await new Promise((r) => setTimeout(r, 30));
      order.push("first");
      throw new Error("boom");
    });
    const next = withFileLock("k", async () => void order.push("second"));
    await expect(slow).rejects.toThrow("boom");
    await next;
    expect(order).toEqual(["first", "second"]);
  });
});

/** One raw request: fetch would set its own Host and Origin. */
function raw(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer | string = "",
  method = "POST",
): Promise<{ status: number; json: { ok: boolean; error?: string } }> {
  const { hostname, port } = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, method, headers, setHost: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => ok({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

describe("a server with writes", () => {
  const root = mkdtempSync(join(tmpdir(), "jm-write-server-"));
  const dataDir = join(root, "data");
  let url = "";
  let close = () => undefined as void;
  const token = "c0ffee".repeat(8);
  // A route for the test: appends its `line` to data/log.txt.
  const route: WriteRoute = {
    path: "/api/test-log",
    maxBodyBytes: 200,
    handle: async (body) => {
      const line = (body as { line?: unknown }).line;
      if (typeof line !== "string") return { status: 400, body: { ok: false, error: "no line" } };
      await appendLine(join(dataDir, "log.txt"), line);
      return { status: 200, body: { ok: true } };
    },
  };

  beforeAll(async () => {
    for (const [rel, text] of [
      ["dist/index.html", "<!doctype html><html><head><title>app</title></head></html>"],
      ["data/log.txt", "first\n"],
      ["data/raw/a.txt", "江门"],
    ] as const) {
      const file = join(root, rel);
      rmSync(file, { force: true });
      await writeFileAtomic(file, text);
    }
    const started = await serveDashboard({
      distDir: join(root, "dist"),
      dataDir,
      writes: { token, routes: [route] },
    });
    url = started.url;
    close = () => void started.server.close();
  });
  afterAll(() => {
    close();
    rmSync(root, { recursive: true, force: true });
  });

  const headers = () => {
    const host = new URL(url).host;
    return {
      Host: host,
      Origin: `http://${host}`,
      "X-Write-Token": token,
      "Content-Type": "application/json",
    };
  };

  it("gives the page its token in index.html, never cached", async () => {
    const response = await fetch(url);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toContain(`<meta name="jm-write-token" content="${token}">`);
    expect(html).toContain(`<meta name="jm-write-origin" content="${new URL(url).origin}">`);
  });

  it("refuses a cross-origin write, a foreign Host, no token and an oversized body, data unchanged", async () => {
    const before = folderBytes(dataDir);
    const body = JSON.stringify({ line: "evil" });
    const cases: [Record<string, string>, string | Buffer, number, RegExp][] = [
      [{ ...headers(), Origin: "http://evil.example" }, body, 403, /Origin/],
      [{ ...headers(), Host: "evil.example" }, body, 403, /Host header/],
      [{ ...headers(), "X-Write-Token": "" }, body, 403, /no x-write-token/],
      [{ ...headers(), "X-Write-Token": "0".repeat(48) }, body, 403, /not this server's/],
      [
        headers(),
        JSON.stringify({ line: "x".repeat(300) }),
        413,
        /limit of 200 bytes|limit is 200 bytes/,
      ],
      // No Content-Length: the body is counted as it arrives.
      [{ ...headers(), "Transfer-Encoding": "chunked" }, "x".repeat(5000), 413, /over the limit/],
      [headers(), "{not json", 400, /not JSON/],
      [headers(), Buffer.from([0xff, 0xfe, 0x00]), 400, /not UTF-8/],
      [headers(), "", 400, /empty/],
    ];
    for (const [h, b, status, error] of cases) {
      const answer = await raw(url, "/api/test-log", h, b);
      expect([answer.status, answer.json.ok], JSON.stringify(h)).toEqual([status, false]);
      expect(answer.json.error).toMatch(error);
    }
    expect((await raw(url, "/api/nope", headers(), body)).status).toBe(404);
    expect(folderBytes(dataDir)).toEqual(before);
  });

  it("makes an accepted write, and only that one", async () => {
    const answer = await raw(url, "/api/test-log", headers(), JSON.stringify({ line: "kept" }));
    expect(answer).toEqual({ status: 200, json: { ok: true } });
    expect(readFileSync(join(dataDir, "log.txt"), "utf8")).toBe("first\nkept\n");
  });

  it("has no writes when started without them", async () => {
    const other = await serveDashboard({ distDir: join(root, "dist"), dataDir });
    try {
      const host = new URL(other.url).host;
      const answer = await raw(
        other.url,
        "/api/test-log",
        { ...headers(), Host: host, Origin: `http://${host}` },
        "{}",
      );
      expect(answer.status).toBe(405);
      expect(answer.json.error).toMatch(/writes are off/);
    } finally {
      other.server.close();
    }
  });
});
