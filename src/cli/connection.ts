/**
 * Saving and ending the CLI's login. A token is stored only once it has worked, and a session the
 * CLI replaces or drops is logged out on its server, so no live token is left behind anywhere.
 * Device tokens (one per server URL) outlive connections: they say this CLI logged in before.
 */
import { Client } from "./client.js";
import { writeConfig, type StoredConfig } from "./config-file.js";
import type { CliContext } from "./context.js";

/** How long a courtesy logout may take before the CLI gives up on it. */
const LOGOUT_TIMEOUT_MS = 3000;

/** Logs the stored session out; best effort, because its server may be gone for good. */
async function endStoredSession(stored: StoredConfig): Promise<void> {
  if (!stored.url || !stored.token) return;
  try {
    const { httpTransport } = await import("./transport-http.js");
    await new Client(await httpTransport(stored.url, stored.token, LOGOUT_TIMEOUT_MS)).post("/logout");
  } catch {
    // Unreachable or already dead: either way the token no longer matters.
  }
}

export interface SavedConnection {
  url: string;
  token: string;
  username: string;
  workspace: string;
  /** The device token the login got, if any (it replaces the one kept for this URL). */
  device?: string;
}

/** The kept device tokens, as a config fragment. */
const keptDevices = (devices: StoredConfig["devices"]): StoredConfig => (devices ? { devices } : {});

export async function saveConnection(ctx: CliContext, { device, ...connection }: SavedConnection): Promise<void> {
  const previous = ctx.stored;
  if (previous.token !== connection.token) await endStoredSession(previous);
  const devices = device ? { ...previous.devices, [connection.url]: device } : previous.devices;
  writeConfig(ctx.dir, { ...connection, ...keptDevices(devices) });
  ctx.reload();
}

/** Back to local mode (with the `default` workspace). */
export async function dropConnection(ctx: CliContext): Promise<void> {
  const previous = ctx.stored;
  await endStoredSession(previous);
  writeConfig(ctx.dir, keptDevices(previous.devices));
  ctx.reload();
}
