/**
 * The password rule of SPEC §5.2, shared by the server, which enforces it, and the dashboard, which
 * shows it while you type, so the two can never disagree: from the configured minimum length to
 * 128 characters, no composition rules, and at least 10^10 guesses as zxcvbn estimates them (its
 * score-4 threshold), knowing the owner's name, full name and email.
 *
 * The estimator's dictionaries (1.6 MB of word lists) load on first use: the dashboard fetches them
 * as a chunk of their own when a password form opens; the server loads them in a worker thread of
 * their own (server/auth/password-estimator.ts).
 */
export const PASSWORD_MAX_LENGTH = 128;
/** COHORT_PASSWORD_MIN_LENGTH: its default, and the lowest it may be set to. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_LOWEST_MIN_LENGTH = 8;
/** Passwords the estimator guesses in fewer tries are refused. */
export const MIN_GUESSES = 1e10;

/** Whose password it is: the estimator treats these as words an attacker would try first. */
export interface PasswordOwner {
  name?: string | null;
  full_name?: string | null;
  email?: string | null;
}

export interface Estimate {
  guesses: number;
  /** The estimator's hint: what makes it guessable and what would help. */
  hint: string;
}

export type Estimator = (password: string, ownerWords: string[]) => Estimate;

/** Each value whole and split into its words ("Ada Lovelace", "ada.l@example.com" → ada, lovelace, example…). */
export function ownerWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  for (const value of [owner.name, owner.full_name, owner.email]) {
    if (!value) continue;
    words.add(value);
    for (const part of value.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

const FALLBACK_HINT = "Add another word or two; uncommon words are best.";

let loading: Promise<Estimator> | undefined;

/** The estimator, its dictionaries loaded on the first call. */
export function loadEstimator(): Promise<Estimator> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
      // The default (100) tries so many l33t readings that a 128-character run of symbols costs
      // over a second of CPU; 4 still sees through p4$$w0rd, at under a tenth of that.
      l33tMaxSubstitutions: 4,
      maxLength: PASSWORD_MAX_LENGTH,
    });
    return (password, words) => {
      const { guesses, feedback } = zxcvbn.check(password, words);
      const hint = [feedback.warning, ...feedback.suggestions].filter(Boolean).join(" ");
      return { guesses, hint: hint || FALLBACK_HINT };
    };
  })();
  // A load that failed (a chunk the browser could not fetch) is tried again on the next call.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** What is wrong with a password's length, or null. Needs no dictionaries. */
export function lengthProblem(password: string, minLength: number): string | null {
  const length = [...password].length;
  if (length < minLength) return `Password must be at least ${minLength} characters long.`;
  if (length > PASSWORD_MAX_LENGTH) return `Password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  return null;
}

/** What is wrong with a password the estimator guessed in `estimate.guesses` tries, or null. */
export function guessProblem(estimate: Estimate): string | null {
  return estimate.guesses < MIN_GUESSES ? `Password is too easy to guess: ${estimate.hint}` : null;
}

export interface PasswordVerdict {
  /** Why the password is refused, as the server says it; null when it passes. */
  problem: string | null;
  /** The estimate, once the length allows one. */
  estimate: Estimate | null;
}

/** The whole rule, for a caller that holds the estimator (the dashboard): length first, then the estimate. */
export function judgePassword(estimate: Estimator, password: string, minLength: number, owner: PasswordOwner): PasswordVerdict {
  const problem = lengthProblem(password, minLength);
  if (problem) return { problem, estimate: null };
  const result = estimate(password, ownerWords(owner));
  return { problem: guessProblem(result), estimate: result };
}
