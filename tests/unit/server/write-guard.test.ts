// The write path's guard, body limit and file helpers, and a server with a test route: a refused
// write leaves the data folder byte for byte; an accepted one makes exactly its change.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDashboard } from "../../../scripts/serve.ts";
import { refuse, type WriteRoute } from "../../../scripts/write/api.ts";
import { WRITE_REFUSAL_CODES } from "../../../scripts/write/protocol.ts";
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
    expect(none).toEqual({
      status: 403,
      code: "no-token",
      error: expect.stringMatching(/no x-write-token/),
    });
    const wrong = refuseWrite(
      { method: "POST", headers: { ...good, "x-write-token": "b".repeat(64) } },
      SETTINGS,
    );
    expect(wrong?.error).toMatch(/not this server's/);
    // The page translates the code, not the words: a token of an earlier start is "token".
    expect(wrong?.code).toBe("token");
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
    expect(big).toEqual({
      status: 413,
      code: "too-large",
      params: { size: 1001, limit: 1000 },
      error: expect.stringMatching(/limit is 1000 bytes/),
    });
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
): Promise<{
  status: number;
  json: { ok: boolean; error?: string; code?: string };
  headers: Record<string, string | string[] | undefined>;
}> {
  return rawText(url, path, headers, method, body).then((answer) => ({
    status: answer.status,
    json: JSON.parse(answer.text) as { ok: boolean; error?: string; code?: string },
    headers: answer.headers,
  }));
}

