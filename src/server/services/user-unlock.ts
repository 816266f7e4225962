/**
 * Lifting a login lockout (SPEC §5.1): ten failures lock an account for the login window, whoever
 * caused them; an admin who knows it was not the owner lets the owner back in at once. The
 * address's counter stays: the failures still came from there.
 */
import type { Actor } from "../policy/actor.js";
import { authorizeChangeUsers, authorizeUnlockUser } from "../policy/users.js";
import { presentUser } from "../presenters/users.js";
import type { WireUser } from "../presenters/wire.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";
import { heldUser } from "./held-principals.js";
import { clearAccountFailures, lockedAccounts } from "./login-throttle.js";
import { requireUser, viewFor } from "./users.js";

export async function unlockUser(ctx: Ctx, actor: Actor, nameOrId: string): Promise<WireUser> {
  // Before the lookup, so that a refusal does not tell whether the user exists.
  authorizeChangeUsers(actor);
  const q = ctx.db.kysely;
  const target = await heldUser(q, await requireUser(q, nameOrId));
  authorizeUnlockUser(actor, target);
  const wasLocked = (await lockedAccounts(ctx, [target.id])).has(target.id);
  return transaction(ctx, async (tx) => {
    await clearAccountFailures(tx, target.id);
    await audit(tx, actor, "user.unlock", { type: "user", id: target.id, name: target.name }, { was_locked: wasLocked });
    return presentUser(tx, target, viewFor(actor));
  });
}
