/** A date or time from the API, in the viewer's locale, machine-readable for assistive tech. */
import { formatDate, formatDateTime, formatTimestamp, parseUtc } from "../lib/dates";

interface Props {
  value: string;
  /** The time to the minute too. */
  withTime?: boolean;
  /** The time to the second (implies withTime). */
  withSeconds?: boolean;
}

export function DateText({ value, withTime = false, withSeconds = false }: Props) {
  const text = withSeconds ? formatTimestamp(value) : withTime ? formatDateTime(value) : formatDate(value);
  return <time dateTime={parseUtc(value).toISOString()}>{text}</time>;
}
