// The `npm start` server for the browser tests of kept articles, in a process of its own so that
// a test can stop and start it again (a restart): serves DIST and the data folder DATA on the
// loopback at PORT (0: any), with writes on and a new token each start, as scripts/start.ts
// does, and prints its address.
import { randomBytes } from "node:crypto";
import { serveDashboard } from "../../scripts/serve.ts";
import { writeRoutes } from "../../scripts/write/routes.ts";

const [distDir, dataDir, port] = process.argv.slice(2);
if (!distDir || !dataDir) throw new Error("usage: write-server-child.ts DIST DATA [PORT]");
const { url } = await serveDashboard({
  distDir,
  dataDir,
  port: Number(port ?? 0),
  writes: { token: randomBytes(32).toString("hex"), routes: writeRoutes(dataDir) },
});
process.stdout.write(`${url}\n`);
