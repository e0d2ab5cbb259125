// Keeping articles through the `npm start` server (scripts/write/articles.ts): the requests and
// the shape of their answers. Every outcome is a value (src/write/writeClient.ts).
import { postWrite, type WriteResult } from "../write/writeClient.ts";
import type { WriteMode } from "../write/writeMode.ts";
// An article as the server kept it: the route's own answer type (a type only; no server code
// comes into the page).
import type { KeptArticle } from "../../scripts/write/articles.ts";

export type { KeptArticle };

export interface ArticleMeta {
  title: string;
  published: string;
  publisher: string;
  url: string;
}

const isText = (v: unknown): v is string => typeof v === "string";

export function parseSaved(
  answer: Record<string, unknown>,
): { article: KeptArticle; already: boolean } | undefined {
  const a = answer.article as Record<string, unknown> | undefined;
  if (!a || !isText(a.id) || !isText(a.file)) return undefined;
  return {
    already: answer.already === true,
    article: {
      id: a.id,
      file: a.file,
      title: isText(a.title) ? a.title : "",
      published: isText(a.published) ? a.published : "",
      publisher: isText(a.publisher) ? a.publisher : "",
      url: isText(a.url) ? a.url : "",
      facts: typeof a.facts === "number" ? a.facts : 0,
    },
  };
}

/** Base64 of bytes, in slices (String.fromCharCode takes only so many arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/** Saves a pasted text or a dropped file (its bytes as they are) with its metadata. */
export async function saveOnServer(
  mode: WriteMode,
  input: { text: string } | { file: File },
  meta: ArticleMeta,
): Promise<WriteResult<{ article: KeptArticle; already: boolean }>> {
  const body =
    "text" in input
      ? { text: input.text, ...meta }
      : {
          file: {
            name: input.file.name,
            base64: toBase64(new Uint8Array(await input.file.arrayBuffer())),
          },
          ...meta,
        };
  return postWrite(mode, "/api/articles", body, parseSaved);
}

export function deleteOnServer(
  mode: WriteMode,
  id: string,
): Promise<WriteResult<{ trash: string }>> {
  return postWrite(mode, "/api/articles/delete", { id }, (answer) =>
    isText(answer.trash) ? { trash: answer.trash } : undefined,
  );
}
