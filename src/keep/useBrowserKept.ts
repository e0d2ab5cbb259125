// After a reload, the articles kept in this browser join the dashboard again (static files, or a
// server that takes no writes). Under `npm start` they live in data/ and come with its files.
import { useEffect, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import type { PastedArticle } from "../model/pasted.ts";
import { pageWriteMode } from "../write/writeMode.ts";
import { asPasted, keptStore } from "./browserKept.ts";

export const BROWSER_KEPT_KEY = ["kept-in-browser"] as const;

export function useBrowserKeptList(enabled = pageWriteMode().kind !== "server") {
  return useQuery({
    queryKey: BROWSER_KEPT_KEY,
    queryFn: () => keptStore().getAll(),
    enabled,
  });
}

export function useBrowserKept(
  add: (article: PastedArticle) => void,
  added: ReadonlySet<string>,
): void {
  const list = useBrowserKeptList();
  const done = useRef(new Set<string>());
  useEffect(() => {
    for (const kept of list.data ?? []) {
      if (done.current.has(kept.key) || added.has(kept.key)) continue;
      done.current.add(kept.key);
      add(asPasted(kept));
    }
  }, [list.data, add, added]);
}
