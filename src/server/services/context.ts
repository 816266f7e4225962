/**
 * What every service function gets: the store and the configuration. Services are plain functions
 * over this context and one Actor; none of them knows HTTP.
 */
import { setTimeout } from "node:timers/promises";
import type { Config } from "../config.js";
import { Conflict } from "../errors.js";
import type { Db } from "../store/db.js";
import { AccessWrites, advanceAccessGeneration } from "../store/access-generation.js";
import { isRetryableAbort, isUniqueViolation, lockAccessGuard } from "../store/dialect.js";
import type { Q } from "../store/repos/users.js";

export interface Ctx {
  readonly db: Db;
  readonly config: Config;
}

export interface TxOptions {
  /** Take the access guard lock: the change may alter who holds which permission. */
  guard?: boolean;
  /** The 409 message if the change hits a unique index, or a function that finds it out. */
  conflict?: string | (() => Conflict | Promise<Conflict>);
}

/** Attempts at a transaction the database aborts as a deadlock victim, before giving up. */
const ATTEMPTS = 5;

/**
 * Runs `fn` in one transaction: everything it writes, audit event included, lands together or not
 * at all. Unique-index violations become a 409 with the caller's message. A transaction the
 * database aborted to break a deadlock wrote nothing, so it runs again after a short random pause
 * (concurrent inserts into the same indexes deadlock on MariaDB now and then); `fn` must therefore
 * only write through `q`. When `fn` wrote anything that decides access, the transaction advances
 * the access generation as its last statement (store/access-generation.ts).
 */
export async function transaction<T>(ctx: Ctx, fn: (q: Q) => Promise<T>, options: TxOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Without the store's refusal to write access tables: here they are written, and watched.
      return await ctx.db.kysely
        .withoutPlugins()
        .transaction()
        .execute(async (tx) => {
          const writes = new AccessWrites();
          const q = tx.withPlugin(writes);
          if (options.guard) await lockAccessGuard(q, ctx.db.dialect);
          const result = await fn(q);
          if (writes.changed) await advanceAccessGeneration(tx);
          return result;
        });
    } catch (err) {
      if (isRetryableAbort(err) && attempt < ATTEMPTS) {
        await setTimeout(Math.random() * 10 * attempt);
        continue;
      }
      if (isUniqueViolation(err) && options.conflict) {
        throw typeof options.conflict === "string" ? new Conflict(options.conflict) : await options.conflict();
      }
      throw err;
    }
  }
}
