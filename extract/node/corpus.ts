// The whole extraction of a folder as Fact objects, on this thread: for the scorer and the gold
// test, which need facts rather than CSV. Same reading, decoding and order as the command line.
import { extractDocument } from "../lib/index.ts";
import type { Fact } from "../lib/types.ts";
import { loadRegions, loadSources } from "./config.ts";
import { listDocuments, readDocumentFile, type SkippedDocument } from "./documents.ts";
import { sortFactsByStart } from "./process.ts";

export async function extractFolderFacts(
  inDir: string,
  regionsFile: string,
): Promise<{ facts: Fact[]; skipped: SkippedDocument[] }> {
  const regions = await loadRegions(regionsFile);
  const listing = await listDocuments(inDir, await loadSources(inDir));
  const facts: Fact[] = [];
  const skipped = [...listing.skipped];
  for (const document of listing.documents) {
    const decoded = readDocumentFile(document.path);
    if (!decoded.ok) {
      skipped.push({ file: document.name, reason: decoded.reason });
      continue;
    }
    const doc = document.published
      ? { id: document.id, text: decoded.text, published: document.published }
      : { id: document.id, text: decoded.text };
    facts.push(...sortFactsByStart(extractDocument(doc, { regions }).facts));
  }
  return { facts, skipped };
}
