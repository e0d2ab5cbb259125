// Articles kept from the dashboard (issue 19): POST /api/articles saves one into data/raw/ with
// its sources.csv row and extracts it alone, with the command's own code, merging its facts into
// data/indicators.csv; POST /api/articles/delete moves an article to data/trash/ with its kept
// text and its sources.csv row, and takes its facts out. The server names every file; the
// client's file name says only what type the file is. Saves and deletes are queued one at a time
// (one lock over the folder), so concurrent requests never lose a row.
import { createHash } from "node:crypto";
import { readdir, readFile, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { csvHeader } from "../../extract/lib/csv.ts";
import { type Region, type Review, type TableProblem } from "../../extract/lib/index.ts";
import { ConfigError, loadRegions, loadReviews } from "../../extract/node/config.ts";
import { documentId, isDocumentFile } from "../../extract/node/documents.ts";
import { isPublishedDate, parseSourcesTable } from "../../extract/node/sources.ts";
import { articleTextName } from "../../extract/page/files.ts";
import { refuse, type WriteAnswer, type WriteRoute } from "./api.ts";
import type { RefusalParams, WriteRefusalCode } from "./protocol.ts";
import { csvCell, csvRecords, firstBrokenLine, replaceSourceRows } from "./csvRecords.ts";
import { newTrashFolder, withFileLock, writeBytesAtomic, writeFileAtomic } from "./files.ts";
import { inspectOffThread, processOffThread } from "./saveWork.ts";

/** The folder under data/ that removed articles go to. */
export const TRASH_DIR = "trash";
const SOURCES_HEADER = "file,published,title,publisher,url";
const TYPES = new Set(["txt", "md", "html", "htm"]);
/** Longest title, publisher and URL kept in sources.csv. */
const FIELD_LIMITS = { title: 500, publisher: 200, url: 2000 } as const;

/** What the dashboard sends to keep an article. */
export interface SaveRequest {
  /** Pasted text, or */
  text?: string;
  /** a dropped file: its name (for its type only) and its bytes in base64. */
  file?: { name: string; base64: string };
  title?: string;
  published?: string;
  publisher?: string;
  url?: string;
}

/** What the server answers about a kept article. */
export interface KeptArticle {
  id: string;
  file: string;
  title: string;
  published: string;
  publisher: string;
  url: string;
  facts: number;
}

/** Why a save or a delete is refused: a code for the page, its values, and English words. */
type Problem = { code: WriteRefusalCode; error: string; params?: RefusalParams };

const problem = (code: WriteRefusalCode, error: string, params?: RefusalParams): Problem => ({
  code,
  error,
  ...(params ? { params } : {}),
});

const answerProblem = (status: number, p: Problem): WriteAnswer =>
  refuse(status, p.code, p.error, p.params);
const bad = (p: Problem): WriteAnswer => answerProblem(400, p);

/** A metadata field: a string without control characters, trimmed, within its limit. */
function field(value: unknown, name: keyof typeof FIELD_LIMITS): string | Problem {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string")
    return problem("bad-request", `${name} must be text`, { field: name });
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  if (clean.length > FIELD_LIMITS[name]) {
    return problem("field-too-long", `${name} is longer than ${FIELD_LIMITS[name]} characters`, {
      field: name,
      limit: FIELD_LIMITS[name],
    });
  }
  if (name === "url" && clean && !/^https?:\/\//i.test(clean)) {
    return problem("bad-url", "url must start with http:// or https://");
  }
  return clean;
}

interface Parsed {
  bytes: Buffer;
  type: string;
  title: string;
  published: string;
  publisher: string;
  url: string;
}

function parseSave(body: unknown): Parsed | Problem {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return problem("bad-request", "expected a JSON object { text } or { file: { name, base64 } }");
  }
  const request = body as Record<string, unknown>;
  let bytes: Buffer;
  let type: string;
  if (typeof request.text === "string" && request.file === undefined) {
    bytes = Buffer.from(request.text, "utf8");
    type = "txt";
  } else if (
    request.text === undefined &&
    typeof request.file === "object" &&
    request.file !== null
  ) {
    const file = request.file as Record<string, unknown>;
    if (typeof file.name !== "string" || typeof file.base64 !== "string") {
      return problem("bad-request", "file must be { name, base64 }");
    }
    type = /\.([A-Za-z]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? "";
    if (!TYPES.has(type)) {
      return problem(
        "article-type",
        `${JSON.stringify(file.name)} is not a .txt, .md, .html or .htm file`,
        { name: file.name },
      );
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.base64))
      return problem("not-base64", "file.base64 is not base64");
    bytes = Buffer.from(file.base64, "base64");
  } else {
    return problem("bad-request", "send either text or file, not both or neither");
  }
  if (bytes.length === 0) return problem("article-empty", "the article is empty");
  const published = request.published ?? "";
  if (typeof published !== "string" || (published !== "" && !isPublishedDate(published))) {
    return problem(
      "bad-date",
      `published ${JSON.stringify(published)} is not a date (YYYY-MM-DD or YYYY-MM)`,
      { published: String(published) },
    );
  }
  const fields = {
    title: field(request.title, "title"),
    publisher: field(request.publisher, "publisher"),
    url: field(request.url, "url"),
  };
  for (const value of Object.values(fields)) if (typeof value !== "string") return value;
  return {
    bytes,
    type,
    published,
    title: fields.title as string,
    publisher: fields.publisher as string,
    url: fields.url as string,
  };
}

