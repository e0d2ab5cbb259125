// Articles kept in this browser (IndexedDB) when there is no server to write to: each with its
// text and the facts extracted from it, so that they join the dashboard again after a reload.
import type { Fact } from "../../extract/lib/index.ts";
import type { PastedArticle } from "../model/pasted.ts";
import { browserStore } from "../write/browserStore.ts";

export interface BrowserKept {
  /** The document id its facts carry: `kept-<hash of the text>`. */
  key: string;
  title: string;
  published: string;
  publisher: string;
  url: string;
  /** The text the facts' offsets point into (a page's article text). */
  text: string;
  /** The dropped file's name, "" for a pasted text. */
  fileName: string;
  savedAt: string;
  facts: Fact[];
}

export const keptStore = () => browserStore<BrowserKept>("articles");

/** A stable id from the text (FNV-1a, 52 bits): the same article kept twice is kept once. */
export function keptId(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `kept-${(hash & 0xfffffffffffffn).toString(16).padStart(13, "0")}`;
}

/** The facts of an analysis as facts of document `to` (ids are `${source}-${start}-…`). */
export function retarget(facts: readonly Fact[], from: string, to: string): Fact[] {
  return facts.map((fact) => ({
    ...fact,
    source: to,
    id: fact.id.startsWith(`${from}-`) ? `${to}${fact.id.slice(from.length)}` : fact.id,
  }));
}

export const asPasted = (kept: BrowserKept): PastedArticle => ({
  source: kept.key,
  title: kept.title,
  text: kept.text,
  published: kept.published,
  facts: kept.facts,
  kept: true,
});
