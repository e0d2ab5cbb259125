// Generated hostile requests against the preview server in a child process (so that a crash shows
// as an exit): NUL bytes, traversal in many encodings, over-long paths, invalid UTF-8, odd
// methods and Range headers. The server must answer each with an expected status, never serve a
// byte of a file outside dist/ and data/, and still be running at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { csvHeader, factsToCsvRows } from "../../../extract/lib/csv.ts";
import { extractDocument, parseRegionTable } from "../../../extract/lib/index.ts";
import { sortFactsByStart } from "../../../extract/node/process.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { folderBytes } from "../../folder.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const CHILD = join(import.meta.dirname, "serve-child.ts");
const RUNS = 1200;
const ALLOWED = new Set([200, 206, 304, 400, 404, 405]);

const root = mkdtempSync(join(tmpdir(), "jm-hostile-"));
/** Files the server may send, and their bytes. */
const servable = new Map<string, Buffer>();
/** Files beside and far above the served folders: none of their bytes may ever be sent. */
const secrets: { name: string; bytes: Buffer }[] = [];

function plant(rel: string, text: string): void {
  const file = join(root, rel);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  servable.set(rel, Buffer.from(text));
}

function setUpFolders(): void {
  plant("dist/index.html", "<!doctype html><title>app</title>");
  plant("dist/assets/app.js", "console.log('app')");
  plant("dist/data/indicators.csv", "id\nbuilt\n");
  plant("data/indicators.csv", "id\nlive\n");
  plant("data/raw/a.txt", "江门市地区生产总值");
  // A copy of package.json beside dist/ and data/: reachable only by leaving them.
  const pkg = readFileSync(join(ROOT, "package.json"));
  writeFileSync(join(root, "package.json"), pkg);
  writeFileSync(join(root, "secret.txt"), "SECRET-BESIDE-THE-FOLDERS-6c1e");
  secrets.push({ name: "package.json", bytes: pkg.subarray(0, 64) });
  secrets.push({ name: "secret.txt", bytes: Buffer.from("SECRET-BESIDE-THE-FOLDERS") });
  if (existsSync("/etc/passwd")) {
    const firstLine = readFileSync("/etc/passwd", "utf8").split("\n")[0] ?? "";
    if (firstLine.length >= 8) secrets.push({ name: "/etc/passwd", bytes: Buffer.from(firstLine) });
  }
}

// Request targets are byte strings (latin1): raw bytes above 0x7F are invalid UTF-8 on purpose.
const utf8Bytes = (text: string) => Buffer.from(text, "utf8").toString("latin1");
const dotDot = fc.constantFrom(
  "..",
  "%2e%2e",
  "%2E%2E",
  ".%2e",
  "%2e.",
  "%252e%252e", // double encoding
  "%c0%ae%c0%ae", // over-long UTF-8 dots
  "%e0%80%ae%e0%80%ae",
  "%uff0e%uff0e",
  utf8Bytes("\uff0e\uff0e"), // fullwidth dots
  "...",
  "..%00",
  ".",
);
const separator = fc.constantFrom(
  "/",
  "//",
  "%2f",
  "%2F",
  "%5c",
  "%5C",
  "\\",
  "%252f",
  "%c0%af",
  ";/",
);
const name = fc.constantFrom(
  "etc",
  "passwd",
  "package.json",
  "secret.txt",
  "data",
  "dist",
  "raw",
  "index.html",
  "indicators.csv",
  "assets",
  "app.js",
  "a.txt",
  "nope.csv",
  "",
  "~",
);
const hostile = fc.oneof(
  fc.constantFrom(
    "%00",
    "\x00",
    "%",
    "%f",
    "%zz",
    "%ff",
    "%fe%ff",
    "%e0%a4%a",
    "\xff\xfe",
    "\xc3\x28",
    "\xed\xa0\x80", // a UTF-16 surrogate in UTF-8
    "%ed%a0%80",
    " ",
    "\t",
    "\r\n",
    "%0d%0a",
    "%7f",
    utf8Bytes("江门"),
  ),
  fc.constantFrom(100, 255, 256, 1000, 2049, 4096, 20_000).map((n) => "a".repeat(n)),
);
const segment = fc.oneof({ weight: 3, arbitrary: dotDot }, name, hostile);
const prefix = fc.constantFrom(
  "/",
  "/data/",
  "/data/raw/",
  "/assets/",
  "//",
  "/./",
  "",
  "*",
  "http://127.0.0.1/",
);
const suffix = fc.constantFrom("", "", "?x=1", "?../../etc/passwd", "#frag", "%00.csv", ".csv");
const path = fc
  .tuple(prefix, fc.array(fc.tuple(segment, separator), { maxLength: 8 }), suffix)
  .map(([p, parts, s]) => p + parts.map(([seg, sep]) => seg + sep).join("") + s);
