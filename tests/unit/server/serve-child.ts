// The server of the hostile-request tests, in a process of its own so that a crash shows as an
// exit: serves DIR/dist and DIR/data on the loopback and prints its address on standard output.
// With `--writes TOKEN [LIMIT]` it takes writes as `npm start` does (the same routes), with that
// token and, when given, a lower body limit (so the test can send oversized bodies cheaply).
import { join } from "node:path";
import { serveDashboard } from "../../../scripts/serve.ts";
import { writeRoutes } from "../../../scripts/write/routes.ts";

const [root, flag, token, limit] = process.argv.slice(2);
if (!root) throw new Error("usage: serve-child.ts DIR [--writes TOKEN [LIMIT]]");
const dataDir = join(root, "data");
const writes =
  flag === "--writes" && token
    ? {
        token,
        routes: writeRoutes(dataDir),
        maxBodyBytes: limit ? Number(limit) : undefined,
      }
    : undefined;
const { url } = await serveDashboard({ distDir: join(root, "dist"), dataDir, writes });
process.stdout.write(`${url}\n`);
