/**
 * Password hashing and policy (SPEC §5.2): argon2id with m = 19 MiB, t = 2, p = 1, run on
 * @node-rs/argon2's thread pool so hashing never blocks the event loop.
 */
import { readFileSync } from "node:fs";
import { hash, verify } from "@node-rs/argon2";
import { ValidationFailed } from "../errors.js";

const ARGON2ID = 2;
export const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters than the configured ones. */
export function needsRehash(stored: string): boolean {
  const { memoryCost, timeCost, parallelism } = HASH_OPTIONS;
  return !stored.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`);
}

/**
 * A hash of a random password, computed once: logins for unknown users verify against it so
 * that they take as long as logins for real ones.
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}-${Date.now()}`);
  return dummy;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL("../../../data/common-passwords.txt", import.meta.url), "utf8")
      .split("\n")
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

/** Throws a 422 naming the rule a new password breaks. */
export function checkPasswordPolicy(password: string, minLength: number): void {
  const length = [...password].length;
  if (length < minLength) throw new ValidationFailed(`Password must be at least ${minLength} characters long.`);
  if (length > MAX_LENGTH) throw new ValidationFailed(`Password must be at most ${MAX_LENGTH} characters long.`);
  if (commonPasswords().has(password.toLowerCase())) {
    throw new ValidationFailed("Password is one of the most commonly used passwords; choose another.");
  }
}