const method = fc.oneof(
  { weight: 6, arbitrary: fc.constant("GET") },
  { weight: 2, arbitrary: fc.constant("HEAD") },
  fc.constantFrom(
    "POST",
    "PUT",
    "DELETE",
    "OPTIONS",
    "PATCH",
    "TRACE",
    "CONNECT",
    "PROPFIND",
    "BREW",
    "get",
  ),
);
const range = fc.option(
  fc.constantFrom(
    "bytes=0-10",
    "bytes=-5",
    "bytes=5-",
    "bytes=10-0",
    "bytes=0-1,3-4",
    "bytes=99999999999999-",
    "items=1-2",
    "bytes=abc",
    "bytes=0-0\x00",
  ),
);
const ifNoneMatch = fc.option(fc.constantFrom("*", 'W/"x"', "garbage"), { freq: 5 });
const hostileRequest = fc.record({ method, path, range, ifNoneMatch });
type HostileRequest = {
  method: string;
  path: string;
  range: string | null;
  ifNoneMatch: string | null;
};

interface RawAnswer {
  status: number;
  headers: string;
  body: Buffer;
}

/** Sends `request` as raw bytes on a fresh connection and reads the answer until the server closes. */
function send(port: number, request: HostileRequest): Promise<RawAnswer> {
  const lines = [
    `${request.method} ${request.path} HTTP/1.1`,
    "Host: 127.0.0.1",
    "Connection: close",
  ];
  if (request.range !== null) lines.push(`Range: ${request.range}`);
  if (request.ifNoneMatch !== null) lines.push(`If-None-Match: ${request.ifNoneMatch}`);
  if (["POST", "PUT", "PATCH"].includes(request.method)) lines.push("Content-Length: 0");
  const bytes = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
  return exchange(port, bytes, JSON.stringify(request));
}

/**
 * Writes `bytes` on a fresh connection and reads the answer until the server closes. A server that
 * answers early (400 to an over-long request, 413 to a refused body) may reset the rest: the
 * answer read so far is kept.
 */
function exchange(port: number, bytes: Buffer, what: string): Promise<RawAnswer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, "127.0.0.1");
    const timer = setTimeout(() => {
      socket.destroy();
      fail(new Error(`no answer within 5 s to ${what}`));
    }, 5000);
    const done = () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const end = all.indexOf("\r\n\r\n");
      const headers = all.subarray(0, end < 0 ? all.length : end).toString("latin1");
      const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(headers)?.[1] ?? NaN);
      ok({ status, headers, body: end < 0 ? Buffer.alloc(0) : all.subarray(end + 4) });
    };
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", done);
    socket.on("error", done);
    socket.write(bytes);
  });
}

/** The server started in a child process with `args` after the script, once it has printed its
 * address; `stderr()` is all it has written to standard error so far. */
async function startServeChild(
  args: string[],
): Promise<{ child: ChildProcess; port: number; stderr: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((ok, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) ok(out.trim());
    });
    child.once("exit", (code) => fail(new Error(`server exited (${code}): ${stderr}`)));
  });
  return { child, port: Number(new URL(url).port), stderr: () => stderr };
}

let child: ChildProcess;
let port = 0;
let stderr = () => "";

