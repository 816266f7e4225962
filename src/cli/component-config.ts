/**
 * A component's configuration from the command line: `key=value` arguments, or ZenML's
 * `--key=value`. A value that reads as JSON other than a string (a number, true/false, null, a
 * list or an object) is taken as that, as `helm --set` does; anything else is text. Quote it as
 * JSON to keep a number as text: `project='"0042"'`.
 */
import { UsageError } from "./errors.js";

function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export function parseConfiguration(args: readonly string[]): Record<string, unknown> {
  const configuration: Record<string, unknown> = {};
  for (const arg of args) {
    const match = /^(?:--)?([^=\s-][^=\s]*)=(.*)$/s.exec(arg);
    if (!match?.[1]) throw new UsageError(`'${arg}' is not a setting: write key=value.`);
    configuration[match[1]] = parseValue(match[2] ?? "");
  }
  return configuration;
}
