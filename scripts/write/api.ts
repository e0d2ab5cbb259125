// The write API of `npm start`: every request under /api/ comes here. A write is answered only
// after the guard (guard.ts) accepts its headers and its body is read within the limit; every
// answer, refusals included, is a JSON object `{ ok: true, ... }` or `{ ok: false, error }`.
// Routes are listed in routes.ts; each gets the parsed body and answers with a status and object.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseJsonBody, readBody } from "./body.ts";
import { MAX_WRITE_BODY_BYTES, refuseWrite, type WriteSettings } from "./guard.ts";
import {
  refusalBody,
  type RefusalBody,
  type RefusalParams,
  type WriteRefusalCode,
} from "./protocol.ts";

/** The prefix of every write route. */
export const API_PREFIX = "/api/";

export interface WriteAnswer {
  status: number;
  /** Done, with what the route says about it; or refused, with a code the page translates. */
  body: { ok: true; [key: string]: unknown } | RefusalBody;
}

export interface WriteRoute {
  /** The exact path, e.g. `/api/articles`. Every write is a POST with a JSON body. */
  path: string;
  /** A lower body limit than the server's, for routes that take small bodies. */
  maxBodyBytes?: number;
  /** Validates the body and makes the change; throws only on a failure of the server itself. */
  handle(body: unknown): Promise<WriteAnswer>;
}

/** How writes stand for this start of the server. */
export type WriteState =
  | { enabled: true; settings: WriteSettings; routes: readonly WriteRoute[] }
  | { enabled: false; reason: string };

export function sendJson(res: ServerResponse, answer: WriteAnswer): void {
  res.statusCode = answer.status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(JSON.stringify(answer.body));
}

/**
 * Bodies up to this size are read and dropped after a refusal, so that a browser still sending
 * one gets the answer (a connection closed under it reads as a network error, not as the
 * refusal); a larger or undeclared body closes the connection instead.
 */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/** Answers a refused request; nothing of its body is kept. */
function sendRefusal(req: IncomingMessage, res: ServerResponse, answer: WriteAnswer): void {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (req.readableEnded || (Number.isFinite(declared) && declared <= DRAIN_LIMIT)) req.resume();
  else res.setHeader("Connection", "close");
  sendJson(res, answer);
}

/** A refused write: its status, its code for the page and its English words. */
export const refuse = (
  status: number,
  code: WriteRefusalCode,
  error: string,
  params?: RefusalParams,
): WriteAnswer => ({ status, body: refusalBody(code, error, params) });

/** Answers one request under /api/. Never throws for bad input; server faults reject. */
export async function handleApiRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: WriteState,
): Promise<void> {
  if (!state.enabled)
    return sendRefusal(
      req,
      res,
      refuse(405, "writes-off", `writes are off: ${state.reason}`, { reason: state.reason }),
    );
  const route = state.routes.find((r) => r.path === path);
  const limit = Math.min(
    route?.maxBodyBytes ?? MAX_WRITE_BODY_BYTES,
    state.settings.maxBodyBytes ?? MAX_WRITE_BODY_BYTES,
  );
  const refusal = refuseWrite(req, { ...state.settings, maxBodyBytes: limit });
  if (refusal) {
    if (refusal.status === 405) res.setHeader("Allow", "POST");
    return sendRefusal(
      req,
      res,
      refuse(refusal.status, refusal.code, refusal.error, refusal.params),
    );
  }
  if (!route)
    return sendRefusal(req, res, refuse(404, "no-route", `no write route ${path}`, { path }));
  const body = await readBody(req, limit);
  if (!body.ok)
    return sendRefusal(req, res, refuse(body.status, body.code, body.error, body.params));
  const json = parseJsonBody(body.bytes);
  if (!json.ok) return sendJson(res, refuse(json.status, json.code, json.error, json.params));
  sendJson(res, await route.handle(json.value));
}
