/**
 * fast-check arbitraries for the bad-input suites (SPEC §10): odd strings, wrong JSON values, bad
 * ids, bad list parameters and malformed JSON. Body mutations driven by a route's schema are in
 * body-mutations.ts.
 */
import fc from "fast-check";
import { HIDDEN_CHARACTER } from "../../src/core/schemas/common.js";

/**
 * Strings that have broken servers before: SQL and LIKE metacharacters (`%`, `_`, `'`, `\`, and
 * `!`, the escape character Cohort's LIKE patterns use), bidirectional and invisible marks, emoji
 * sequences, case-folding oddities (`İ` lowercases to two code units, `ß`, final sigma), NUL and
 * control characters, and text other layers interpret.
 */
export const NASTY_STRINGS: readonly string[] = [
  "%",
  "_",
  "'",
  "\\",
  "!",
  "%%",
  "_%",
  "!%",
  "!_",
  "!!",
  "\\%",
  "\\_",
  "''",
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '"',
  "`",
  "/*",
  "\u200f",
  "\u200e",
  "\u202e",
  "\u2066",
  "\u200d",
  "\ufeff",
  "\u00a0",
  "\u3000",
  "\u2028",
  "😀",
  "👨‍👩‍👧‍👦",
  "🏳️‍🌈",
  "e\u0301",
  "İ",
  "ß",
  "ǅ",
  "ΣΑΣ",
  "ﬃ",
  "日本語",
  "عربى",
  "עברית",
  "\u0000",
  "\u0001",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\t",
  "\r\n",
  "<script>alert(1)</script>",
  "{{7*7}}",
  "${x}",
  "../",
  "..\\",
  "%00",
  "%2F",
  "%s%n",
  "null",
  "true",
  "-1",
  "1e309",
  "NaN",
  "[]",
  "{}",
  "__proto__",
  "constructor",
];

/** Lone surrogates: not Unicode text at all, and silently mangled to U+FFFD by every driver. */
export const LONE_SURROGATES: readonly string[] = ["\ud800", "x\udfff", "\udbff\u0041"];

/** An odd string: pieces of NASTY_STRINGS and random text from the whole of Unicode. */
export const oddString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 4 }) },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(""));

/**
 * An odd string that is still a valid name as it is stored (SPEC §3, §5.4): no hidden characters,
 * NFC, not blank.
 */
export const oddName: fc.Arbitrary<string> = oddString
  .map((s) => s.replace(new RegExp(HIDDEN_CHARACTER, "gu"), "").normalize("NFC").trim())
  .filter((s) => s.length > 0 && s.length <= 200);

/**
 * Percent-encodes every byte of the UTF-8 form except unreserved characters. encodeURIComponent
 * would throw on a lone surrogate; Buffer writes U+FFFD for it, as a client library would.
 */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, "utf8")]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

/** A query string from pairs, repeated keys kept. */
export function queryString(pairs: readonly (readonly [string, string])[]): string {
  return pairs.length === 0 ? "" : "?" + pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");
}

/** Any JSON value, small. */
export const jsonValue: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

/** A v4 UUID that no row will ever have. */
export const unknownUuid: fc.Arbitrary<string> = fc.uuid({ version: 4 });

/**
 * Strings that are not UUIDs as zod's `z.uuid()` reads them: near misses (a digit short, braces,
 * a version or variant nibble out of range, the nil UUID's neighbour), and odd strings.
 */
export const notAUuid: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "12345678-1234-1234-1234-12345678901",
    "12345678-1234-4234-8234-1234567890123",
    "{12345678-1234-4234-8234-123456789012}",
    "12345678123442348234123456789012",
    "12345678-1234-9234-8234-123456789012",
    "12345678-1234-4234-c234-123456789012",
    "00000000-0000-0000-0000-000000000001",
    "g2345678-1234-4234-8234-123456789012",
    " 12345678-1234-4234-8234-123456789012",
  ),
  unknownUuid.map((u) => u.slice(0, -1)),
  unknownUuid.map((u) => `${u}0`),
  oddString,
);

