/**
 * Device tokens (SPEC §5.1 device cookies): proof that a browser or CLI logged in to an account
 * before. `<user id>.<device id>.<expiry, epoch seconds>.<MAC>`, the MAC an HMAC-SHA256 under the
 * server's secret key (shared by every server on the store) over those fields and the account's
 * `updated` time and password hash. Nothing is stored for a token: any change to the account (a
 * password change, a deactivation, an activation, a profile edit) moves `updated` or the hash and
 * so voids every token issued before it, on every server at once.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** What a token is bound to: the account and the state of its credentials when it was issued. */
export interface DeviceAccount {
  id: string;
  updated: string;
  password_hash: string | null;
}

/** Longer than any token this module issues; longer ones are not even parsed. */
const MAX_LENGTH = 200;
const DEVICE_ID = /^[0-9a-f]{32}$/;
const EXPIRY = /^\d{1,12}$/;

function mac(secretKey: string, account: DeviceAccount, deviceId: string, expires: string): string {
  return createHmac("sha256", secretKey)
    .update(`device:${account.id}.${deviceId}.${expires}\n${account.updated}\n${account.password_hash ?? ""}`)
    .digest("base64url");
}

/** A new device token for the account, valid for `ttlSeconds`. */
export function issueDeviceToken(secretKey: string, account: DeviceAccount, ttlSeconds: number): string {
  const deviceId = randomBytes(16).toString("hex");
  const expires = String(Math.floor(Date.now() / 1000) + ttlSeconds);
  return `${account.id}.${deviceId}.${expires}.${mac(secretKey, account, deviceId, expires)}`;
}

/**
 * The device id of `token` when it is a live token of this very account, else undefined (absent,
 * malformed, expired, forged, another account's, or issued before the account last changed).
 */
export function deviceOf(secretKey: string, token: string | undefined, account: DeviceAccount | undefined): string | undefined {
  if (!token || !account || token.length > MAX_LENGTH) return undefined;
  const [userId = "", deviceId = "", expires = "", sent = "", ...rest] = token.split(".");
  if (rest.length > 0 || userId !== account.id || !DEVICE_ID.test(deviceId) || !EXPIRY.test(expires)) return undefined;
  if (Number(expires) * 1000 <= Date.now()) return undefined;
  // Compared as text: base64url decoding would let several spellings of one MAC through.
  const expected = Buffer.from(mac(secretKey, account, deviceId, expires));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : undefined;
}
