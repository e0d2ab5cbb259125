// Reading a write request's body with a hard size limit: the limit holds whether or not the
// client declared a Content-Length (chunked bodies are counted as they arrive), and reading stops
// at the first byte over it, so an oversized body never sits in memory whole.
import type { IncomingMessage } from "node:http";

import type { RefusalParams, WriteRefusalCode } from "./protocol.ts";

type Refused = {
  ok: false;
  status: number;
  code: WriteRefusalCode;
  error: string;
  params?: RefusalParams;
};

export type BodyResult = { ok: true; bytes: Buffer } | Refused;

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settle({
          ok: false,
          status: 413,
          code: "too-large",
          params: { limit },
          error: `refused: the body is over the limit of ${limit} bytes (${limit / 2 ** 20} MiB)`,
        });
        // Stop reading; the answer goes out and the connection closes.
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => settle({ ok: true, bytes: Buffer.concat(chunks, size) }));
    req.on("error", (error) =>
      settle({
        ok: false,
        status: 400,
        code: "body-unreadable",
        error: `the body could not be read: ${error.message}`,
      }),
    );
    req.on("aborted", () =>
      settle({ ok: false, status: 400, code: "body-unreadable", error: "the request was aborted" }),
    );
  });
}

/** The body as a JSON value, or why it is not one. */
export function parseJsonBody(bytes: Buffer): { ok: true; value: unknown } | Refused {
  if (bytes.length === 0)
    return {
      ok: false,
      status: 400,
      code: "body-empty",
      error: "the body is empty (expected JSON)",
    };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, status: 400, code: "body-not-utf8", error: "the body is not UTF-8" };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      status: 400,
      code: "body-not-json",
      error: `the body is not JSON: ${(error as Error).message}`,
    };
  }
}
