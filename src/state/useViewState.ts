// Keeps the ViewState and the address bar in step. A user's action pushes a history entry, so
// back and forward step through views; typing in a search box replaces the entry it started, and
// choices the page makes by itself (the first indicator) replace too. Back/forward read the URL.
import { useCallback, useEffect, useRef, useState } from "react";
import { parseViewState, serializeViewState, type ViewState } from "./viewState.ts";

export type HistoryMode = "push" | "replace";
export type UpdateView = (change: Partial<ViewState>, mode?: HistoryMode) => void;

/** `viewIds`: the registered views (a link to any other opens the default one). */
export function useViewState(viewIds: readonly string[]): [ViewState, UpdateView] {
  const [state, setState] = useState<ViewState>(() =>
    parseViewState(window.location.search, viewIds),
  );
  const mode = useRef<HistoryMode>("replace");

  useEffect(() => {
    const onPop = () => {
      mode.current = "replace";
      setState(parseViewState(window.location.search, viewIds));
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [viewIds]);

  useEffect(() => {
    const query = serializeViewState(state, window.location.search);
    if (query !== window.location.search) {
      const url = `${window.location.pathname}${query}${window.location.hash}`;
      if (mode.current === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
    mode.current = "replace";
    document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  }, [state]);

  const update = useCallback<UpdateView>((change, how = "push") => {
    if (how === "push") mode.current = "push";
    setState((s) => ({ ...s, ...change }));
  }, []);
  return [state, update];
}
