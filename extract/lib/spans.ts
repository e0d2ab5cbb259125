// Sorted mentions looked up by position: the one search every step shares.

/** Index of the first item whose start is >= pos. */
export function lowerBound<T extends { start: number }>(list: readonly T[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items lying inside [from, to), in order. */
export function within<T extends { start: number; end: number }>(
  list: readonly T[],
  from: number,
  to: number,
): T[] {
  const out: T[] = [];
  for (let i = lowerBound(list, from); i < list.length && list[i]!.start < to; i++) {
    if (list[i]!.end <= to) out.push(list[i]!);
  }
  return out;
}
