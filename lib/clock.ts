import { AsyncLocalStorage } from "node:async_hooks";

// The time the data layer writes into records and documents. It is the real time, except inside
// `atTime(...)`: the demo seed plays the demo bloc's 2021 on the days its people acted (documents of
// 2021 must carry 2021 dates), and tests use it to act at a given moment. Nothing else sets it.

const frozen = new AsyncLocalStorage<{ at: number; since: number }>();

/** Now: the real time, or, inside `atTime(at, ...)`, `at` plus the real time elapsed since. */
export function now(): Date {
  const scope = frozen.getStore();
  return scope ? new Date(scope.at + (Date.now() - scope.since)) : new Date();
}

/** Runs `work` as if it started at `at` (time moves on from there as usual). */
export function atTime<T>(at: Date, work: () => Promise<T>): Promise<T> {
  return frozen.run({ at: at.getTime(), since: Date.now() }, work);
}