function rawText(
  url: string,
  path: string,
  headers: Record<string, string>,
  method = "GET",
  body: Buffer | string = "",
): Promise<{
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}> {
  const { hostname, port } = new URL(url);
  // A declared length, as a browser sends it (Node would send DELETE's body chunked).
  const chunked = Object.keys(headers).some((h) => h.toLowerCase() === "transfer-encoding");
  const sized =
    body.length && !chunked
      ? { "Content-Length": String(Buffer.byteLength(body)), ...headers }
      : headers;
  return new Promise((ok, fail) => {
    const req = request(
      { host: hostname, port, path, method, headers: sized, setHost: false },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => ok({ status: res.statusCode ?? 0, text, headers: res.headers }));
      },
    );
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
      if (typeof line !== "string") return refuse(400, "bad-request", "no line");
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
      // Every refusal carries a code of the protocol, which the page translates.
      expect(WRITE_REFUSAL_CODES, JSON.stringify(answer.json)).toContain(answer.json.code);
    }
    expect((await raw(url, "/api/nope", headers(), body)).status).toBe(404);
    expect(folderBytes(dataDir)).toEqual(before);
  });

  it("makes an accepted write, and only that one", async () => {
    const answer = await raw(url, "/api/test-log", headers(), JSON.stringify({ line: "kept" }));
    expect([answer.status, answer.json]).toEqual([200, { ok: true }]);
    expect(readFileSync(join(dataDir, "log.txt"), "utf8")).toBe("first\nkept\n");
  });

  it("gives the token only to the page at the printed address, never to another name (DNS rebinding)", async () => {
    const { hostname, port } = new URL(url);
    for (const [host, method] of [
      [`localhost:${port}`, "GET"],
      [`localhost:${port}`, "HEAD"],
    ] as const) {
      const page = await rawText(url, "/", { Host: host }, method);
      expect(page.status, host).toBe(200);
      expect(page.text, host).not.toContain(token);
      if (method === "GET") {
        expect(page.text).toMatch(
          new RegExp(`<meta name="jm-writes-off" content="[^"]*http://${hostname}:${port}/`),
        );
      }
      expect(page.headers["content-length"], host).not.toBe(
        (await rawText(url, "/", { Host: new URL(url).host }, method)).headers["content-length"],
      );
    }
    expect((await rawText(url, "/index.html", { Host: new URL(url).host })).text).toContain(token);
  });

  it("serves nothing under a name that is not this machine's (a DNS-rebinding page reading data/)", async () => {
    const { port } = new URL(url);
    for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1.evil.example:${port}`]) {
      for (const path of ["/", "/index.html", "/data/log.txt", "/data/raw/a.txt"]) {
        const answer = await rawText(url, path, { Host: host });
        expect(
          [answer.status, answer.text.includes(token), answer.text.includes("first")],
          `${host} ${path}`,
        ).toEqual([403, false, false]);
        expect(answer.text).toMatch(/not a name of this machine/);
      }
    }
    // This machine's names, with the server's port or none, are served.
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      "127.0.0.1",
      `[::1]:${port}`,
      `LOCALHOST:${port}`,
    ]) {
      const answer = await rawText(url, "/data/log.txt", { Host: host });
      expect(answer.status, host).toBe(200);
    }
    expect((await rawText(url, "/data/log.txt", { Host: "127.0.0.1:1" })).status).toBe(403);
  });

  it("answers a preflight, a CORS-simple form post, a token in the wrong place and a cross-site fetch with refusals, data unchanged", async () => {
    const before = folderBytes(dataDir);
    const body = JSON.stringify({ line: "evil" });
    const own = new URL(url).origin;
    const cases: [string, Record<string, string>, string, number, RegExp][] = [
      // The preflight another site's fetch with X-Write-Token would need: never granted.
      [
        "OPTIONS",
        {
          ...headers(),
          Origin: "http://evil.example",
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "x-write-token,content-type",
        },
        "",
        405,
        /not a write/,
      ],
      // A form post or no-cors fetch of text/plain from another page needs no preflight.
      [
        "POST",
        { Host: new URL(url).host, Origin: "http://evil.example", "Content-Type": "text/plain" },
        body,
        403,
        /Origin/,
      ],
      ["POST", { ...headers(), "Content-Type": "text/plain" }, body, 415, /application\/json/],
      // The token anywhere but its header is no token.
      [
        "POST",
        { ...headers(), "X-Write-Token": "", Authorization: `Bearer ${token}`, Cookie: token },
        JSON.stringify({ line: "evil", token }),
        403,
        /no x-write-token/,
      ],
      // What a browser says of a request another site made, whatever the other headers say.
      ["POST", { ...headers(), "Sec-Fetch-Site": "cross-site" }, body, 403, /Sec-Fetch-Site/],
      ["POST", { ...headers(), "Sec-Fetch-Site": "same-site" }, body, 403, /Sec-Fetch-Site/],
      ["PUT", headers(), body, 405, /not a write/],
      ["DELETE", headers(), body, 405, /not a write/],
      ["GET", headers(), "", 405, /not a write/],
    ];
    for (const [method, h, b, status, error] of cases) {
      const answer = await raw(url, "/api/test-log", h, b, method).catch((e: unknown) => {
        throw new Error(`${method} ${JSON.stringify(h)}: ${String(e)}`);
      });
      expect([answer.status, answer.json.ok], `${method} ${JSON.stringify(h)}`).toEqual([
        status,
        false,
      ]);
      expect(answer.json.error).toMatch(error);
      expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    }
    // With a browser's own Sec-Fetch-Site, the dashboard's write goes through as before.
    const ownSite = await raw(
      url,
      "/api/test-log",
      { ...headers(), "Sec-Fetch-Site": "same-origin" },
      JSON.stringify({ line: "same-origin" }),
    );
    expect([ownSite.status, own]).toEqual([200, `http://${new URL(url).host}`]);
    const after = folderBytes(dataDir);
    expect(after.get("/log.txt")).toBe(
      Buffer.from(
        Buffer.from(before.get("/log.txt")!, "base64").toString() + "same-origin\n",
      ).toString("base64"),
    );
    after.delete("/log.txt");
    before.delete("/log.txt");
    expect(after).toEqual(before);
  });

  it("refuses the token of an earlier start: a restart prints a new address and token", async () => {
    // The server stopped and started again on the same data: a new token (npm start makes one
    // at random each time), and the page of the old start must be reloaded to write.
    const newToken = "d0d0".repeat(16);
    const again = await serveDashboard({
      distDir: join(root, "dist"),
      dataDir,
      writes: { token: newToken, routes: [route] },
    });
    try {
      const before = folderBytes(dataDir);
      const host = new URL(again.url).host;
      const old = await raw(
        again.url,
        "/api/test-log",
        { ...headers(), Host: host, Origin: `http://${host}` },
        JSON.stringify({ line: "replayed" }),
      );
      expect(old.status).toBe(403);
      expect(old.json.error).toMatch(
        /not this server's \(it changes at every start: reload the page\)/,
      );
      expect(folderBytes(dataDir)).toEqual(before);
      expect(await (await fetch(again.url)).text()).toContain(newToken);
    } finally {
      again.server.close();
    }
  });

  it("reads a deeply nested or huge JSON body without falling over", async () => {
    const before = folderBytes(dataDir);
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const nested = await raw(url, "/api/test-log", headers(), deep);
    // Within the test route's 200-byte limit it is refused by size; below, by shape.
    expect(nested.status).toBe(413);
    const small = await raw(url, "/api/test-log", headers(), "[".repeat(90) + "]".repeat(90));
    expect([small.status, small.json.error]).toEqual([400, "no line"]);
    expect(folderBytes(dataDir)).toEqual(before);
  });

  it("answers a refused chunked body once, whatever its chunks: no second 400 after the refusal", async () => {
    const { port, host } = new URL(url);
    /** Every status line the server sends on one connection for `bytes`, until it closes. */
    const statuses = (bytes: string) =>
      new Promise<string[]>((ok) => {
        const chunks: Buffer[] = [];
        const socket = connect(Number(port), "127.0.0.1");
        socket.on("data", (chunk: Buffer) => chunks.push(chunk));
        socket.on("close", () =>
          ok(
            [
              ...Buffer.concat(chunks)
                .toString("latin1")
                .matchAll(/HTTP\/1\.1 (\d{3})/g),
            ].map((m) => m[1]!),
          ),
        );
        socket.on("error", () => undefined);
        socket.setTimeout(3000, () => socket.destroy());
        socket.write(bytes, "latin1");
      });
    const head = (lines: string[]) =>
      [
        "POST /api/test-log HTTP/1.1",
        `Host: ${host}`,
        `Origin: http://${host}`,
        "Transfer-Encoding: chunked",
        ...lines,
      ].join("\r\n") + "\r\n\r\n";
    const before = folderBytes(dataDir);
    // Refused on its headers (no token; a form's type), its chunk size then not hex.
    for (const [lines, status] of [
      [["Content-Type: application/json"], "403"],
      [[`X-Write-Token: ${token}`, "Content-Type: text/plain"], "415"],
      [["Content-Type: application/json", "Connection: close"], "403"],
    ] as const) {
      expect(await statuses(head([...lines]) + "zz\r\nabc\r\n0\r\n\r\n"), lines.join()).toEqual([
        status,
      ]);
    }
    // A malformed request after a refused one whose body was read whole (its length declared,
    // so the connection stays open) is a request of its own: answered 400.
    const declared = head(["Content-Type: application/json"]).replace(
      "Transfer-Encoding: chunked",
      "Content-Length: 2",
    );
    expect(await statuses(declared + "{}" + "BAD\u0000LINE\r\n\r\n")).toEqual(["403", "400"]);
    expect(folderBytes(dataDir)).toEqual(before);
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