describe("the preview server under hostile requests", () => {
  beforeAll(async () => {
    setUpFolders();
    ({ child, port, stderr } = await startServeChild([root]));
  }, 30_000);

  afterAll(() => {
    child?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it(`answers ${RUNS} generated hostile requests as expected, sends no outside byte, and stays up`, async () => {
    const statuses = new Map<number, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(hostileRequest, async (request) => {
        const answer = await send(port, request);
        sent++;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(ALLOWED, `${JSON.stringify(request)} → ${answer.headers}`).toContain(answer.status);
        for (const secret of secrets) {
          expect(answer.body.includes(secret.bytes), `${secret.name} leaked`).toBe(false);
        }
        if (answer.status === 200 && request.method === "GET") {
          // A whole file from inside dist/ or data/, byte for byte.
          const match = [...servable.values()].some((bytes) => bytes.equals(answer.body));
          expect(match, `${JSON.stringify(request)} sent ${answer.body.toString()}`).toBe(true);
        }
        if (request.method === "HEAD") expect(answer.body.length).toBe(0);
        expect(child.exitCode).toBeNull();
      }),
      {
        numRuns: RUNS,
        examples: [
          [{ method: "GET", path: "/data/raw/%00.txt", range: null, ifNoneMatch: null }],
          [{ method: "GET", path: "/../package.json", range: null, ifNoneMatch: null }],
          [
            {
              method: "GET",
              path: "/data/%2e%2e/%2e%2e/secret.txt",
              range: "bytes=0-10",
              ifNoneMatch: null,
            },
          ],
        ],
      },
    );
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    // Not only refusals: the generator reaches real files too.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);

    // Still alive and serving, with nothing reported as an internal error.
    expect([child.exitCode, child.signalCode]).toEqual([null, null]);
    const last = await send(port, {
      method: "GET",
      path: "/data/indicators.csv",
      range: null,
      ifNoneMatch: null,
    });
    expect([last.status, last.body.toString()]).toEqual([200, "id\nlive\n"]);
    expect(stderr()).not.toMatch(/internal error/);
  }, 120_000);
});

// ---- Generated write requests against a server that takes writes (as under `npm start`) ----

const WRITE_RUNS = 300;
const WRITE_TOKEN = "5eed".repeat(16);
/** A low body limit, so that oversized bodies are cheap to send. */
const WRITE_LIMIT = 4096;

const writeRoot = mkdtempSync(join(tmpdir(), "jm-hostile-writes-"));
const A_TEXT = "江门市2023年地区生产总值3000亿元，增长5%。";
/** The rows `npm run extract` gives for data/raw/a.txt, so that removing it changes them. */
const A_ROWS = factsToCsvRows(
  sortFactsByStart(
    extractDocument(
      { id: "a", text: A_TEXT, published: "2024-01-05" },
      { regions: parseRegionTable(readFileSync(join(ROOT, "data/regions.csv"), "utf8")).regions },
    ).facts,
  ),
);

interface WriteRequest {
  path: string;
  host: "good" | "foreign" | "localhost" | "no-port" | "none";
  origin: "good" | "foreign" | "null" | "none" | "https";
  token: "good" | "wrong" | "none";
  type: "json" | "form" | "none";
  body: string;
  lengthHeader: "true" | "chunked" | "lie-big";
  method: string;
}

/** `good` most of the time, so that requests with one fault (or none) are common. */
function mostly<G extends string, B extends string>(good: G, ...bad: B[]): fc.Arbitrary<G | B> {
  return fc.oneof({ weight: 5, arbitrary: fc.constant(good) }, fc.constantFrom(...bad));
}

const writeRequest: fc.Arbitrary<WriteRequest> = fc.record({
  path: fc.oneof(
    fc.constantFrom("/api/articles", "/api/articles/delete", "/api/reviews", "/api/nope"),
    fc
      .tuple(
        fc.constantFrom("/api/", "/api/articles/"),
        fc.array(fc.tuple(dotDot, separator), { maxLength: 3 }),
        name,
      )
      .map(([p, parts, n]) => p + parts.map(([a, b]) => a + b).join("") + n),
  ),
  host: mostly("good" as const, "foreign", "localhost", "no-port", "none"),
  origin: mostly("good" as const, "foreign", "null", "none", "https"),
  token: mostly("good" as const, "wrong", "none"),
  type: mostly("json" as const, "form", "none"),
  body: fc.oneof(
    fc.constantFrom("{}", "[]", "null", "{not json", '{"text":""}'),
    fc
      .record({
        name: fc.constantFrom(
          "../../package.json",
          "a/../../b.txt",
          "..\\x.txt",
          "%2e%2e/x",
          "ok.txt",
          "\u0000.txt",
        ),
        text: fc.constantFrom("江门市地区生产总值3000亿元，增长5%。", ""),
        source: fc.constantFrom("../raw/a", "a", "../../secret", ""),
      })
      .map((record) => JSON.stringify(record)),
    fc.nat({ max: 3 }).map((n) => JSON.stringify({ text: "x".repeat(WRITE_LIMIT + 1 + n * 1000) })),
    // Deletes: a real article, names that try to leave data/raw, and names of no article.
    fc
      .constantFrom("a", "../raw/a", "../../secret", "sources", "../regions", "b", "", "a.txt")
      .map((id) => JSON.stringify({ id })),
    // Saves of a few distinct articles (the same one again, often).
    fc
      .constantFrom("开平市2023年地区生产总值增长4.1%。", "台山市2023年外贸进出口总额120亿元。")
      .map((text) => JSON.stringify({ text, title: "t", published: "2024-01" })),
  ),
  lengthHeader: mostly("true" as const, "chunked", "lie-big"),
  method: mostly("POST", "PUT", "DELETE", "GET"),
});

function sendWrite(port: number, request: WriteRequest): Promise<RawAnswer> {
  const hostPort = `127.0.0.1:${port}`;
  const lines = [`${request.method} ${request.path} HTTP/1.1`, "Connection: close"];
  const host = {
    good: hostPort,
    foreign: "evil.example",
    localhost: `localhost:${port}`,
    "no-port": "127.0.0.1",
    none: undefined,
  }[request.host];
  if (host) lines.push(`Host: ${host}`);
  const origin = {
    good: `http://${hostPort}`,
    foreign: "http://evil.example",
    null: "null",
    none: undefined,
    https: `https://${hostPort}`,
  }[request.origin];
  if (origin) lines.push(`Origin: ${origin}`);
  if (request.token !== "none") {
    lines.push(`X-Write-Token: ${request.token === "good" ? WRITE_TOKEN : "0".repeat(64)}`);
  }
  if (request.type !== "none") {
    lines.push(
      `Content-Type: ${request.type === "json" ? "application/json" : "application/x-www-form-urlencoded"}`,
    );
  }
  const body = Buffer.from(request.body);
  let payload = body;
  if (request.lengthHeader === "true") lines.push(`Content-Length: ${body.length}`);
  else if (request.lengthHeader === "lie-big") lines.push(`Content-Length: ${WRITE_LIMIT * 100}`);
  else {
    lines.push("Transfer-Encoding: chunked");
    payload = Buffer.concat([
      Buffer.from(`${body.length.toString(16)}\r\n`),
      body,
      Buffer.from("\r\n0\r\n\r\n"),
    ]);
  }
  const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");
  // A body the server refuses may never be read: write it, and ignore a reset.
  const bytes = request.lengthHeader === "lie-big" ? head : Buffer.concat([head, payload]);
  return exchange(port, bytes, JSON.stringify(request).slice(0, 300));
}

/** Whether the guard must refuse `request` (anything but the dashboard's own write). */
function mustRefuse(request: WriteRequest): boolean {
  return (
    request.method !== "POST" ||
    request.host !== "good" ||
    request.origin !== "good" ||
    request.token !== "good" ||
    request.type !== "json" ||
    request.lengthHeader === "lie-big" ||
    Buffer.byteLength(request.body) > WRITE_LIMIT
  );
}

let writeChild: ChildProcess;
let writePort = 0;
let writeStderr = () => "";

describe("the write path under generated write requests", () => {
  beforeAll(async () => {
    for (const [rel, text] of [
      ["dist/index.html", "<!doctype html><html><head><title>app</title></head></html>"],
      ["data/indicators.csv", csvHeader() + A_ROWS],
      ["data/raw/a.txt", A_TEXT],
      ["data/raw/sources.csv", "file,published,title,publisher,url\na.txt,2024-01-05,,,\n"],
      ["data/regions.csv", readFileSync(join(ROOT, "data/regions.csv"), "utf8")],
    ] as const) {
      mkdirSync(join(writeRoot, rel, ".."), { recursive: true });
      writeFileSync(join(writeRoot, rel), text);
    }
    writeFileSync(join(writeRoot, "secret.txt"), "SECRET");
    expect(A_ROWS.split("\n").length).toBeGreaterThan(2);
    ({
      child: writeChild,
      port: writePort,
      stderr: writeStderr,
    } = await startServeChild([writeRoot, "--writes", WRITE_TOKEN, String(WRITE_LIMIT)]));
  }, 30_000);

  afterAll(() => {
    writeChild?.kill();
    rmSync(writeRoot, { recursive: true, force: true });
  });

  it(`refuses ${WRITE_RUNS} generated foreign, tokenless, oversized or malformed writes with data/ unchanged, and an accepted one changes its article only`, async () => {
    const statuses = new Map<number, number>();
    const outside = readFileSync(join(writeRoot, "secret.txt"), "utf8");
    await fc.assert(
      fc.asyncProperty(writeRequest, async (request) => {
        const before = folderBytes(join(writeRoot, "data"));
        const answer = await sendWrite(writePort, request);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const label = JSON.stringify({ ...request, body: request.body.slice(0, 120) });
        expect(answer.status, label).toBeGreaterThanOrEqual(200);
        if (mustRefuse(request) || answer.status >= 400) {
          expect([403, 404, 405, 413, 415, 400], `${label} → ${answer.status}`).toContain(
            answer.status,
          );
          // A JSON object saying why; only the HTTP parser's own 400 (no Host, raw bytes in the
          // target) comes without one.
          if (/content-type: application\/json/i.test(answer.headers)) {
            expect(JSON.parse(answer.body.toString()).ok, label).toBe(false);
          } else expect(answer.status, label).toBe(400);
          expect(folderBytes(join(writeRoot, "data")), label).toEqual(before);
        }
        if (!mustRefuse(request) && answer.status === 200) {
          // Accepted: exactly the one intended article changed, and nothing else.
          const after = folderBytes(join(writeRoot, "data"));
          const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
            (file) => before.get(file) !== after.get(file),
          );
          const result = JSON.parse(answer.body.toString()) as {
            article?: { file: string; facts: number };
            id?: string;
            already?: boolean;
          };
          const file = result.article?.file ?? `${result.id}.txt`;
          // indicators.csv stays as it was when the article saved or removed has no fact.
          const oldFacts = Buffer.from(before.get("/indicators.csv") ?? "", "base64").toString();
          const hasFacts = result.id
            ? oldFacts.includes(`,${result.id},`)
            : result.article?.facts !== 0;
          const factsChange = hasFacts ? ["/indicators.csv"] : [];
          const expected = result.already
            ? []
            : [...factsChange, "/raw/sources.csv", `/raw/${file}`].sort();
          // The trash folder itself counts as made by the first delete.
          const inTrash = (f: string) => f === "/trash" || f.startsWith("/trash/");
          const outsideTrash = changed.filter((f) => !inTrash(f)).sort();
          expect(outsideTrash, label).toEqual(expected);
          if (request.path === "/api/articles" && !result.already) {
            expect(after.get(`/raw/${file}`), label).toBe(
              Buffer.from(JSON.parse(request.body).text as string).toString("base64"),
            );
            expect(changed.some(inTrash)).toBe(false);
          }
          if (request.path === "/api/articles/delete") {
            // What left data/raw is in the trash, byte for byte.
            const trashed = changed.filter(
              (f) => f.startsWith("/trash/") && f.endsWith(`/${file}`),
            );
            expect(
              trashed.map((f) => after.get(f)),
              label,
            ).toEqual([before.get(`/raw/${file}`)]);
          }
          statuses.set(-1, (statuses.get(-1) ?? 0) + 1);
        }
        expect(readFileSync(join(writeRoot, "secret.txt"), "utf8")).toBe(outside);
        expect(writeChild.exitCode).toBeNull();
      }),
      { numRuns: WRITE_RUNS },
    );
    // Some writes went through (and were checked above), and the generator reaches each of the
    // guard's refusals.
    expect(statuses.get(-1) ?? 0, "accepted writes").toBeGreaterThan(0);
    for (const status of [403, 413])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    expect(writeStderr()).not.toMatch(/internal error/);
  }, 120_000);

  it("keeps one article when the same save comes many times at once, with its header checks all passed", async () => {
    const before = folderBytes(join(writeRoot, "data"));
    const text = "鹤山市2023年规模以上工业增加值增长6.5%。";
    const save: WriteRequest = {
      path: "/api/articles",
      host: "good",
      origin: "good",
      token: "good",
      type: "json",
      body: JSON.stringify({ text, published: "2024-03" }),
      lengthHeader: "true",
      method: "POST",
    };
    const answers = await Promise.all(Array.from({ length: 8 }, () => sendWrite(writePort, save)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const after = folderBytes(join(writeRoot, "data"));
    const changed = [...after.keys()].filter((file) => before.get(file) !== after.get(file)).sort();
    const file = (JSON.parse(answers[0]!.body.toString()) as { article: { file: string } }).article
      .file;
    expect(changed).toEqual(["/indicators.csv", "/raw/sources.csv", `/raw/${file}`].sort());
    expect(
      Buffer.from(after.get("/raw/sources.csv")!, "base64").toString().split(file).length,
    ).toBe(2);
  });
});
