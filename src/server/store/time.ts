/**
 * Times are stored and sent as fixed-width UTC strings with microseconds and no zone
 * (`2026-11-23T08:03:18.942958`), as ZenML sends them. Fixed width makes text order equal time
 * order on every dialect.
 */
let lastMs = 0;
let micro = 0;

/** The current time; two calls in one millisecond still get increasing values. */
export function now(): string {
  const ms = Date.now();
  if (ms === lastMs) micro = Math.min(micro + 1, 999);
  else {
    lastMs = ms;
    micro = 0;
  }
  return stampOf(ms, micro);
}

export function stampOf(ms: number, extraMicros = 0): string {
  return new Date(ms).toISOString().slice(0, 23) + String(extraMicros).padStart(3, "0");
}

/** A time `seconds` after `from` (epoch ms, default now). */
export function after(seconds: number, from = Date.now()): string {
  return stampOf(from + seconds * 1000);
}

export function toMs(stamp: string): number {
  return Date.parse(stamp.slice(0, 23) + "Z");
}
