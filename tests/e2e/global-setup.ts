import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import type { TestProject } from "vitest/node";
import { copyDataInto, ROOT } from "../../scripts/data-files.ts";
import { buildDashboard } from "../../scripts/build.ts";
import { serveDashboard } from "../../scripts/serve.ts";
import { SERVED_DATA } from "./servedData.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the dashboard once into test-output/dist and serves it the way `npm start` does, over
 * a copy of data/ (SERVED_DATA). */
export default async function setup(project: TestProject) {
  const distDir = join(ROOT, "test-output", "dist");
  buildDashboard(distDir);
  rmSync(SERVED_DATA, { recursive: true, force: true });
  copyDataInto(dirname(SERVED_DATA));
  const { server, url } = await serveDashboard({ distDir, dataDir: SERVED_DATA });
  project.provide("baseUrl", url);
  return async () => {
    await new Promise((ok) => server.close(ok));
  };
}
