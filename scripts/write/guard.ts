// The checks every write request passes before its body is read or a file is touched. Pure: the
// answer depends only on the request's method and headers and the server's write settings, so it
// is tested without a server. Why each check (see the README, "The write API"):
// - Host: a DNS-rebinding page (evil.example resolving to 127.0.0.1) reaches the server with its
//   own name in Host; only the address the server printed is accepted.
// - Origin: a page of another site can send a POST (a form, fetch with no-cors); its Origin
//   names that site. A browser always sends Origin with a POST, so a missing one is refused too;
//   and its Sec-Fetch-Site, when sent, must say same-origin.
// - Token: a per-start secret the server puts into the index.html it serves; another page can
//   neither read it (same-origin policy) nor guess it. Sending it as a header also forces a CORS
//   preflight from any other origin, which the server never grants.
// - Size: the body limit is checked on Content-Length here and again while reading (body.ts).
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { RefusalParams, WriteRefusalCode } from "./protocol.ts";

/** The header that carries the per-start token. */
export const TOKEN_HEADER = "x-write-token";
/** The largest write body accepted, in bytes: a saved web page of a few MB, base64-encoded. */
export const MAX_WRITE_BODY_BYTES = 8 * 1024 * 1024;

/** What the server accepts writes from; built once per start. */
export interface WriteSettings {
  /** `host:port` exactly as printed, e.g. `127.0.0.1:5173`. */
  host: string;
  /** The dashboard's own origin, e.g. `http://127.0.0.1:5173`. */
  origin: string;
  /** The per-start token (hex). */
  token: string;
  /** Body limit in bytes (default MAX_WRITE_BODY_BYTES). */
  maxBodyBytes?: number;
}

export type WriteRefusal = {
  status: number;
  code: WriteRefusalCode;
  error: string;
  params?: RefusalParams;
};

const WRITE_METHODS = new Set(["POST"]);

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why a write request must be refused, or undefined when it may go on (its body is then read
 * with the same limit). Checked in this order, so the message names the first problem.
 */
export function refuseWrite(
  request: { method?: string; headers: IncomingHttpHeaders },
  settings: WriteSettings,
): WriteRefusal | undefined {
  const limit = settings.maxBodyBytes ?? MAX_WRITE_BODY_BYTES;
  const method = request.method ?? "";
  if (!WRITE_METHODS.has(method)) {
    return {
      status: 405,
      code: "method",
      params: { method },
      error: `method ${method} is not a write (every write is a POST)`,
    };
  }
  const host = header(request.headers, "host");
  if (host !== settings.host) {
    return {
      status: 403,
      code: "host",
      params: { given: host ?? "", expected: settings.host },
      error: `refused: the Host header is ${JSON.stringify(host ?? null)}, not the address the server printed (${settings.host})`,
    };
  }
  const origin = header(request.headers, "origin");
  if (origin !== settings.origin) {
    return {
      status: 403,
      code: "origin",
      params: { given: origin ?? "", expected: settings.origin },
      error: `refused: the Origin is ${JSON.stringify(origin ?? null)}, not the dashboard's own (${settings.origin})`,
    };
  }
  // What the browser itself says of who made the request (a header no page can set): belt and
  // braces over Origin, should a browser ever send this origin on another site's behalf.
  const site = header(request.headers, "sec-fetch-site");
  if (site !== undefined && site !== "same-origin") {
    return {
      status: 403,
      code: "cross-site",
      params: { given: site },
      error: `refused: Sec-Fetch-Site is ${JSON.stringify(site)}; writes come from the dashboard's own page (same-origin)`,
    };
  }
  const token = header(request.headers, TOKEN_HEADER);
  if (token === undefined || token === "") {
    return {
      status: 403,
      code: "no-token",
      error: `refused: no ${TOKEN_HEADER} header (the page's write token)`,
    };
  }
  if (!sameSecret(token, settings.token)) {
    return {
      status: 403,
      code: "token",
      error: `refused: the write token is not this server's (it changes at every start: reload the page)`,
    };
  }
  const type = header(request.headers, "content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return {
      status: 415,
      code: "content-type",
      params: { given: type },
      error: `refused: the body must be application/json, not ${JSON.stringify(type)}`,
    };
  }
  const length = header(request.headers, "content-length");
  if (length !== undefined) {
    if (!/^\d+$/.test(length))
      return { status: 400, code: "content-length", error: "refused: a malformed Content-Length" };
    if (Number(length) > limit) {
      return {
        status: 413,
        code: "too-large",
        params: { size: Number(length), limit },
        error: `refused: the body is ${length} bytes; the limit is ${limit} bytes (${limit / 2 ** 20} MiB)`,
      };
    }
  }
  return undefined;
}

/** True for the loopback addresses, where only this machine can connect. */
export function isLoopback(host: string): boolean {
  return (
    host === "localhost" || host === "::1" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/**
 * True when a request's Host header names this machine by a loopback name (127.x.x.x, localhost,
 * [::1]) and, when it gives one, the server's port. A server on the loopback answers nothing
 * else: a page of another site that rebinds its own name to 127.0.0.1 (DNS rebinding) sends
 * that name, and could otherwise read all it serves, data/ included.
 */
export function namesThisMachine(host: string | undefined, port: number): boolean {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec((host ?? "").toLowerCase());
  if (!match) return false;
  const [, name = "", given] = match;
  if (given !== undefined && Number(given) !== port) return false;
  return name === "[::1]" || name === "localhost" || /^127(\.\d{1,3}){3}$/.test(name);
}
