// `npm start`: extract when data/indicators.csv is missing or older than the articles or the
// region table, build the dashboard, serve it on localhost and print the address.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DATA_DIR, ROOT } from "./data-files.ts";
import { dataIsFresh } from "./fresh-data.ts";
import { buildDashboard } from "./build.ts";
import { serveDashboard } from "./serve.ts";
import { isLoopback } from "./write/guard.ts";
import { writeRoutes } from "./write/routes.ts";
import { moveStaleTempFiles } from "./write/files.ts";
import { startSaveWorker } from "./write/saveWork.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "5173" },
    host: { type: "string", default: "127.0.0.1" },
    "no-build": { type: "boolean", default: false },
    // Saving from the dashboard on an address other people can reach lets any of them change
    // data/ (the token is in the page they load): off unless asked for by name.
    "allow-remote-writes": { type: "boolean", default: false },
  },
});

const writes =
  isLoopback(values.host) || values["allow-remote-writes"]
    ? { token: randomBytes(32).toString("hex"), routes: writeRoutes(DATA_DIR) }
    : {
        off: `the server listens on ${values.host}, which other machines can reach; start it with --allow-remote-writes to save from the dashboard there`,
      };

// A server stopped part way through a save leaves its temporary copies (hidden files no run
// reads): into the trash with them, and say so, before anything reads the folder.
const interrupted = await moveStaleTempFiles(DATA_DIR);
if (interrupted.files.length) {
  console.log(
    `moved ${interrupted.files.length} temporary file(s) left by a server stopped while writing into ${interrupted.trash}: ${interrupted.files.join(", ")}\n  (a save it was making did not finish: save that article again; nothing was deleted)`,
  );
}

if (!dataIsFresh(DATA_DIR)) {
  console.log(
    "data/indicators.csv is missing or older than the articles or the reviews: extracting…",
  );
  // The built command, rebuilt first so that edited extractor sources are what runs.
  execFileSync(process.execPath, ["scripts/build-cli.mjs", "--quiet"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  execFileSync(process.execPath, ["extract/dist/cli.js"], { cwd: ROOT, stdio: "inherit" });
}
const distDir = join(ROOT, "dist");
if (!values["no-build"] || !existsSync(join(distDir, "index.html"))) {
  console.log("building the dashboard…");
  buildDashboard(distDir);
}

// A busy port is common (another dev server): try the next few before giving up.
const firstPort = Number(values.port);
for (let port = firstPort; port < firstPort + 20; port++) {
  try {
    const { url } = await serveDashboard({ distDir, port, host: values.host, writes });
    const note = "off" in writes ? `\n  saving from the dashboard is off: ${writes.off}` : "";
    console.log(`\n  jiangmen-indicators dashboard: ${url}${note}\n  (Ctrl+C to stop)\n`);
    // Saves and decisions read and extract articles on a worker thread: started now, in the
    // background, rather than on the person's first decision.
    if (!("off" in writes)) startSaveWorker();
    break;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    if (port === firstPort + 19)
      throw new Error(`ports ${firstPort}–${port} are all busy`, { cause: error });
  }
}
