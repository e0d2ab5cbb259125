// The built command (extract/dist) is a bundle of the sources and lexicon files as they were when
// it was built. Someone who edits a cue word in extract/lexicon and runs `npm run extract` must
// get the new word, not the old bundle: the command checks, in a few stat calls, whether any of
// the files it was built from changed since, and then rebuilds itself and runs again.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** What the build writes beside the bundle: when it was built and from which files. */
export interface BuildManifest {
  builtAt: number;
  /** Paths relative to the repository root. */
  inputs: string[];
}

export const MANIFEST_FILE = "inputs.json";

/** The first input of the build that changed after it (or is gone), or undefined when none did.
 * A missing or unreadable manifest says nothing: the bundle is then taken as it is. */
export function staleInput(root: string, manifest: BuildManifest): string | undefined {
  for (const input of manifest.inputs) {
    try {
      if (statSync(join(root, input)).mtimeMs > manifest.builtAt) return input;
    } catch {
      return input;
    }
  }
  return undefined;
}

/** The manifest beside a bundle, or undefined when there is none (a copy of dist on its own). */
export function readManifest(distDir: string): BuildManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(distDir, MANIFEST_FILE), "utf8")) as BuildManifest;
  } catch {
    return undefined;
  }
}
