import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { extname, join } from "node:path";
import { readFile } from "node:fs/promises";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";
import {
  API_PREFIX,
  handleApiRequest,
  refuse,
  sendJson,
  type WriteRoute,
  type WriteState,
} from "./write/api.ts";
import { isLoopback, namesThisMachine } from "./write/guard.ts";
import { injectWriteMeta } from "./write/meta.ts";
import {
  answerInternalError,
  contentType,
  DATA_DIR,
  inside,
  requestPath,
  sendFile,
} from "./data-files.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};
const distType = (file: string) => TYPES[extname(file)] ?? "application/octet-stream";

export interface ServeOptions {
  distDir: string;
  dataDir?: string;
  port?: number;
  host?: string;
  /**
   * Writes (`npm start` only): the per-start token and the routes, or why they are off. Left out,
   * there are none: /api/ answers 405 and index.html carries no token.
   */
  writes?:
    { token: string; routes: readonly WriteRoute[]; maxBodyBytes?: number } | { off: string };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The error boundary around every request: whatever `handler` throws or rejects with is answered
 * 500 (or, once the answer has begun, by cutting the connection) with one line on standard error,
 * and the server goes on with the next request.
 */
export function guarded(
  handler: Handler,
  log: (line: string) => void = console.error,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    let running: Promise<void>;
    try {
      running = handler(req, res);
    } catch (error) {
      running = Promise.reject(error);
    }
    running.catch((error: unknown) => {
      try {
        answerInternalError(req, res, error, log);
      } catch {
        res.destroy();
      }
    });
  };
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(text);
}

/**
 * Sends the dashboard's index.html with the write settings of this start in <meta> tags (the
 * token, or why writes are off): never cached, since the token changes at every start. False
 * when there is no index.html.
 */
