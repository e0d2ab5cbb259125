import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ROOT } from "../../scripts/data-files.ts";
import { buildDashboard } from "../../scripts/build.ts";
import { serveDashboard } from "../../scripts/serve.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the dashboard once into test-output/dist and serves it the way `npm start` does. */
export default async function setup(project: TestProject) {
  const distDir = join(ROOT, "test-output", "dist");
  buildDashboard(distDir);
  const { server, url } = await serveDashboard({ distDir });
  project.provide("baseUrl", url);
  return async () => {
    await new Promise((ok) => server.close(ok));
  };
}
