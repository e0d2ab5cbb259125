// JSON Lines input (`--in -`): one `{"id","text","published"}` object per line, as a map step of
// Spark's RDD.pipe, Hadoop Streaming or GNU parallel would feed it.
import type { DocumentJob } from "./process.ts";
import { isPublishedDate } from "./sources.ts";

export type InputLine = { line: number; text: string } | { line: number; error: string };

const LF = 0x0a;
const MAX_ID_LENGTH = 200;

/**
 * Splits a byte stream into lines (LF; a CR before it is left to JSON.parse, which takes it as
 * whitespace) and decodes each as UTF-8. Pulls one chunk at a time, so a fast producer is held
 * back by the stream's own backpressure; only the current line is buffered.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<InputLine> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let parts: Uint8Array[] = [];
  let line = 0;
  const finish = (bytes: Uint8Array): InputLine => {
    line++;
    try {
      return { line, text: decoder.decode(bytes) };
    } catch {
      return { line, error: "not valid UTF-8" };
    }
  };
  for await (const chunk of chunks) {
    let bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    for (let lf = bytes.indexOf(LF); lf >= 0; lf = bytes.indexOf(LF)) {
      parts.push(bytes.subarray(0, lf));
      yield finish(Buffer.concat(parts));
      parts = [];
      bytes = bytes.subarray(lf + 1);
    }
    if (bytes.length) parts.push(bytes);
  }
  if (parts.length) yield finish(Buffer.concat(parts));
}

export type ParsedLine = { job: DocumentJob } | { error: string } | { blank: true };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks one line; `seenIds` (id → line) catches an id used twice, which would clash in the output. */
export function parseJsonLine(
  text: string,
  line: number,
  seenIds: Map<string, number>,
): ParsedLine {
  if (!text.trim()) return { blank: true };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isRecord(value)) return { error: "not a JSON object" };
  const { id, text: body, published } = value;
  if (typeof id !== "string" || !id.trim()) return { error: `"id" must be a non-empty string` };
  if (id.length > MAX_ID_LENGTH || /[\r\n]/.test(id)) {
    return { error: `"id" must be one line of at most ${MAX_ID_LENGTH} characters` };
  }
  if (typeof body !== "string") return { error: `"text" must be a string` };
  if (published !== undefined && published !== null && published !== "") {
    if (typeof published !== "string" || !isPublishedDate(published)) {
      return {
        error: `"published" must be YYYY-MM-DD or YYYY-MM, not ${JSON.stringify(published)}`,
      };
    }
  }
  const earlier = seenIds.get(id);
  if (earlier !== undefined) return { error: `id "${id}" already used on line ${earlier}` };
  seenIds.set(id, line);
  const label = `stdin line ${line} (${id})`;
  const job: DocumentJob =
    typeof published === "string" && published
      ? { kind: "text", label, id, text: body, published }
      : { kind: "text", label, id, text: body };
  return { job };
}
