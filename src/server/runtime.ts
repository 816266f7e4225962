/**
 * Opens everything a server or the CLI's local mode needs: the store (migrated), the first-start
 * bootstrap and the server identity.
 */
import type { Config } from "./config.js";
import { bootstrap, type BootstrapOptions } from "./services/bootstrap.js";
import type { Ctx } from "./services/context.js";
import { serverIdentity } from "./services/bootstrap.js";
import { openDatabase } from "./store/db.js";
import { migrateToLatest } from "./store/migrate.js";

export interface Runtime {
  ctx: Ctx;
  serverId: string;
  secretKey: string;
  defaultUserId: string;
  setupLink: string | undefined;
  /** For the server's log: what an admin should see to (bootstrap's warnings). */
  warnings: string[];
  close(): Promise<void>;
}

export async function openRuntime(config: Config, options: BootstrapOptions = {}): Promise<Runtime> {
  const db = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db);
    const ctx: Ctx = { db, config };
    const boot = await bootstrap(ctx, options);
    const identity = await serverIdentity(ctx);
    return {
      ctx,
      serverId: identity.id,
      secretKey: identity.secretKey,
      defaultUserId: boot.defaultUserId,
      setupLink: boot.setupLink,
      warnings: boot.warnings,
      close: () => db.close(),
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
