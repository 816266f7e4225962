/**
 * Password hashing and policy (SPEC §5.2): argon2id with m = 19 MiB, t = 2, p = 1, run on
 * @node-rs/argon2's thread pool so hashing never blocks the event loop.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { ValidationFailed } from "../errors.js";

const ARGON2ID = 2;
export const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const MAX_LENGTH = 128;

/**
 * Hashes running at once. argon2 runs on libuv's thread pool (four threads), so a flood of logins
 * would otherwise put four memory-hard hashes on the cores the event loop needs, and every other
 * request would wait behind them (SPEC §11: other requests keep p99 ≤ 50 ms while logins run flat
 * out). One core is left to the event loop; further hashes queue, in order, for a free slot.
 */
const HASH_SLOTS = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, so `running` only drops when none waits.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return inHashSlot(() => hash(password, HASH_OPTIONS));
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await inHashSlot(() => verify(stored, password));
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
