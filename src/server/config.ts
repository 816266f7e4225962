/**
 * Server configuration from `COHORT_*` environment variables (README lists each with its default).
 * Parsed once at start; a bad value stops the server with a one-line message.
 */
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
  /** Failed logins per username within the window before it is locked for the window. */
  loginMaxFailures: number;
  /** Failed logins per source address within the window. */
  loginMaxFailuresPerAddress: number;
  loginWindowSeconds: number;
  /** Trust X-Forwarded-For from a proxy in front (off by default: the address is then spoofable). */
  trustProxy: boolean;
  logLevel: string;
}

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
    trustProxy: (env.COHORT_TRUST_PROXY ?? "false") === "true",
    logLevel: env.COHORT_LOG_LEVEL ?? "info",
    ...overrides,
  };
}
