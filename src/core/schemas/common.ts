/**
 * Field schemas shared by every request body. Strict objects: unknown fields are refused (422),
 * so a typo or a smuggled field (`is_admin`, `user`) never passes silently.
 */
import { z } from "zod";

/**
 * What makes a name show differently from what it is (SPEC §5.4): controls (Cc); format characters
 * (Cf: zero-width spaces and joiners, soft hyphen, word joiner, byte order mark, the bidirectional
 * marks, embeddings, overrides and isolates, tag characters); everything else Unicode calls
 * default-ignorable, which renderers draw as nothing (variation selectors, the combining grapheme
 * joiner, Hangul fillers); line and paragraph separators; lone surrogates and noncharacters, which
 * are no text at all; and the blank Braille pattern, which draws as a space that `trim()` keeps.
 */
const HIDDEN = String.raw`\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\p{Noncharacter_Code_Point}\u2800`;
/** One hidden character, as defined above. */
export const HIDDEN_CHARACTER = new RegExp(`[${HIDDEN}]`, "u");

function hiddenCharacter(value: unknown): string {
  const found = typeof value === "string" ? HIDDEN_CHARACTER.exec(value)?.[0] : undefined;
  return found === undefined ? "" : ` (found U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;
}

/**
 * Names of users, teams, roles, workspaces, stacks and components (and pipelines): trimmed, free
 * of hidden characters, stored NFC-normalised so that one name has one spelling, 1–255 characters.
 */
export const name = z
  .string()
  .trim()
  // A pattern rather than a refinement, so that the API docs show the rule.
  .regex(new RegExp(`^[^${HIDDEN}]*$`, "u"), {
    error: (issue) => `must not contain control, invisible or bidirectional-override characters${hiddenCharacter(issue.input)}`,
  })
  .normalize("NFC")
  .min(1, "must not be empty")
  .max(255, "must be at most 255 characters");

export const text = z.string().max(255, "must be at most 255 characters");
export const longText = z.string().max(10_000, "must be at most 10000 characters");
/** A format's message for a value that is there; a missing one keeps zod's own, read as "field required". */
const whenGiven = (message: string) => (issue: { input: unknown }) => (issue.input === undefined ? undefined : message);
export const uuid = z.uuid({ error: whenGiven("must be a UUID") });
export const email = z.email({ error: whenGiven("must be an email address") }).max(255);
/** Passwords are checked by the server's policy (length, common list); here only their type. */
export const password = z.string().max(1024, "is too long");
