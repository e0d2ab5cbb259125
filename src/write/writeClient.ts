// Posting a write to the `npm start` server (scripts/write/api.ts): JSON in, JSON out, the
// page's token in the X-Write-Token header. Every outcome is a value, never a throw: a refusal,
// a network failure or an answer of the wrong shape each say what happened.
import type { WriteMode } from "./writeMode.ts";

export const TOKEN_HEADER = "X-Write-Token";
/** The server's body limit (MAX_WRITE_BODY_BYTES in scripts/write/guard.ts). */
export const MAX_WRITE_BODY_BYTES = 8 * 1024 * 1024;

export type WriteResult<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

/** Checks an answer's shape: the value when it is a `T`, else undefined. */
export type AnswerParser<T> = (answer: Record<string, unknown>) => T | undefined;

export async function postWrite<T>(
  mode: WriteMode,
  path: string,
  body: unknown,
  parse: AnswerParser<T>,
  fetchImpl: typeof fetch = fetch,
): Promise<WriteResult<T>> {
  if (mode.kind !== "server") {
    return {
      ok: false,
      status: 0,
      error: mode.kind === "static" ? "no server to write to (static files)" : mode.reason,
    };
  }
  const json = JSON.stringify(body);
  // The server's limit (scripts/write/guard.ts), checked here too so that a large file gets a
  // clear message at once rather than after its upload.
  const size = new TextEncoder().encode(json).length;
  if (size > MAX_WRITE_BODY_BYTES) {
    return {
      ok: false,
      status: 413,
      error: `the request is ${(size / 2 ** 20).toFixed(1)} MiB; the limit is ${MAX_WRITE_BODY_BYTES / 2 ** 20} MiB`,
    };
  }
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", [TOKEN_HEADER]: mode.token },
      body: json,
      cache: "no-store",
    });
  } catch (error) {
    return { ok: false, status: 0, error: `the server could not be reached: ${String(error)}` };
  }
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    return {
      ok: false,
      status: response.status,
      error: `HTTP ${response.status}: not a JSON answer`,
    };
  }
  if (typeof answer !== "object" || answer === null) {
    return {
      ok: false,
      status: response.status,
      error: `HTTP ${response.status}: not a JSON object`,
    };
  }
  const record = answer as Record<string, unknown>;
  if (!response.ok || record.ok !== true) {
    const error = typeof record.error === "string" ? record.error : `HTTP ${response.status}`;
    return { ok: false, status: response.status, error };
  }
  const value = parse(record);
  if (value === undefined) {
    return {
      ok: false,
      status: response.status,
      error: "the server's answer has an unexpected shape",
    };
  }
  return { ok: true, value };
}
