/** What component settings and `--since`/`--until` values mean, checked without spawning the CLI. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidArgumentError } from "commander";
import { parseConfiguration } from "../../src/cli/component-config.js";
import { UsageError } from "../../src/cli/errors.js";
import { timeBound } from "../../src/cli/time-bound.js";

describe("component settings", () => {
  it("take key=value and ZenML's --key=value; JSON values as JSON, the rest as text", () => {
    assert.deepEqual(parseConfiguration(["path=/tmp/a=b", "--retries=3", "secure=true", 'tags=["a"]', 'project="0042"', "empty="]), {
      path: "/tmp/a=b",
      retries: 3,
      secure: true,
      tags: ["a"],
      project: "0042",
      empty: "",
    });
  });

  it("refuse anything that is not a setting", () => {
    for (const arg of ["path", "=x", "--share", "-x=1"]) assert.throws(() => parseConfiguration([arg]), UsageError, arg);
  });
});

describe("--since and --until", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");

  it("take dates, times (UTC unless zoned) and spans back from now", () => {
    assert.equal(timeBound("2026-11-20", now), "2026-11-20 00:00:00");
    assert.equal(timeBound("2026-11-20 09:30", now), "2026-11-20 09:30:00");
    assert.equal(timeBound("2026-11-20T09:30:15+02:00", now), "2026-11-20 07:30:15");
    assert.equal(timeBound("90m", now), "2026-11-23 10:30:00");
    assert.equal(timeBound("7d", now), "2026-11-16 12:00:00");
  });

  it("refuse anything else as a usage error", () => {
    for (const value of ["yesterday", "2026-13-45", "2026-02-30", "2026-11-20 24:00", "5y", ""])
      assert.throws(() => timeBound(value, now), InvalidArgumentError, value);
  });
});
