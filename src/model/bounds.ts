// The values a report of a figure allows, by its rounding and qualifier: worked out once per fact
// where the fact is stored (in the piece workers, side by side), and used by the grouping into
// points to tell whether reports of one figure agree.
import { QUALIFIERS } from "./contract.ts";

/** 10 ** k for k from -MAX_POWER to MAX_POWER, worked out once: a million facts would otherwise
 * raise ten to a power several million times. The same expression, so the same numbers. */
const MAX_POWER = 330;
const POWERS_OF_TEN = Float64Array.from(
  { length: 2 * MAX_POWER + 1 },
  (_, i) => 10 ** (i - MAX_POWER),
);
const tenTo = (k: number) =>
  k >= -MAX_POWER && k <= MAX_POWER ? POWERS_OF_TEN[k + MAX_POWER]! : 10 ** k;

/**
 * Half the place value of a number's last non-zero digit: 2300 → 50, 503.23 → 0.005. A report of
 * 2300 stands for anything that rounds to it.
 */
export function roundingOf(value: number): number {
  const a = Math.abs(value);
  if (!Number.isFinite(a) || a === 0) return 0;
  const top = Math.floor(Math.log10(a));
  for (let k = top; k > top - 15; k--) {
    const step = tenTo(k);
    const q = a / step;
    if (Math.abs(q - Math.round(q)) < 1e-6) return step / 2;
  }
  return 0;
}

const MORE_THAN = QUALIFIERS.indexOf("more_than");
const LESS_THAN = QUALIFIERS.indexOf("less_than");

/**
 * The open interval of true values a report allows: a number stands for what rounds to it, 超500
 * for anything above 500, 不到500 for anything below. Reports of one figure agree when
 * their intervals share a value (2300 and 约2300 do; 2300 and 2400 do not).
 */
export function reportBounds(value: number, qualifier: number): { low: number; high: number } {
  const slack = roundingOf(value) || Math.abs(value) * 1e-9 || 1e-9;
  // 超500 is above 500 itself: its bound is the number as stated, not what rounds to it.
  if (qualifier === MORE_THAN) return { low: value, high: Infinity };
  if (qualifier === LESS_THAN) return { low: -Infinity, high: value };
  return { low: value - slack, high: value + slack };
}
