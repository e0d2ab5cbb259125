// A CSV the user opened or dropped, as UTF-8 bytes for the parser. Excel on Chinese Windows saves
// CSV in GBK, so the encoding is detected the way the extractor detects it for articles (a BOM;
// valid UTF-8; else GB18030, a superset of GBK) and anything else is recoded to UTF-8 as it streams.
import { detectEncoding } from "../../extract/lib/index.ts";
import type { FetchFailure } from "./fetchError.ts";

export async function localFileStream(
  file: File,
): Promise<{ ok: true; stream: ReadableStream<Uint8Array> } | { ok: false; failure: FetchFailure }> {
  // The verdict needs every byte (one bad sequence near the end decides it); the bytes are then
  // dropped and the file is read again as a stream, so no whole-file string is ever built.
  const detected = detectEncoding(new Uint8Array(await file.arrayBuffer()));
  if (!detected.ok) {
    return { ok: false, failure: { kind: "encoding", url: file.name, message: detected.reason } };
  }
  const { encoding } = detected;
  if (encoding === "utf-8" || encoding === "utf-8-bom") return { ok: true, stream: file.stream() };
  const stream = file
    .stream()
    .pipeThrough(new TextDecoderStream(encoding))
    .pipeThrough(new TextEncoderStream());
  return { ok: true, stream };
}
