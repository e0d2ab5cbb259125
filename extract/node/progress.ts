// A progress bar with ETA for long runs on a terminal. The caller decides whether to show it.

/** At least this many documents before a bar is worth drawing. */
export const PROGRESS_MIN_DOCUMENTS = 20;
/** Redraws at most this often, so a fast run does not spend its time drawing. */
const REDRAW_MS = 100;

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = String(m).padStart(h ? 2 : 1, "0");
  const ss = String(s % 60).padStart(2, "0");
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** One line of the bar: `[######----] 45/100  45%  ETA 0:12`. ETA is unknown until one is done. */
export function formatProgress(done: number, total: number, elapsedMs: number, width = 30): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  const bar = "#".repeat(filled) + "-".repeat(width - filled);
  const eta = done > 0 ? formatDuration(((elapsedMs / done) * (total - done)) / 1000) : "?";
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `[${bar}] ${done}/${total} ${percent}  ETA ${eta}`;
}

export interface ProgressTarget {
  write(text: string): unknown;
}

/** Draws on a terminal line, redrawing in place; `finish` clears the line for the report. */
export class ProgressBar {
  private lastDraw = -Infinity;
  private readonly started: number;

  constructor(
    private readonly target: ProgressTarget,
    private readonly total: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  update(done: number): void {
    const t = this.now();
    if (done < this.total && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.target.write(`\r${formatProgress(done, this.total, t - this.started)}\x1b[K`);
  }

  finish(): void {
    this.target.write("\r\x1b[K");
  }
}
