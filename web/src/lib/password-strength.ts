/**
 * A rough strength estimate for the sign-up and password forms: the bits a guesser faces if the
 * characters were random. It only nudges; the server's policy (length, common passwords) decides.
 */
export type StrengthLevel = "empty" | "weak" | "fair" | "good" | "strong";

export interface Strength {
  level: StrengthLevel;
  /** 0–100, for a meter. */
  score: number;
  label: string;
  hint: string;
}

function poolSize(password: string): number {
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/\d/.test(password)) pool += 10;
  if (/[^a-zA-Z\d]/.test(password)) pool += 33;
  return pool;
}

/** Repeats and runs ("aaaa", "1234") add little: count each such character as a quarter. */
function effectiveLength(password: string): number {
  let length = 0;
  for (let i = 0; i < password.length; i++) {
    const code = password.charCodeAt(i);
    const previous = password.charCodeAt(i - 1);
    length += i > 0 && Math.abs(code - previous) <= 1 ? 0.25 : 1;
  }
  return length;
}

export function passwordStrength(password: string): Strength {
  if (password === "")
    return { level: "empty", score: 0, label: "", hint: "Long passphrases of a few unrelated words are strong and easy to remember." };
  const bits = effectiveLength(password) * Math.log2(Math.max(poolSize(password), 2));
  const score = Math.min(100, Math.round((bits / 90) * 100));
  if (password.length < 12 || bits < 45) return { level: "weak", score, label: "Weak", hint: "Too easy to guess: make it longer." };
  if (bits < 60) return { level: "fair", score, label: "Fair", hint: "Add a word or a few characters to make it stronger." };
  if (bits < 80) return { level: "good", score, label: "Good", hint: "A few more characters would make it strong." };
  return { level: "strong", score, label: "Strong", hint: "Hard to guess." };
}
