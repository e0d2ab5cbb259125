// The progress bar: its line, its ETA, and how often it redraws.
import { describe, expect, it } from "vitest";
import { formatDuration, formatProgress, ProgressBar } from "../../../extract/node/progress.ts";

describe("formatProgress", () => {
  it("shows done/total, percent and an ETA from the pace so far", () => {
    // 25 of 100 in 10 s: 75 to go at 0.4 s each is 30 s.
    expect(formatProgress(25, 100, 10_000, 8)).toBe("[##------] 25/100  25%  ETA 0:30");
    expect(formatProgress(100, 100, 10_000, 8)).toBe("[########] 100/100 100%  ETA 0:00");
  });

  it("does not guess an ETA before the first document", () => {
    expect(formatProgress(0, 50, 3_000, 4)).toBe("[----] 0/50   0%  ETA ?");
  });

  it("formats durations in minutes or hours", () => {
    expect(formatDuration(59.6)).toBe("1:00");
    expect(formatDuration(3725)).toBe("1:02:05");
  });
});

describe("ProgressBar", () => {
  it("redraws in place at most every 100 ms, always at the end, and clears its line", () => {
    let clock = 0;
    const written: string[] = [];
    const bar = new ProgressBar({ write: (t: string) => written.push(t) }, 3, () => clock);
    bar.update(1);
    clock = 50;
    bar.update(2);
    clock = 60;
    bar.update(3);
    bar.finish();
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\r\[.*\] 1\/3/);
    expect(written[1]).toMatch(/3\/3 100%/);
    expect(written[2]).toBe("\r\x1b[K");
  });
});
