// The server of the hostile-request test, in a process of its own so that a crash shows as an
// exit: serves DIR/dist and DIR/data on the loopback and prints its address on standard output.
import { join } from "node:path";
import { serveDashboard } from "../../../scripts/serve.ts";

const root = process.argv[2];
if (!root) throw new Error("usage: serve-child.ts DIR");
const { url } = await serveDashboard({ distDir: join(root, "dist"), dataDir: join(root, "data") });
process.stdout.write(`${url}\n`);
