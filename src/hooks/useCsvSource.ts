// Where the facts come from: a file the user opened, else ?csv= (same origin only), else the
// shipped CSV.
import { useCallback, useMemo, useState } from "react";
import { resolveCsvParam } from "../data/csvLocation.ts";
import type { CsvSource } from "../data/protocol.ts";

export interface CsvSourceState {
  source: CsvSource | null;
  /** What the page names as the data source. */
  name: string;
  /** Changes whenever the source does: the query key of everything loaded from it. */
  key: string;
  /** The ?csv= parameter: accepted, or refused with what was given. */
  location: ReturnType<typeof resolveCsvParam>;
  userFile: File | null;
  openFile: (file: File) => void;
  closeFile: () => void;
}

export function useCsvSource(): CsvSourceState {
  const [userFile, setUserFile] = useState<{ file: File; serial: number } | null>(null);
  const location = useMemo(
    () =>
      resolveCsvParam(
        new URLSearchParams(window.location.search).get("csv"),
        window.location.origin,
      ),
    [],
  );
  const openFile = useCallback(
    (file: File) => setUserFile((prev) => ({ file, serial: (prev?.serial ?? 0) + 1 })),
    [],
  );
  const closeFile = useCallback(() => setUserFile(null), []);
  const source: CsvSource | null = userFile
    ? { kind: "file", file: userFile.file }
    : location.ok
      ? { kind: "url", url: location.url }
      : null;
  const name = userFile ? userFile.file.name : location.ok ? location.url : "";
  return {
    source,
    name,
    key: userFile ? `file:${userFile.serial}` : `url:${name}`,
    location,
    userFile: userFile?.file ?? null,
    openFile,
    closeFile,
  };
}
