// Whether the page is as narrow as a phone held upright (390 px wide): the layout folds its
// filters and the map puts its legend below itself. CSS does the rest with the same width.
import { useSyncExternalStore } from "react";

export const NARROW_QUERY = "(max-width: 600px)";

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

export const useNarrow = () =>
  useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
