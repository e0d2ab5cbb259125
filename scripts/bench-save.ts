// 保存文章 at scale: with 1,500 articles in data/raw/ (generated in a temporary folder, as the
// extractor benchmark generates them), the time from the request to the answer of saving one
// more article through the write API (its file, its sources.csv row, its extraction alone and its
// facts merged into indicators.csv), and of deleting one. Target: under a second.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./data-files.ts";
import { serveDashboard } from "./serve.ts";
import { writeRoutes } from "./write/routes.ts";

const ARTICLES = 1500;
const SAVES = 9;

const seedDir = join(ROOT, "data", "raw");
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(seedDir, f), "utf8"));
const variedPage = (i: number) =>
  seeds[i % seeds.length]!.replace(/\d+/g, (d) => String(Number(d) + Math.floor(i / seeds.length)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs"), "--quiet"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  const root = mkdtempSync(join(tmpdir(), "bench-save-"));
  try {
    const raw = join(root, "data", "raw");
    mkdirSync(raw, { recursive: true });
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist", "index.html"), "<html><head></head></html>");
    cpSync(join(ROOT, "data", "regions.csv"), join(root, "data", "regions.csv"));
    const rows = ["file,published,title,publisher,url"];
    for (let i = 0; i < ARTICLES; i++) {
      const name = `doc_${String(i).padStart(5, "0")}.txt`;
      writeFileSync(join(raw, name), variedPage(i));
      rows.push(`${name},2023-0${(i % 9) + 1},标题${i},测试,`);
    }
    writeFileSync(join(raw, "sources.csv"), rows.join("\n") + "\n");
    execFileSync(
      process.execPath,
      [
        join(ROOT, "extract", "dist", "cli.js"),
        "--in",
        raw,
        "--out",
        join(root, "data", "indicators.csv"),
      ],
      { stdio: "ignore" },
    );
    const factsBytes = readFileSync(join(root, "data", "indicators.csv")).length;
    const token = randomBytes(32).toString("hex");
    const dataDir = join(root, "data");
    const { server, url } = await serveDashboard({
      distDir: join(root, "dist"),
      dataDir,
      writes: { token, routes: writeRoutes(dataDir) },
    });
    const post = async (path: string, body: unknown) => {
      const began = performance.now();
      const response = await fetch(new URL(path, url), {
        method: "POST",
        headers: {
          Origin: new URL(url).origin,
          "X-Write-Token": token,
          "Content-Type": "application/json",
        },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as {
        ok: boolean;
        article?: { id: string };
        error?: string;
      };
      if (!answer.ok) throw new Error(`${path}: ${answer.error}`);
      return { seconds: (performance.now() - began) / 1000, answer };
    };
    const saves: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < SAVES; i++) {
      // A new article each time (figures shifted beyond the corpus's), about 6,000 characters.
      const { seconds, answer } = await post("/api/articles", {
        text: variedPage(ARTICLES + 7 * i),
        published: "2024-05-01",
        title: `新文章${i}`,
      });
      saves.push(seconds);
      ids.push(answer.article!.id);
    }
    const deletes: number[] = [];
    for (const id of ids.slice(0, 3))
      deletes.push((await post("/api/articles/delete", { id })).seconds);
    server.close();
    console.log(
      `data/raw: ${ARTICLES} articles, indicators.csv ${(factsBytes / 2 ** 20).toFixed(1)} MiB`,
    );
    console.log(
      `save one article (write, extract it alone, merge its facts): median ${median(saves).toFixed(3)} s, ` +
        `slowest ${Math.max(...saves).toFixed(3)} s over ${SAVES} (the first pays the JIT warm-up) — target < 1 s`,
    );
    console.log(
      `delete one article (to data/trash, row and facts out): median ${median(deletes).toFixed(3)} s over ${deletes.length}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
