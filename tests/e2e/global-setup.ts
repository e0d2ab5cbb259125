import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ROOT } from "../../scripts/data-files.ts";
import { serveDashboard } from "../../scripts/serve.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the dashboard once into test-output/dist and serves it the way `npm start` does. */
export default async function setup(project: TestProject) {
  const distDir = join(ROOT, "test-output", "dist");
  execFileSync(
    process.execPath,
    [
      join(ROOT, "node_modules/vite/bin/vite.js"),
      "build",
      "--outDir",
      distDir,
      "--emptyOutDir",
      "--logLevel",
      "warn",
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
  const { server, url } = await serveDashboard({ distDir });
  project.provide("baseUrl", url);
  return async () => {
    await new Promise((ok) => server.close(ok));
  };
}
