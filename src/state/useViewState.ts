// Keeps the ViewState and the address bar in step: every change is written to the URL (replacing
// the entry, so dragging through filters does not flood the history), and back/forward reads it.
import { useCallback, useEffect, useState } from "react";
import { parseViewState, serializeViewState, type ViewState } from "./viewState.ts";

export function useViewState(): [ViewState, (change: Partial<ViewState>) => void] {
  const [state, setState] = useState<ViewState>(() => parseViewState(window.location.search));

  useEffect(() => {
    const onPop = () => setState(parseViewState(window.location.search));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  useEffect(() => {
    const query = serializeViewState(state, window.location.search);
    if (query !== window.location.search) {
      window.history.replaceState(
        null,
        "",
        `${window.location.pathname}${query}${window.location.hash}`,
      );
    }
    document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  }, [state]);

  const update = useCallback(
    (change: Partial<ViewState>) => setState((s) => ({ ...s, ...change })),
    [],
  );
  return [state, update];
}
