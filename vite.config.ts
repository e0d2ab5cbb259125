import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { dataMiddleware, copyDataInto } from "./scripts/data-files.ts";
import { CONTENT_SECURITY_POLICY } from "./scripts/csp.ts";

/**
 * The dashboard reads data/*.csv and data/raw/* over HTTP at run time, so a new CSV needs no
 * rebuild. In dev and preview this plugin serves them from the repository's data folder; the
 * build copies them beside the app so dist/ is a complete, static site.
 */
function dataFolder(): Plugin {
  let outDir = "dist";
  return {
    name: "jiangmen-data-folder",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      server.middlewares.use(dataMiddleware());
    },
    configurePreviewServer(server) {
      server.middlewares.use(dataMiddleware());
    },
    closeBundle() {
      copyDataInto(outDir);
    },
  };
}

/** The built page forbids inline script and other origins; dev keeps Vite's inline HMR client. */
function contentSecurityPolicy(): Plugin {
  return {
    name: "jiangmen-csp",
    apply: "build",
    transformIndexHtml(html) {
      return html.replace(
        "<head>",
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), dataFolder(), contentSecurityPolicy()],
  build: {
    target: "es2022",
    rolldownOptions: {
      // The dashboard reaches the extractor through extract/lib/index.ts only (which also opens
      // onto the page stage, extract/page). Their modules do
      // nothing on load but define their exports (the lexicon checks run as the exported values
      // are built), so a module none of whose exports is used is left out: the page's first
      // download gets the contract's tables, not the extraction pipeline.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]extract[\\/](lib|page)[\\/]/.test(id),
      },
    },
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Small font subsets would otherwise be inlined as data: URLs, which font-src 'self' blocks.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
  },
  worker: { format: "es" },
});
