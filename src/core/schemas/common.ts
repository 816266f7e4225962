/**
 * Field schemas shared by every request body. Strict objects: unknown fields are refused (422),
 * so a typo or a smuggled field (`is_admin`, `user`) never passes silently.
 */
import { z } from "zod";

/** Names: trimmed, 1–255 characters, no control characters. */
export const name = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(255, "must be at most 255 characters")
  .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

export const text = z.string().max(255, "must be at most 255 characters");
export const longText = z.string().max(10_000, "must be at most 10000 characters");
/** A format's message for a value that is there; a missing one keeps zod's own, read as "field required". */
const whenGiven = (message: string) => (issue: { input: unknown }) => (issue.input === undefined ? undefined : message);
export const uuid = z.uuid({ error: whenGiven("must be a UUID") });
export const email = z.email({ error: whenGiven("must be an email address") }).max(255);
/** Passwords are checked by the server's policy (length, common list); here only their type. */
export const password = z.string().max(1024, "is too long");
