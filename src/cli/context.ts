/**
 * What every command gets: the CLI config, the resolved connection, and a Client opened on first
 * use over the right transport (remote when connected, the local store otherwise).
 */
import { Client } from "./client.js";
import { configDir, readConfig, type StoredConfig } from "./config-file.js";
import { UsageError } from "./errors.js";
import { withProgress } from "./progress.js";

export const DEFAULT_WORKSPACE = "default";

export interface Connection {
  mode: "remote" | "local";
  /** The server's URL (remote mode). */
  url?: string;
  token?: string;
  username?: string;
  workspace: string;
  /** COHORT_URL or COHORT_TOKEN decided the connection instead of the config file. */
  fromEnv: boolean;
}

/** A server URL as the config stores it: http(s), no trailing slash. */
export function serverUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(`'${raw}' is not a URL: give the server's address, e.g. http://127.0.0.1:8237`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`'${raw}' is not an http:// or https:// URL.`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/** COHORT_URL and COHORT_TOKEN override the config file, for scripts and CI (SPEC §2). */
export function resolveConnection(stored: StoredConfig, env: NodeJS.ProcessEnv): Connection {
  const url = env.COHORT_URL ? serverUrl(env.COHORT_URL) : stored.url;
  const sameServer = url !== undefined && url === stored.url;
  // The stored token belongs to the stored server: it is never sent to another one.
  const token = env.COHORT_TOKEN || (sameServer ? stored.token : undefined);
  return {
    mode: url ? "remote" : "local",
    url,
    token,
    username: sameServer && !env.COHORT_TOKEN ? stored.username : undefined,
    workspace: stored.workspace ?? DEFAULT_WORKSPACE,
    fromEnv: Boolean(env.COHORT_URL || env.COHORT_TOKEN),
  };
}

export class CliContext {
  readonly dir: string;
  /** Set by commands that must outlive their action (`server start`). */
  keepAlive = false;
  private storedConfig?: StoredConfig;
  private opened?: Promise<Client>;

  constructor(readonly env: NodeJS.ProcessEnv) {
    this.dir = configDir(env);
  }

  get stored(): StoredConfig {
    return (this.storedConfig ??= readConfig(this.dir));
  }

  /** Forget the cached config after a command rewrote it. */
  reload(): void {
    this.storedConfig = undefined;
  }

  get connection(): Connection {
    return resolveConnection(this.stored, this.env);
  }

  /** The client for this command: opened once, on first use. */
  client(): Promise<Client> {
    return (this.opened ??= this.open());
  }

  private async open(): Promise<Client> {
    const { url, token } = this.connection;
    if (url) {
      const { httpTransport } = await import("./transport-http.js");
      return new Client(await httpTransport(url, token));
    }
    const { localTransport } = await import("./transport-local.js");
    // Loading the server code and opening the store takes a moment on a cold start.
    return new Client(await withProgress("Opening the local store…", () => localTransport(this.env)));
  }

  async close(): Promise<void> {
    if (this.opened) await (await this.opened.catch(() => undefined))?.close();
  }
}
