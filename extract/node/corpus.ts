// The whole extraction of a folder as Fact objects, on this thread: for the scorer and the gold
// test, which need facts rather than CSV. Same reading, decoding (web pages included) and order as
// the command line.
import { extractDocument } from "../lib/index.ts";
import type { Fact } from "../lib/types.ts";
import { loadRegions, loadSources } from "./config.ts";
import { listDocuments, type SkippedDocument } from "./documents.ts";
import {
  loadPageReader,
  loadText,
  needsPageReader,
  sortFactsByStart,
  type DocumentJob,
} from "./process.ts";

export async function extractFolderFacts(
  inDir: string,
  regionsFile: string,
): Promise<{ facts: Fact[]; skipped: SkippedDocument[] }> {
  const regions = await loadRegions(regionsFile);
  const listing = await listDocuments(inDir, await loadSources(inDir));
  const facts: Fact[] = [];
  const skipped = [...listing.skipped];
  for (const document of listing.documents) {
    const job: DocumentJob = {
      kind: "file",
      label: document.name,
      id: document.id,
      path: document.path,
    };
    if (needsPageReader(job)) await loadPageReader();
    const loaded = loadText(job);
    if ("reason" in loaded) {
      skipped.push({ file: document.name, reason: loaded.reason });
      continue;
    }
    const published = document.published ?? loaded.published;
    const doc = published
      ? { id: document.id, text: loaded.text, published }
      : { id: document.id, text: loaded.text };
    facts.push(...sortFactsByStart(extractDocument(doc, { regions }).facts));
  }
  return { facts, skipped };
}
