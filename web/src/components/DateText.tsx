/** A date or time from the API, in the viewer's locale, machine-readable for assistive tech. */
import { formatDate, formatDateTime, parseUtc } from "../lib/dates";

export function DateText({ value, withTime = false }: { value: string; withTime?: boolean }) {
  return <time dateTime={parseUtc(value).toISOString()}>{withTime ? formatDateTime(value) : formatDate(value)}</time>;
}