/** Path segments that percent-encoding cannot make valid: junk escapes and invalid UTF-8. */
export const badPercentEncoding: fc.Arbitrary<string> = fc.constantFrom(
  "%",
  "%Z",
  "%ZZ",
  "%GG",
  "%FF",
  "%C0%AF",
  "%ED%A0%80",
  "%E2%82",
  "a%2",
  "%%41",
);

/** Malformed JSON texts. Each starts with `{` or `[`, so even a form-encoded label reads it as JSON. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "{",
    "[",
    '{"name": ',
    '{"name": "x",}',
    "[1, 2,]",
    "{'name': 'x'}",
    '{"name": "x"}}',
    '{"name": "x" "full_name": "y"}',
    '{"name": NaN}',
    '{"name": undefined}',
    '{"name": "\\x41"}',
    '{"name": "\u0000"',
    '{"a": 1} trailing',
    "{" + '"a":'.repeat(50),
    "[".repeat(100_000),
    "{}\u0000",
  ),
  fc.json({ maxDepth: 3 }).chain((text) =>
    fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => {
      // A valid document cut short, as a dropped connection or a bad editor would send it.
      const body = text.startsWith("{") || text.startsWith("[") ? text : `{"v": ${text}`;
      return body.slice(0, Math.max(1, Math.min(cut, body.length - 1)));
    }),
  ),
);

/** Content types a client might wrongly send; the server reads every body as JSON (body-parsers.ts). */
export const contentTypes: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/octet-stream",
  "application/json; charset=utf-16",
);

/** Integers as query text that page and size must refuse (SPEC §6: page ≥ 1, size 1–10000). */
export const badPage: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "-1", "", " ", "abc", "1.5", "1e3", "0x10", "+1", "١", "9999999999", "1 2", "NaN", "Infinity"),
  fc.integer({ max: 0 }).map(String),
  fc.bigInt({ min: 10n ** 10n, max: 10n ** 30n }).map(String),
  oddString.filter((s) => !/^\s*\d+\s*$/.test(s)),
);

export const badSize: fc.Arbitrary<string> = fc.oneof(badPage, fc.constantFrom("10001", "100000"), fc.integer({ min: 10_001 }).map(String));

/** Malformed or impossible times for a datetime filter (SPEC §6: `YYYY-MM-DD HH:MM:SS`). */
export const badDatetime: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "2026-02-30 00:00:00",
    "2026-04-31 12:00:00",
    "2026-13-01 00:00:00",
    "2026-00-10 00:00:00",
    "2026-01-01 24:00:00",
    "2026-01-01 23:60:00",
    "2026-01-01 23:59:61",
    "2026-01-01",
    "2026-1-1 0:0:0",
    "26-01-01 00:00:00",
    "2026/01/01 00:00:00",
    "2026-01-01 00:00:00.1234567",
    "2026-01-01T00:00:00Z+01",
    "yesterday",
    "1e12",
    "",
  ),
  oddString,
);

export const OPERATORS = ["equals", "contains", "startswith", "endswith", "gt", "gte", "lt", "lte"] as const;

/** A filter value: an operator prefix (real, unknown or none) and any value. */
export const filterValue: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.constantFrom(...OPERATORS, "like", "in", "EQUALS", "", "not"), fc.constant(null)),
    fc.oneof(
      oddString,
      fc.constantFrom(
        "2026-01-01 00:00:00",
        "1",
        "true",
        "True",
        "0",
        "",
        "-0",
        "2147483648",
        "-2147483649",
        "999999999999999",
        "1e3",
        "0x1F",
      ),
      fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map(String),
      unknownUuid,
      badDatetime,
    ),
  )
  .map(([op, value]) => (op === null ? value : `${op}:${value}`));