/** The sources.csv text with a row for `entry` appended in the table's own column order. */
function withSourceRow(table: string, entry: Record<string, string>): string {
  const text = table.trim() ? table : `${SOURCES_HEADER}\n`;
  const header = csvRecords(text)[0]?.cells ?? SOURCES_HEADER.split(",");
  const row = header.map((column) => csvCell(entry[column.trim()] ?? "")).join(",");
  return (text.endsWith("\n") ? text : `${text}\n`) + row + "\n";
}

/** A file the server rewrites: "" when missing; refused when not UTF-8 (rewriting it would
 * turn its text into replacement characters). */
async function readOptional(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new NotUtf8(file);
  }
}

class NotUtf8 extends Error {
  constructor(readonly file: string) {
    super(`${file} is not UTF-8`);
  }
}

/** Runs a change; a table the server may not rewrite is a 409 saying which, not a fault. */
async function refusingNotUtf8(task: () => Promise<WriteAnswer>): Promise<WriteAnswer> {
  try {
    return await task();
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    return refuse(
      409,
      "file-not-utf8",
      `${error.file} is not UTF-8: save it as UTF-8 before saving from the dashboard (nothing was changed)`,
      { file: error.file },
    );
  }
}

/** The answer to a change while data/raw/sources.csv has problems: fix it first. */
function sourcesRefusal(problems: readonly TableProblem[]): WriteAnswer | undefined {
  const first = problems[0];
  if (!first) return undefined;
  return refuse(
    409,
    "sources-problem",
    `data/raw/sources.csv has problems; fix it first: line ${first.line}: ${first.message} (nothing was changed)`,
    { line: first.line, message: first.message },
  );
}

/** Why data/indicators.csv cannot take a merged article (it is rewritten by row), if it cannot. */
function contractProblem(facts: string): Problem | undefined {
  if (!facts.trim()) return undefined;
  const header = facts.slice(0, facts.indexOf("\n") + 1 || facts.length).replace(/^\uFEFF/, "");
  if (header !== csvHeader())
    return problem(
      "indicators-header",
      "data/indicators.csv does not start with the contract's header: run npm run extract first (nothing was changed)",
    );
  const broken = firstBrokenLine(facts);
  if (broken === undefined) return undefined;
  return problem(
    "indicators-broken",
    `data/indicators.csv line ${broken}: its quotes are broken (a hand edit?), so its rows cannot be told apart: run npm run extract first (nothing was changed)`,
    { line: broken },
  );
}

