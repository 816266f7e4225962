/**
 * `--since` and `--until` values as list filters take times (`YYYY-MM-DD HH:MM:SS`, UTC): a date,
 * a date and time (UTC unless it names a zone), or a span back from now such as `90m`, `12h`, `7d`.
 */
import { InvalidArgumentError } from "commander";

const SPAN = /^(\d{1,6})([smhd])$/;
const SPAN_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function timeBound(value: string, now = Date.now()): string {
  const text = value.trim();
  const span = SPAN.exec(text);
  let ms = NaN;
  if (span) ms = now - Number(span[1]) * (SPAN_SECONDS[span[2] ?? "s"] ?? 1) * 1000;
  else if (DATE_TIME.test(text)) {
    const iso = text.replace(" ", "T");
    ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
  }
  if (Number.isNaN(ms))
    throw new InvalidArgumentError("Give a time (2026-11-23, '2026-11-23 09:30:00', UTC) or a span back from now (90m, 12h, 7d).");
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}