async function sendIndex(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  state: WriteState,
): Promise<boolean> {
  let html: string;
  try {
    html = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  // The token goes only to the page at the printed address: under any other name (a
  // DNS-rebinding page, localhost for 127.0.0.1) the page could not write anyway, and a token
  // read there would be one secret fewer.
  const shown: WriteState =
    state.enabled && req.headers.host !== state.settings.host
      ? {
          enabled: false,
          reason: `saving works at the address the server printed, ${state.settings.origin}/, not at this one`,
        }
      : state;
  const body = Buffer.from(injectWriteMeta(html, shown));
  res.statusCode = 200;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

/** Under /data/, the folder whose files are only ever served live (see serveDashboard). */
const LIVE_ONLY = "/data/raw/";

/**
 * Serves a built dashboard: files from `distDir`, /data/* live from `dataDir` (so a new CSV needs
 * no rebuild), index.html for unknown page routes (404 for missing files), and the
 * Content-Security-Policy as a header too. GET and HEAD only (405 otherwise); a path that is
 * malformed or tries to leave the folders is answered 400; every file carries an ETag, and
 * If-None-Match with it is answered 304. No request can stop the server: see `guarded`.
 */
export async function serveDashboard(
  options: ServeOptions,
): Promise<{ server: Server; url: string }> {
  const { distDir, dataDir = DATA_DIR, port = 0, host = "127.0.0.1" } = options;
  // On the loopback only this machine connects, under its own names: any other name in Host is
  // a DNS-rebinding page (see namesThisMachine). On a network address names vary: not checked.
  const onLoopback = isLoopback(host);
  const boundPort = () => (server.address() as AddressInfo).port;
  // Known once the server listens (the port may be chosen by the system).
  let writeState: WriteState = {
    enabled: false,
    reason:
      options.writes && "off" in options.writes
        ? options.writes.off
        : "this server was started without them (only `npm start` writes)",
  };
  // The request each connection is on, while its body may still be coming: a parse error in a
  // body the answer has already refused is that request's, not a new one to answer again.
  const current = new WeakMap<Socket, { req: IncomingMessage; res: ServerResponse }>();
  const server = createServer(
    guarded(async (req, res) => {
      current.set(req.socket, { req, res });
      res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      res.setHeader("X-Content-Type-Options", "nosniff");
      if (onLoopback && !namesThisMachine(req.headers.host, boundPort())) {
        const error = `refused: the Host header ${JSON.stringify(req.headers.host ?? null)} is not a name of this machine (open the address the server printed)`;
        res.setHeader("Connection", "close");
        if ((req.url ?? "").startsWith(API_PREFIX)) {
          return sendJson(
            res,
            refuse(403, "host", error, { given: req.headers.host ?? "", expected: "" }),
          );
        }
        return answer(res, 403, error);
      }
      const checked = requestPath(req.url ?? "/");
      if (checked.ok && checked.path.startsWith(API_PREFIX)) {
        return handleApiRequest(req, res, checked.path, writeState);
      }
      if (!checked.ok && (req.url ?? "").startsWith(API_PREFIX)) {
        res.setHeader("Connection", "close");
        return sendJson(
          res,
          refuse(400, "bad-path", `bad request: ${checked.reason}`, { reason: checked.reason }),
        );
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.setHeader("Allow", "GET, HEAD");
        return answer(res, 405, `method not allowed: ${req.method}`);
      }
      if (!checked.ok) return answer(res, 400, `bad request: ${checked.reason}`);
      const path = checked.path;

      if (path.startsWith("/data/")) {
        // Live data first (browsers keep a copy but ask each time), then what the build copied.
        const file = inside(dataDir, path.slice("/data/".length));
        const headers = { "Content-Type": contentType(file ?? ""), "Cache-Control": "no-cache" };
        if (file && (await sendFile(req, res, file, headers))) return;
        // The articles are the live folder alone: one deleted from data/raw (删除文章, or by hand)
        // is gone, as `npm run extract` finds it gone, not served again from the build's copy.
        if (path.startsWith(LIVE_ONLY)) return answer(res, 404, `not found: ${path}`);
      }
      // With writes configured, index.html is always the page with this start's settings in it.
      const injected = options.writes !== undefined;
      const file = injected && path === "/index.html" ? null : inside(distDir, path);
      const headers: Record<string, string> = { "Content-Type": distType(path) };
      if (path.startsWith("/assets/")) {
        headers["Cache-Control"] = "public, max-age=31536000, immutable";
      }
      if (file && (await sendFile(req, res, file, headers))) return;
      // Only page routes fall back to the app; a missing data file or asset is a real 404,
      // so a mistyped ?csv= path reads as "not found" rather than as an HTML page.
      if (!path.startsWith("/data/") && (extname(path) === "" || path === "/index.html")) {
        const index = join(distDir, "index.html");
        if (injected) {
          if (await sendIndex(req, res, index, writeState)) return;
        } else if (await sendFile(req, res, index, { "Content-Type": distType(index) })) return;
      }
      answer(res, 404, `not found: ${path}`);
    }),
  );
  // A request the HTTP parser refuses (a raw NUL, an unknown method, headers over 16 KB) is
  // answered 400 instead of Node's bare close or 431.
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    // An answer already given to a request whose body was never read whole (a refusal sent on
    // the headers): the broken chunk is that body's, and one answer is all a request gets. The
    // connection closes once the answer is out.
    const open = current.get(socket);
    if (open && open.res.headersSent && !open.req.complete) {
      socket.setTimeout(5000, () => socket.destroy());
      socket.end();
      return;
    }
    socket.setTimeout(5000, () => socket.destroy());
    socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  // CONNECT is for proxies: without this listener Node would drop the connection unanswered.
  server.on("connect", (_req: IncomingMessage, socket: Socket) => {
    socket.setTimeout(5000, () => socket.destroy());
    socket.end(
      "HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok());
  });
  const address = server.address() as AddressInfo;
  const hostPort = `${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  if (options.writes && "token" in options.writes) {
    writeState = {
      enabled: true,
      settings: {
        host: hostPort,
        origin: `http://${hostPort}`,
        token: options.writes.token,
        maxBodyBytes: options.writes.maxBodyBytes,
      },
      routes: options.writes.routes,
    };
  }
  return { server, url: `http://${hostPort}/` };
}
