// A refused write is said in the reader's language: the server answers with a code and the values
// it names, and the page translates them (src/i18n/writeErrors.ts); the server's English words
// are never the Chinese page's message.
import { describe, expect, it } from "vitest";
import { WRITE_REFUSAL_CODES } from "../../../scripts/write/protocol.ts";
import { describeWriteFailure, type WriteFailureCode } from "../../../src/i18n/writeErrors.ts";
import { postWrite } from "../../../src/write/writeClient.ts";

const SERVER = { kind: "server", token: "t", origin: "http://127.0.0.1:5173" } as const;

/** A fetch answering with `status` and `body`, as the server would. */
const answering =
  (status: number, body: unknown): typeof fetch =>
  async () =>
    new Response(typeof body === "string" ? body : JSON.stringify(body), { status });

describe("a refusal on the page", () => {
  it("names what was refused and why, in Chinese on the Chinese page, with the values it gives", async () => {
    const result = await postWrite(
      SERVER,
      "/api/reviews",
      {},
      () => true,
      answering(403, {
        ok: false,
        code: "token",
        params: {},
        error:
          "refused: the write token is not this server's (it changes at every start: reload the page)",
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const zh = describeWriteFailure("zh", result);
    expect(zh).toContain("写入令牌已失效");
    expect(zh).toContain("重新加载页面");
    expect(zh).toContain("数据未作任何改动");
    expect(zh).not.toMatch(/refused|token is not/);
    const en = describeWriteFailure("en", result);
    expect(en).toMatch(/write token is out of date.*Reload the page/);
    expect(en).toContain("Nothing in data/ was changed");
  });

  it("puts the refusal's values into the sentence: a limit in MiB, a file and line", async () => {
    const big = await postWrite(
      SERVER,
      "/api/articles",
      {},
      () => true,
      answering(413, {
        ok: false,
        code: "too-large",
        params: { size: 9e6, limit: 8 * 2 ** 20 },
        error: "refused: the body is 9000000 bytes; the limit is 8388608 bytes (8 MiB)",
      }),
    );
    if (big.ok) throw new Error("accepted");
    expect(describeWriteFailure("zh", big)).toContain("内容太大：上限为 8 MiB");
    const sources = await postWrite(
      SERVER,
      "/api/articles",
      {},
      () => true,
      answering(409, {
        ok: false,
        code: "sources-problem",
        params: { line: 4, message: "a quoted cell is never closed" },
        error: "data/raw/sources.csv has problems; fix it first: line 4: …",
      }),
    );
    if (sources.ok) throw new Error("accepted");
    expect(describeWriteFailure("zh", sources)).toMatch(/^data\/raw\/sources\.csv 第 4 行有问题/);
  });

  it("says what went wrong when there is no refusal to translate: no server, an error page, an unknown code", async () => {
    const down = await postWrite(
      SERVER,
      "/api/reviews",
      {},
      () => true,
      async () => {
        throw new TypeError("Failed to fetch");
      },
    );
    if (down.ok) throw new Error("accepted");
    expect(describeWriteFailure("zh", down)).toMatch(/^连不上服务器：npm start 是否还在运行/);
    expect(describeWriteFailure("zh", down)).not.toContain("数据未作任何改动");
    const fault = await postWrite(SERVER, "/api/reviews", {}, () => true, answering(500, "oops"));
    if (fault.ok) throw new Error("accepted");
    expect(describeWriteFailure("zh", fault)).toContain("服务器出错（HTTP 500）");
    const newer = await postWrite(
      SERVER,
      "/api/reviews",
      {},
      () => true,
      answering(409, { ok: false, code: "from-a-newer-server", error: "some new check" }),
    );
    if (newer.ok) throw new Error("accepted");
    expect(newer.code).toBe("unknown");
    expect(describeWriteFailure("zh", newer)).toContain("（some new check）");
  });

  it("has a Chinese and an English sentence for every code the server sends", () => {
    for (const code of WRITE_REFUSAL_CODES) {
      const failure = { status: 400, code: code as WriteFailureCode, params: {}, detail: "x" };
      const zh = describeWriteFailure("zh", failure);
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, code).not.toMatch(/\b(refused|the body|is not)\b/);
      const en = describeWriteFailure("en", failure);
      expect(en.length, code).toBeGreaterThan(20);
      expect(en, code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("a server started again while the page is open", () => {
  it("takes the new start's token from the page the server serves and sends the write again, once", async () => {
    const mode = { kind: "server", token: "old", origin: "http://127.0.0.1:5173" } as {
      kind: "server";
      token: string;
      origin: string;
    };
    const sent: string[] = [];
    const fetchImpl = (async (input: string, init?: RequestInit) => {
      if (init?.method === "POST") {
        const token = (init.headers as Record<string, string>)["X-Write-Token"]!;
        sent.push(token);
        return token === "new"
          ? new Response(JSON.stringify({ ok: true }), { status: 200 })
          : new Response(
              JSON.stringify({ ok: false, code: "token", params: {}, error: "refused" }),
              { status: 403 },
            );
      }
      expect(input).toBe("/");
      return new Response(
        '<html><head><meta name="jm-write-token" content="new"><meta name="jm-write-origin" content="http://127.0.0.1:5173"></head></html>',
      );
    }) as typeof fetch;
    const result = await postWrite(mode, "/api/reviews", {}, () => true, fetchImpl);
    expect(result.ok).toBe(true);
    expect(sent).toEqual(["old", "new"]);
    // The page's mode holds the new token from now on.
    expect(mode.token).toBe("new");
  });

  it("says the token is out of date when the page served has none (writes off) or the same one", async () => {
    const mode = { kind: "server", token: "old", origin: "http://127.0.0.1:5173" } as {
      kind: "server";
      token: string;
      origin: string;
    };
    let posts = 0;
    const fetchImpl = (async (_input: string, init?: RequestInit) => {
      if (init?.method === "POST") {
        posts++;
        return new Response(
          JSON.stringify({ ok: false, code: "token", params: {}, error: "refused" }),
          { status: 403 },
        );
      }
      return new Response('<html><head><meta name="jm-writes-off" content="remote"></head></html>');
    }) as typeof fetch;
    const result = await postWrite(mode, "/api/reviews", {}, () => true, fetchImpl);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe("token");
    expect(posts).toBe(1);
  });
});
