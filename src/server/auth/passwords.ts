/**
 * Password hashing and policy (SPEC §5.2): argon2id with m = 19 MiB, t = 2, p = 1, run on
 * @node-rs/argon2's thread pool so hashing never blocks the event loop; new passwords are held to
 * the rule the dashboard shows (core/password-strength.ts).
 */
import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { guessProblem, lengthProblem, ownerWords, type PasswordOwner } from "../../core/password-strength.js";
import { ValidationFailed } from "../errors.js";
import { estimatePassword } from "./password-estimator.js";

const ARGON2ID = 2;
export const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

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

/**
 * Refuses a new password the rule of SPEC §5.2 refuses (core/password-strength.ts), with a 422 that
 * says why: its length, or the estimator's hint. `owner` is whose password it will be.
 */
export async function checkPasswordPolicy(password: string, minLength: number, owner: PasswordOwner): Promise<void> {
  const problem = lengthProblem(password, minLength) ?? guessProblem(await estimatePassword(password, ownerWords(owner)));
  if (problem) throw new ValidationFailed(problem);
}
