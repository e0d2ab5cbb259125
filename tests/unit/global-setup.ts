// The command-line tests run the built command (extract/dist/cli.js), as `npm run extract` does.
// Build it before they start, so they test the sources as they are now and not a stale bundle
// left by the last `npm ci` (the bundle takes a fraction of a second).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../../scripts/data-files.ts";

export default function setup() {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs"), "--quiet"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) {
    throw new Error(`building extract/dist failed:\n${run.stdout ?? ""}${run.stderr ?? ""}`);
  }
}
