/**
 * Opaque secrets: session tokens and activation tokens. Only their SHA-256 digests are stored,
 * and digests are compared in constant time.
 */
import { hash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes as 64 hex characters (ZenML's activation token format). */
export function newActivationToken(): string {
  return randomBytes(32).toString("hex");
}

/** 32 random bytes (256 bits), URL-safe, prefixed so leaked tokens are recognisable in scans. */
export function newSessionToken(): string {
  return "coh_" + randomBytes(32).toString("base64url");
}

/** One call, no Hash object: every authenticated request digests its token (Node ≥ 20.12). */
export function digest(secret: string): string {
  return hash("sha256", secret, "hex");
}

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Whether a secret sent matches the configured one, in time that tells nothing of either. */
export function sameSecret(sent: string, expected: string): boolean {
  return sameDigest(digest(sent), digest(expected));
}
