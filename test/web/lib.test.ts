/** The dashboard's pure helpers: the strength hint, the API's zone-less UTC times, login redirects. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseUtc } from "../../web/src/lib/dates.js";
import { passwordStrength } from "../../web/src/lib/password-strength.js";
import { safeNext } from "../../web/src/lib/safe-next.js";

describe("password strength hint", () => {
  it("grows with length and variety, and sees through repeats and runs", () => {
    const samples = ["", "short1", "aaaaaaaaaaaaaaaa", "abcdefghijklmnop", "Password1234", "correct horse", "correct horse battery staple"];
    assert.deepEqual(
      samples.map((p) => passwordStrength(p).level),
      ["empty", "weak", "weak", "weak", "fair", "good", "strong"],
    );
  });

  it("scores stay within the meter", () => {
    for (const p of ["", "x", "a".repeat(200), "Zq9!".repeat(50)]) {
      const { score } = passwordStrength(p);
      assert.ok(score >= 0 && score <= 100, `${p.length} chars → ${score}`);
    }
  });
});

describe("API times", () => {
  it("reads zone-less times as UTC and keeps explicit zones", () => {
    assert.equal(parseUtc("2024-05-01T09:30:00").toISOString(), "2024-05-01T09:30:00.000Z");
    assert.equal(parseUtc("2024-05-01T09:30:00.123456").toISOString(), "2024-05-01T09:30:00.123Z");
    assert.equal(parseUtc("2024-05-01T09:30:00+02:00").toISOString(), "2024-05-01T07:30:00.000Z");
    assert.equal(parseUtc("2024-05-01T09:30:00Z").toISOString(), "2024-05-01T09:30:00.000Z");
  });
});

describe("where the login page returns to", () => {
  it("follows paths inside the dashboard only", () => {
    assert.equal(safeNext("/settings/roles?x=1"), "/settings/roles?x=1");
    for (const hostile of [null, "", "https://evil.example", "//evil.example", "/\\evil.example", "settings"]) {
      assert.equal(safeNext(hostile), "/", String(hostile));
    }
  });
});
