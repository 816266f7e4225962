/**
 * `--since` and `--until` values as list filters take times (`YYYY-MM-DD HH:MM:SS`, UTC): a date,
 * a date and time (UTC unless it names a zone), or a span back from now such as `90m`, `12h`, `7d`.
 */
import { InvalidArgumentError } from "commander";

const SPAN = /^(\d{1,6})([smhd])$/;
const SPAN_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(:\d{2})?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The time written, in ms; NaN unless it reads back as written (Date.parse rolls 02-30 over to March). */
function writtenTime(text: string): number {
  const m = DATE_TIME.exec(text);
  if (!m) return NaN;
  const wall = `${m[1]}T${m[2] ?? "00:00"}${m[3] ?? ":00"}`;
  const asUtc = Date.parse(`${wall}Z`);
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 19) !== wall) return NaN;
  return m[4] ? Date.parse(`${wall}${m[4]}`) : asUtc;
}

export function timeBound(value: string, now = Date.now()): string {
  const text = value.trim();
  const span = SPAN.exec(text);
  const ms = span ? now - Number(span[1]) * (SPAN_SECONDS[span[2] ?? "s"] ?? 1) * 1000 : writtenTime(text);
  if (Number.isNaN(ms)) {
    throw new InvalidArgumentError("Give a time (2026-11-23, '2026-11-23 09:30:00', UTC) or a span back from now (90m, 12h, 7d).");
  }
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}
