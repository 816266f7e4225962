/**
 * The dashboard's pure helpers: the strength hint (with the server's estimator), name checks, the
 * API's zone-less UTC times, login redirects.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseUtc } from "../../web/src/lib/dates.js";
import { judgePassword, loadEstimator, PASSWORD_MIN_LENGTH } from "../../src/core/password-strength.js";
import { passwordStrength } from "../../web/src/lib/password-strength.js";
import { safeNext } from "../../web/src/lib/safe-next.js";
import { fieldError } from "../../web/src/lib/validation.js";
import { name } from "../../src/core/schemas/common.js";

describe("password strength hint", () => {
  it("says what the server's rule says, in the same words", async () => {
    const estimate = await loadEstimator();
    const owner = { name: "zephyrine", full_name: "Zephyrine Quillfeather" };
    const samples = [
      "short1",
      "password1234",
      "aaaaaaaaaaaa",
      "passwordpassword",
      "zephyrinequillfeather",
      "quarry lantern bicycle umbrella",
    ];
    assert.deepEqual(
      samples.map((p) => passwordStrength(estimate, p, owner).label),
      ["Too short", "Too easy to guess", "Too easy to guess", "Too easy to guess", "Too easy to guess", "Very strong"],
    );
    for (const p of samples) {
      assert.equal(passwordStrength(estimate, p, owner).problem, judgePassword(estimate, p, PASSWORD_MIN_LENGTH, owner).problem, p);
    }
    assert.match(passwordStrength(estimate, "password1234", owner).hint, /commonly used password/, "the estimator's hint");
  });

  it("has nothing to say about an empty field, and waits for the dictionaries", () => {
    assert.equal(passwordStrength(undefined, "", {}).level, "empty");
    assert.deepEqual(passwordStrength(undefined, "anything at all", {}), {
      level: "checking",
      score: 0,
      label: "Checking strength…",
      hint: "",
      problem: null,
    });
  });

  it("scores stay within the meter, and fill it at the rule's threshold", async () => {
    const estimate = await loadEstimator();
    for (const p of ["x", "a".repeat(200), "Zq9!".repeat(50), "quarry lantern bicycle umbrella"]) {
      const { score } = passwordStrength(estimate, p, {});
      assert.ok(score >= 0 && score <= 100, `${p.length} chars → ${score}`);
    }
    assert.equal(passwordStrength(estimate, "quarry lantern bicycle umbrella", {}).score, 100);
  });
});

describe("name fields", () => {
  it("refuse hidden characters with the server's words, naming the character", () => {
    assert.equal(
      fieldError(name, "default\u200b", "Username"),
      "Username must not contain control, invisible or bidirectional-override characters (found U+200B)",
    );
    assert.equal(fieldError(name, "invoice-\u202egpj.exe", "Name")?.endsWith("(found U+202E)"), true);
    assert.equal(fieldError(name, "cafe\u0301", "Name"), null);
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
