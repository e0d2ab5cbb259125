// Every file under a folder with its bytes, keyed by its path below the folder ("/raw/x.txt"):
// what a test compares before and after a request to show that a refused write changed nothing.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function folderBytes(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(path.slice(dir.length), readFileSync(path).toString("base64"));
    }
  };
  walk(dir);
  return files;
}