/**
 * The region table and the decisions of data/reviews.csv, as the command reads them. Rows of
 * reviews.csv with a problem are left out, as `npm run extract` leaves them out (it names them).
 */
async function readTables(
  dataDir: string,
): Promise<{ regions: Region[]; reviews: Review[] } | Problem> {
  try {
    const regions = await loadRegions(join(dataDir, "regions.csv"));
    const loaded = await loadReviews(join(dataDir, "reviews.csv"), regions, false);
    return { regions, reviews: loaded?.reviews ?? [] };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return problem("tables-problem", `${error.messages.join("; ")} (nothing was changed)`, {
      message: error.messages.join("; "),
    });
  }
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

export function articleRoutes(dataDir: string): WriteRoute[] {
  const rawDir = join(dataDir, "raw");
  const sourcesFile = join(rawDir, "sources.csv");
  const factsFile = join(dataDir, "indicators.csv");
  const lock = (task: () => Promise<WriteAnswer>) =>
    withFileLock(`articles:${rawDir}`, () => refusingNotUtf8(task));

  const save = async (body: unknown): Promise<WriteAnswer> => {
    const parsed = parseSave(body);
    if ("code" in parsed) return bad(parsed);
    // Read off the server's thread (saveWork.ts): a page of several MB takes seconds.
    const seen = await inspectOffThread(parsed.bytes, parsed.type);
    if ("error" in seen)
      return bad(
        problem("article-unreadable", `the article cannot be read: ${seen.error}`, {
          reason: seen.error,
        }),
      );
    // The same bytes are the same article: saving twice (or twice at once) keeps it once.
    const hash = createHash("sha256").update(parsed.bytes).digest("hex").slice(0, 12);
    const id = `article-${hash}`;
    return lock(async () => {
      // Both tables are read before anything is written, so a refusal changes nothing.
      const sourcesText = await readOptional(sourcesFile);
      const factsText = await readOptional(factsFile);
      const factsProblem = contractProblem(factsText);
      if (factsProblem) return answerProblem(409, factsProblem);
      const sources = parseSourcesTable(sourcesText);
      const sourcesProblem = sourcesRefusal(sources.problems);
      if (sourcesProblem) return sourcesProblem;
      // One file per id: the same bytes saved before under another type (pasted, then dropped
      // as .md) are that article, never a second file with the same id.
      const existing = (await readdir(rawDir).catch(() => [] as string[])).find(
        (file) => isDocumentFile(file) && documentId(file) === id,
      );
      const name = existing ?? `${id}.${parsed.type}`;
      const path = join(rawDir, name);
      const row = sources.entries.get(name);
      const published = (row ? row.published : parsed.published || seen.published) ?? "";
      const title = parsed.title || seen.title || "";
      // The tables the extraction reads, before anything is written: a region table that cannot
      // be used refuses the save and changes nothing.
      const tables = await readTables(dataDir);
      if ("code" in tables) return answerProblem(409, tables);
      // The decisions already made about this article (one deleted and saved again keeps them),
      // applied as `npm run extract` would, so the merged rows carry their review column now.
      const reviews = tables.reviews.filter((review) => review.source === id);
      if (!existing) await writeBytesAtomic(path, parsed.bytes);
      // Extracted off the server's thread (saveWork.ts), with the command's own code; the server
      // answers other requests meanwhile. Should the worker itself fail, a file this save wrote
      // is taken back, as for an article that cannot be read.
      const outcome = await processOffThread(
        {
          kind: "file",
          label: name,
          id,
          path,
          ...(published ? { published } : {}),
          ...(reviews.length ? { reviews } : {}),
        },
        tables.regions,
      ).catch(async (error: unknown) => {
        if (!existing) await unlink(path).catch(() => undefined);
        throw error;
      });
      if (!outcome.ok) {
        if (existing)
          return bad(
            problem("article-unreadable", `the article ${name} cannot be read: ${outcome.reason}`, {
              reason: outcome.reason,
              file: name,
            }),
          );
        await unlink(path).catch(() => undefined);
        await unlink(join(rawDir, ...articleTextName(id).split("/"))).catch(() => undefined);
        return bad(
          problem("article-unreadable", `the article cannot be read: ${outcome.reason}`, {
            reason: outcome.reason,
          }),
        );
      }
      // A file already here is complete when its row and its facts are: otherwise a save cut
      // off part way (the server stopped between its writes) is finished now, with what this
      // request says about it, rather than answered "already saved" with its row never written.
      const merged = replaceSourceRows(factsText, id, outcome.csvRows, csvHeader());
      if (existing && row) {
        if (merged !== factsText) await writeFileAtomic(factsFile, merged);
        return {
          status: 200,
          body: {
            ok: true,
            already: true,
            article: { id, file: name, published: row.published ?? "" },
          },
        };
      }
      const entry = { file: name, published, title, publisher: parsed.publisher, url: parsed.url };
      await writeFileAtomic(sourcesFile, withSourceRow(sourcesText, entry));
      // Written even when its bytes stay, so that it is newer than the article (npm start
      // extracts again when an article is newer than indicators.csv).
      await writeFileAtomic(factsFile, merged);
      const article: KeptArticle = {
        id,
        file: name,
        title,
        published: published || outcome.published,
        publisher: parsed.publisher,
        url: parsed.url,
        facts: outcome.factCount,
      };
      return {
        status: 200,
        body: { ok: true, article, publishedGuessed: !published && outcome.publishedGuessed },
      };
    });
  };

  const remove = async (body: unknown): Promise<WriteAnswer> => {
    const id = (body as { id?: unknown } | null)?.id;
    if (typeof id !== "string" || !id)
      return bad(problem("bad-request", "expected { id } naming the article"));
    return lock(async () => {
      // The id is looked up among the folder's files, never joined into a path as given.
      const name = (await readdir(rawDir)).find(
        (file) => isDocumentFile(file) && documentId(file) === id,
      );
      if (!name)
        return refuse(404, "no-article", `no article ${JSON.stringify(id)} in data/raw`, { id });
      const table = await readOptional(sourcesFile);
      // A row cut out of a table whose quotes a hand edit broke could take the rows after it.
      const sourcesProblem = sourcesRefusal(parseSourcesTable(table).problems);
      if (sourcesProblem) return sourcesProblem;
      const facts = await readOptional(factsFile);
      const factsProblem = contractProblem(facts);
      if (factsProblem) return answerProblem(409, factsProblem);
      const folder = await newTrashFolder(
        join(dataDir, TRASH_DIR),
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${id}`,
      );
      const trash = join(dataDir, TRASH_DIR, folder);
      // Its sources.csv row goes with it, so that nothing about it is lost.
      const records = csvRecords(table);
      const fileColumn = records[0]?.cells.indexOf("file") ?? -1;
      const row =
        fileColumn >= 0 ? records.slice(1).find((r) => r.cells[fileColumn] === name) : undefined;
      if (row) {
        await writeFileAtomic(
          join(trash, "sources.csv"),
          `${table.slice(records[0]!.start, records[0]!.end)}${table.slice(row.start, row.end)}`,
        );
      }
      await rename(join(rawDir, name), join(trash, name));
      const kept = join(rawDir, ...articleTextName(id).split("/"));
      if (await exists(kept)) await rename(kept, join(trash, `${id}.article-text.txt`));
      if (row) await writeFileAtomic(sourcesFile, table.slice(0, row.start) + table.slice(row.end));
      if (facts) await writeFileAtomic(factsFile, replaceSourceRows(facts, id, "", csvHeader()));
      return { status: 200, body: { ok: true, id, trash: `data/${TRASH_DIR}/${folder}/` } };
    });
  };

  return [
    { path: "/api/articles", handle: save },
    { path: "/api/articles/delete", maxBodyBytes: 4096, handle: remove },
  ];
}
