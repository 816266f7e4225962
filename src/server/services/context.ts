/**
 * What every service function gets: the store and the configuration. Services are plain functions
 * over this context and one Actor; none of them knows HTTP.
 */
import type { Config } from "../config.js";
import { Conflict } from "../errors.js";
import type { Db } from "../store/db.js";
import { isUniqueViolation, lockAccessGuard } from "../store/dialect.js";
import type { Q } from "../store/repos/users.js";

export interface Ctx {
  readonly db: Db;
  readonly config: Config;
}

export interface TxOptions {
  /** Take the access guard lock: the change may alter who holds which permission. */
  guard?: boolean;
  /** The 409 message if the change hits a unique index. */
  conflict?: string | (() => Conflict);
}

/**
 * Runs `fn` in one transaction: everything it writes, audit event included, lands together or not
 * at all. Unique-index violations become a 409 with the caller's message.
 */
export async function transaction<T>(ctx: Ctx, fn: (q: Q) => Promise<T>, options: TxOptions = {}): Promise<T> {
  try {
    return await ctx.db.kysely.transaction().execute(async (q) => {
      if (options.guard) await lockAccessGuard(q, ctx.db.dialect);
      return fn(q);
    });
  } catch (err) {
    if (isUniqueViolation(err) && options.conflict) {
      throw typeof options.conflict === "string" ? new Conflict(options.conflict) : options.conflict();
    }
    throw err;
  }
}
