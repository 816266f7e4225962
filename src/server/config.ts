/**
 * Server configuration from `COHORT_*` environment variables (README lists each with its default).
 * Parsed once at start; a bad value stops the server with a one-line message.
 */
import { isIP } from "node:net";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { PASSWORD_LOWEST_MIN_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../core/password-strength.js";
import { name } from "../core/schemas/common.js";

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  /** Set when COHORT_SECRET_KEY is given; otherwise the store keeps a generated one. */
  secretKey: string | undefined;
  /** Base of links the server prints (invites, setup); never taken from a request. */
  baseUrl: string;
  defaultUserName: string;
  defaultUserPassword: string | undefined;
  inviteTtlSeconds: number;
  sessionIdleTtlSeconds: number;
  sessionMaxTtlSeconds: number;
  passwordMinLength: number;
  /** Failed logins per account (or unknown name) within the window before it is locked for the window. */
  loginMaxFailures: number;
  /** Failed logins per source address within the window. */
  loginMaxFailuresPerAddress: number;
  loginWindowSeconds: number;
  /** How long a device token (SPEC §5.1 device cookies) lives after the login that issued it. */
  loginDeviceTtlSeconds: number;
  /** Which hops in front may write X-Forwarded-For (SPEC §5.1 "client address"). */
  trustProxy: TrustProxy;
  logLevel: string;
  /** Said once when the server starts: settings read differently from what their value suggests. */
  startWarnings: string[];
  /** The bearer token `/metrics` asks for; unset, only a listener of its own serves it. */
  metricsToken: string | undefined;
  /** Where `/metrics` is served apart from the API; unset, it is served beside it, with the token. */
  metricsAddress: ListenAddress | undefined;
}

export interface ListenAddress {
  host: string;
  port: number;
}

/**
 * Who may add to X-Forwarded-For: nobody (off), the `hops` proxies nearest the server, or proxies
 * at these addresses, CIDR ranges or proxy-addr's named ranges. The client address is the
 * right-most entry no trusted hop added.
 */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `90`, `90s`, `15m`, `12h`, `7d` → seconds. */
export function parseDuration(name: string, value: string): number {
  const m = /^(\d+)\s*([smhd]?)$/.exec(value.trim());
  if (!m) throw new Error(`${name} must be a duration like 3600, 15m, 12h or 7d (got '${value}')`);
  const n = Number(m[1]) * (UNITS[m[2] || "s"] ?? 1);
  if (n <= 0) throw new Error(`${name} must be positive`);
  return n;
}

