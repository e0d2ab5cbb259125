import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";
import { DATA_DIR, dataMiddleware } from "./data-files.ts";

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

export interface ServeOptions {
  distDir: string;
  dataDir?: string;
  port?: number;
  host?: string;
}

/**
 * Serves a built dashboard: files from `distDir`, /data/* live from `dataDir` (so a new CSV needs
 * no rebuild), index.html for unknown page routes (404 for missing files), and the
 * Content-Security-Policy as a header too.
 */
export async function serveDashboard(
  options: ServeOptions,
): Promise<{ server: Server; url: string }> {
  const { distDir, dataDir = DATA_DIR, port = 0, host = "127.0.0.1" } = options;
  const data = dataMiddleware(dataDir);
  const server = createServer((req, res) => {
    res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    data(req, res, () => {
      let path: string;
      try {
        path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
      } catch {
        res.statusCode = 400;
        res.end("malformed URL");
        return;
      }
      let file = normalize(join(distDir, path));
      const inside = file.startsWith(distDir + sep);
      if (!inside || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
        // Only page routes fall back to the app; a missing data file or asset is a real 404,
        // so a mistyped ?csv= path reads as "not found" rather than as an HTML page.
        if (path.startsWith("/data/") || extname(path) !== "") {
          res.statusCode = 404;
          res.setHeader("Content-Type", "text/plain; charset=utf-8");
          res.end(`not found: ${path}`);
          return;
        }
        file = join(distDir, "index.html");
      }
      res.setHeader("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
      if (file.includes(`${sep}assets${sep}`)) {
        res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      }
      createReadStream(file).pipe(res);
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok());
  });
  const address = server.address() as AddressInfo;
  return { server, url: `http://${host}:${address.port}/` };
}
