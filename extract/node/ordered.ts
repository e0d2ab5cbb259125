// Runs jobs concurrently but hands results back in job order, with a bounded number in flight.

/**
 * Maps `jobs` through `run`, at most `window` at a time, yielding results in the order of the
 * jobs. Memory is bounded by the window, not by the number of jobs: a job is only pulled from
 * the source when a slot is free, and results wait only for the jobs before them.
 * `run` should not reject; if it does, the rejection surfaces when its turn comes.
 */
export async function* mapInOrder<J, R>(
  jobs: AsyncIterable<J> | Iterable<J>,
  window: number,
  run: (job: J) => Promise<R>,
): AsyncGenerator<R> {
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError(`window must be a positive integer, not ${window}`);
  const pending: Promise<R>[] = [];
  for await (const job of jobs) {
    const result = run(job);
    // Mark as handled now; the error is still thrown by the `await` below when its turn comes.
    result.catch(() => undefined);
    pending.push(result);
    if (pending.length >= window) yield await pending.shift()!;
  }
  while (pending.length) yield await pending.shift()!;
}