function int(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got '${value}')`);
  return n;
}

/** `127.0.0.1:9464` or `[::1]:9464`. */
function listenAddress(name: string, value: string): ListenAddress {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value.trim());
  const port = Number(m?.[3]);
  if (!m || port > 65535) throw new Error(`${name} must be HOST:PORT, e.g. 127.0.0.1:9464 (got '${value}')`);
  return { host: (m[1] ?? m[2]) as string, port };
}

/** A secret a client sends: long enough that it cannot be guessed one request at a time. */
function secret(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 16) throw new Error(`${name} must be at least 16 characters long`);
  return value;
}

/** proxy-addr's names for the loopback, link-local and private ranges. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);
const MAX_HOPS = 32;

/** An IPv4 or IPv6 address, with an optional CIDR prefix length, or a named range. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || address.includes("%") || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** COHORT_TRUST_PROXY: off (unset, `false`, `0`), a number of hops, or a comma-separated address list. */
export function parseTrustProxy(value: string | undefined, warnings: string[]): TrustProxy {
  const text = (value ?? "").trim();
  if (text === "" || text === "false" || text === "0") return false;
  if (text === "true") {
    // The old boolean trusted every hop, so the client picked its own address; one hop is what it
    // almost always meant (one proxy in front).
    warnings.push(
      "COHORT_TRUST_PROXY=true is read as one proxy hop: the client address is the right-most X-Forwarded-For entry. Set it to the number of proxy hops or to your proxies' addresses to silence this.",
    );
    return { hops: 1 };
  }
  if (/^\d+$/.test(text)) return { hops: int("COHORT_TRUST_PROXY", text, 1, MAX_HOPS) };
  const addresses = text.split(",").map((entry) => entry.trim());
  if (!addresses.every(isProxyAddress)) {
    throw new Error(
      `COHORT_TRUST_PROXY must be off (false), a number of proxy hops (1-${MAX_HOPS}) or a comma-separated list of proxy addresses or CIDR ranges (got '${value}')`,
    );
  }
  return { addresses };
}

/** A name setting, held to the rules of names given through the API (SPEC §5.4) and stored as they are. */
function settingName(setting: string, value: string): string {
  const parsed = name.safeParse(value);
  if (!parsed.success)
    throw new Error(`${setting} ${parsed.error.issues[0]?.message ?? "is not a valid name"} (got ${JSON.stringify(value)})`);
  return parsed.data;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME;
  return resolve(env.COHORT_DATA_DIR ?? (xdg ? join(xdg, "cohort") : join(homedir(), ".local", "share", "cohort")));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const host = overrides.host ?? env.COHORT_HOST ?? "127.0.0.1";
  const port = overrides.port ?? int("COHORT_PORT", env.COHORT_PORT ?? "8237", 0, 65535);
  const dataDir = overrides.dataDir ?? defaultDataDir(env);
  const databaseUrl = overrides.databaseUrl ?? env.COHORT_DATABASE_URL ?? `sqlite://${join(dataDir, "cohort.db")}`;
  const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const passwordMinLength = int(
    "COHORT_PASSWORD_MIN_LENGTH",
    env.COHORT_PASSWORD_MIN_LENGTH ?? String(PASSWORD_MIN_LENGTH),
    PASSWORD_LOWEST_MIN_LENGTH,
    PASSWORD_MAX_LENGTH,
  );
  const startWarnings: string[] = [];
  return {
    host,
    port,
    dataDir,
    databaseUrl,
    secretKey: env.COHORT_SECRET_KEY || undefined,
    baseUrl: (overrides.baseUrl ?? env.COHORT_BASE_URL ?? `http://${shownHost}:${port}`).replace(/\/+$/, ""),
    defaultUserName: settingName("COHORT_DEFAULT_USER_NAME", env.COHORT_DEFAULT_USER_NAME ?? "default"),
    defaultUserPassword: env.COHORT_DEFAULT_USER_PASSWORD || undefined,
    inviteTtlSeconds: parseDuration("COHORT_INVITE_TTL", env.COHORT_INVITE_TTL ?? "7d"),
    sessionIdleTtlSeconds: parseDuration("COHORT_SESSION_IDLE_TTL", env.COHORT_SESSION_IDLE_TTL ?? "7d"),
    sessionMaxTtlSeconds: parseDuration("COHORT_SESSION_MAX_TTL", env.COHORT_SESSION_MAX_TTL ?? "30d"),
    passwordMinLength,
    loginMaxFailures: int("COHORT_LOGIN_MAX_FAILURES", env.COHORT_LOGIN_MAX_FAILURES ?? "10", 1, 1000),
    loginMaxFailuresPerAddress: int("COHORT_LOGIN_MAX_FAILURES_PER_ADDRESS", env.COHORT_LOGIN_MAX_FAILURES_PER_ADDRESS ?? "100", 1, 100000),
    loginWindowSeconds: parseDuration("COHORT_LOGIN_WINDOW", env.COHORT_LOGIN_WINDOW ?? "15m"),
    loginDeviceTtlSeconds: parseDuration("COHORT_LOGIN_DEVICE_TTL", env.COHORT_LOGIN_DEVICE_TTL ?? "90d"),
    trustProxy: parseTrustProxy(env.COHORT_TRUST_PROXY, startWarnings),
    logLevel: env.COHORT_LOG_LEVEL ?? "info",
    metricsToken: secret("COHORT_METRICS_TOKEN", env.COHORT_METRICS_TOKEN),
    metricsAddress: env.COHORT_METRICS_ADDRESS ? listenAddress("COHORT_METRICS_ADDRESS", env.COHORT_METRICS_ADDRESS) : undefined,
    startWarnings,
    ...overrides,
  };
}
