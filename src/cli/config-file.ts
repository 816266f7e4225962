/**
 * The CLI's own settings: `$COHORT_CONFIG_DIR/config.json` (default `$XDG_CONFIG_HOME/cohort`, else
 * `~/.config/cohort`). It holds a bearer token, so it is written 0600 in a 0700 directory, and
 * replaced atomically so a crash never leaves half a file.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { CliError } from "./errors.js";

export interface StoredConfig {
  /** The connected server; absent in local mode. */
  url?: string;
  token?: string;
  username?: string;
  /** The active workspace (a name), `default` when unset. */
  workspace?: string;
  /**
   * The active stack of each workspace: workspace id → stack id (ids, so renames keep them). A
   * connection's stacks belong to its server: connect and disconnect start without any.
   */
  stacks?: Record<string, string>;
  /**
   * The device token of each server URL the CLI logged in to (SPEC §5.1 device cookies): sent with
   * later logins there, it gets them past a lockout an attacker caused. Kept across connections.
   */
  devices?: Record<string, string>;
}

/** A map of strings as read (`stacks`, `devices`): string values only, anything else dropped. */
function stringMap(value: unknown): Record<string, string> | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.COHORT_CONFIG_DIR) return resolve(env.COHORT_CONFIG_DIR);
  return join(env.XDG_CONFIG_HOME ? resolve(env.XDG_CONFIG_HOME) : join(homedir(), ".config"), "cohort");
}

function configPath(dir: string): string {
  return join(dir, "config.json");
}

export function readConfig(dir: string): StoredConfig {
  let text: string;
  try {
    text = readFileSync(configPath(dir), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new CliError(`Cannot read the CLI config ${configPath(dir)}: ${(err as Error).message}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    const out: StoredConfig = {};
    for (const key of ["url", "token", "username", "workspace"] as const) {
      const value = (parsed as Record<string, unknown>)[key];
      if (typeof value === "string" && value) out[key] = value;
    }
    const stacks = stringMap((parsed as Record<string, unknown>).stacks);
    if (stacks) out.stacks = stacks;
    const devices = stringMap((parsed as Record<string, unknown>).devices);
    if (devices) out.devices = devices;
    return out;
  } catch {
    throw new CliError(`The CLI config ${configPath(dir)} is not valid JSON: fix it or delete it.`);
  }
}

export function writeConfig(dir: string, config: StoredConfig): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = configPath(dir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(config, null, 2) + "\n", { mode: 0o600 });
  // The mode given to writeFileSync is filtered by the umask; make sure.
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/** Reads, changes and writes the config; `undefined` values remove their key. */
export function updateConfig(dir: string, patch: { [K in keyof StoredConfig]?: StoredConfig[K] | undefined }): StoredConfig {
  const next: StoredConfig = { ...readConfig(dir) };
  for (const [key, value] of Object.entries(patch) as [keyof StoredConfig, StoredConfig[keyof StoredConfig]][]) {
    if (value === undefined) delete next[key];
    else Object.assign(next, { [key]: value });
  }
  writeConfig(dir, next);
  return next;
}
