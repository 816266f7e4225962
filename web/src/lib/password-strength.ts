/**
 * The password rule as you type (SPEC §5.2, §8): the verdict of src/core/password-strength.ts, the
 * very rule the server applies, with a meter and a label. The estimator's dictionaries are
 * fetched when a password form first shows, as chunks of their own, so no other page loads them.
 * The dashboard does not know the server's COHORT_PASSWORD_MIN_LENGTH and asks for the default;
 * a server set otherwise says so when the form is sent.
 */
import { useEffect, useMemo, useState } from "react";
import {
  judgePassword,
  loadEstimator,
  MIN_GUESSES,
  ownerWords,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type Estimator,
  type PasswordOwner,
} from "../../../src/core/password-strength.js";

export type StrengthLevel = "empty" | "checking" | "weak" | "fair" | "strong";

export interface Strength {
  level: StrengthLevel;
  /** 0–100 for a meter: full at the guesses the rule asks for. */
  score: number;
  label: string;
  hint: string;
  /** Why the form must not be sent (the server's own words), or null. */
  problem: string | null;
}

const EMPTY_HINT = "Long passphrases of a few unrelated words are strong and easy to remember.";
/** Beyond the rule's minimum by this factor, a password is called very strong. */
const VERY_STRONG = MIN_GUESSES * 1e4;

/** The strength of `password` for `owner`; `estimate` is undefined while the dictionaries load. */
export function passwordStrength(estimate: Estimator | undefined, password: string, owner: PasswordOwner): Strength {
  if (password === "") return { level: "empty", score: 0, label: "", hint: EMPTY_HINT, problem: null };
  if (!estimate) return { level: "checking", score: 0, label: "Checking strength…", hint: "", problem: null };
  const verdict = judgePassword(estimate, password, PASSWORD_MIN_LENGTH, owner);
  // A password still too short gets the meter too, so it grows from the first character.
  const { guesses, hint } = verdict.estimate ?? estimate(password, ownerWords(owner));
  const score = Math.max(0, Math.min(100, Math.round((Math.log10(guesses) / Math.log10(MIN_GUESSES)) * 100)));
  if (verdict.problem && !verdict.estimate) {
    const label = [...password].length > PASSWORD_MAX_LENGTH ? "Too long" : "Too short";
    return { level: "weak", score: Math.min(score, 50), label, hint: verdict.problem, problem: verdict.problem };
  }
  if (verdict.problem) return { level: guesses < 1e6 ? "weak" : "fair", score, label: "Too easy to guess", hint, problem: verdict.problem };
  return { level: "strong", score, label: guesses >= VERY_STRONG ? "Very strong" : "Strong", hint: "Hard to guess.", problem: null };
}

/** `passwordStrength` with the estimator fetched on first use. */
export function usePasswordStrength(password: string, owner: PasswordOwner): Strength {
  const [estimate, setEstimate] = useState<Estimator>();
  useEffect(() => {
    let mounted = true;
    // A chunk that fails to load leaves the hint at "checking"; the server still applies the rule.
    loadEstimator().then(
      (loaded) => mounted && setEstimate(() => loaded),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, []);
  const { name, full_name, email } = owner;
  // Estimating a long password takes milliseconds: once per change of what it depends on.
  return useMemo(() => passwordStrength(estimate, password, { name, full_name, email }), [estimate, password, name, full_name, email]);
}
