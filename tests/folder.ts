// Every entry under a folder, keyed by its path below the folder ("/raw/x.txt"): a file by its
// bytes (base64), a folder as "folder" and a symbolic link by where it points (never followed).
// What a test compares before and after a request to show that a refused write changed nothing:
// not a byte, and no folder or link made or removed either.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";

export const FOLDER = "folder";

export function folderBytes(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const key = path.slice(dir.length);
      if (entry.isSymbolicLink()) files.set(key, `link -> ${readlinkSync(path)}`);
      else if (entry.isDirectory()) {
        files.set(key, FOLDER);
        walk(path);
      } else files.set(key, readFileSync(path).toString("base64"));
    }
  };
  walk(dir);
  return files;
}
