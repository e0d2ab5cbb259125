// Posting a write to the `npm start` server (scripts/write/api.ts): JSON in, JSON out, the
// page's token in the X-Write-Token header. Every outcome is a value, never a throw: a refusal,
// a network failure or an answer of the wrong shape each say what happened.
import { META_ORIGIN, META_TOKEN, type WriteMode } from "./writeMode.ts";
import type { WriteFailure, WriteFailureCode } from "../i18n/writeErrors.ts";
import { WRITE_REFUSAL_CODES } from "../../scripts/write/protocol.ts";

export const TOKEN_HEADER = "X-Write-Token";
/** The server's body limit (MAX_WRITE_BODY_BYTES in scripts/write/guard.ts). */
export const MAX_WRITE_BODY_BYTES = 8 * 1024 * 1024;

export type WriteResult<T> = { ok: true; value: T } | ({ ok: false } & WriteFailure);

const failure = (
  status: number,
  code: WriteFailureCode,
  detail: string,
  params: Record<string, string | number> = {},
): { ok: false } & WriteFailure => ({ ok: false, status, code, params, detail });

const KNOWN = new Set<string>(WRITE_REFUSAL_CODES);

/** The params of a refusal: its text and number values only. */
function paramsOf(value: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (typeof value !== "object" || value === null) return out;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string" || typeof v === "number") out[k] = v;
  }
  return out;
}

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
    return mode.kind === "static"
      ? failure(0, "no-server", "no server to write to (static files)")
      : failure(0, "writes-off", mode.reason, { reason: mode.reason });
  }
  const json = JSON.stringify(body);
  // The server's limit (scripts/write/guard.ts), checked here too so that a large file gets a
  // clear message at once rather than after its upload.
  const size = new TextEncoder().encode(json).length;
  if (size > MAX_WRITE_BODY_BYTES) {
    return failure(
      413,
      "too-large",
      `the request is ${(size / 2 ** 20).toFixed(1)} MiB; the limit is ${MAX_WRITE_BODY_BYTES / 2 ** 20} MiB`,
      { size, limit: MAX_WRITE_BODY_BYTES },
    );
  }
  let result = await sendOnce(mode, path, json, parse, fetchImpl);
  // The server makes a new token at every start: a page opened before a restart sends the old one
  // and is refused with nothing changed. The page the server now serves holds the new token (as a
  // reload would give it): taken from there, the same write is sent once more, so a decision or a
  // save made after a restart is not lost for want of a reload.
  if (!result.ok && result.code === "token" && (await renewToken(mode, fetchImpl))) {
    result = await sendOnce(mode, path, json, parse, fetchImpl);
  }
  return result;
}

/**
 * Reads this start's token from the index.html the server serves (the meta tags of
 * scripts/write/meta.ts) into `mode`, which every holder of the page's mode shares. False when
 * that page gives no other token for this origin (writes off now, or the same token).
 */
async function renewToken(
  mode: Extract<WriteMode, { kind: "server" }>,
  fetchImpl: typeof fetch,
): Promise<boolean> {
  let html: string;
  try {
    html = await (await fetchImpl("/", { cache: "no-store" })).text();
  } catch {
    return false;
  }
  const meta = (name: string) =>
    new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1] ?? null;
  const token = meta(META_TOKEN);
  if (!token || token === mode.token || meta(META_ORIGIN) !== mode.origin) return false;
  mode.token = token;
  return true;
}

/** Posts one write and reads its answer. */
async function sendOnce<T>(
  mode: Extract<WriteMode, { kind: "server" }>,
  path: string,
  json: string,
  parse: AnswerParser<T>,
  fetchImpl: typeof fetch,
): Promise<WriteResult<T>> {
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", [TOKEN_HEADER]: mode.token },
      body: json,
      cache: "no-store",
    });
  } catch (error) {
    return failure(0, "unreachable", `the server could not be reached: ${String(error)}`);
  }
  let answer: unknown;
  try {
    answer = await response.json();
  } catch {
    return failure(response.status, "server-fault", `HTTP ${response.status}: not a JSON answer`);
  }
  if (typeof answer !== "object" || answer === null) {
    return failure(response.status, "bad-answer", `HTTP ${response.status}: not a JSON object`);
  }
  const record = answer as Record<string, unknown>;
  if (!response.ok || record.ok !== true) {
    const error = typeof record.error === "string" ? record.error : `HTTP ${response.status}`;
    const code =
      typeof record.code === "string" && KNOWN.has(record.code)
        ? (record.code as WriteFailureCode)
        : response.status >= 500
          ? "server-fault"
          : "unknown";
    return failure(response.status, code, error, paramsOf(record.params));
  }
  const value = parse(record);
  if (value === undefined) {
    return failure(response.status, "bad-answer", "the server's answer has an unexpected shape");
  }
  return { ok: true, value };
}
