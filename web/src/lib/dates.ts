/**
 * The API sends UTC times without a zone (`2024-05-01T09:30:00`, as ZenML does); shown here in
 * the viewer's own zone and locale.
 */
export function parseUtc(value: string): Date {
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const timestampFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function formatDate(value: string): string {
  return dateFormat.format(parseUtc(value));
}

export function formatDateTime(value: string): string {
  return dateTimeFormat.format(parseUtc(value));
}

/** To the second, where the order of events within a minute matters (the audit log). */
export function formatTimestamp(value: string): string {
  return timestampFormat.format(parseUtc(value));
}
