/** `PUT /users/{id}/email-opt-in`: the dashboard's email prompt, for oneself only. */
import type { EmailOptIn } from "../../core/schemas/users.js";
import type { Actor } from "../policy/actor.js";
import { authorizeEmailOptIn, authorizeEmailOptInRequest } from "../policy/users.js";
import { presentUser } from "../presenters/users.js";
import type { WireUser } from "../presenters/wire.js";
import { toFlag } from "../store/dialect.js";
import { updateUser } from "../store/repos/users.js";
import { now } from "../store/time.js";
import { audit } from "./audit.js";
import { transaction, type Ctx } from "./context.js";
import { requireFreeIdentity, requireUser, viewFor } from "./users.js";

export async function setEmailOptIn(ctx: Ctx, actor: Actor, nameOrId: string, body: EmailOptIn): Promise<WireUser> {
  authorizeEmailOptInRequest(actor, nameOrId);
  const target = await requireUser(ctx.db.kysely, nameOrId);
  authorizeEmailOptIn(actor, target);
  const email = body.email ? body.email : null;
  return transaction(
    ctx,
    async (q) => {
      await requireFreeIdentity(q, { email }, target.id, "update");
      await updateUser(q, target.id, {
        updated: now(),
        email,
        email_key: email?.toLowerCase() ?? null,
        email_opted_in: toFlag(body.email_opted_in ?? email !== null),
      });
      await audit(
        q,
        actor,
        "user.email_opt_in",
        { type: "user", id: target.id, name: target.name },
        { opted_in: body.email_opted_in ?? email !== null },
      );
      return presentUser(q, await requireUser(q, target.id), viewFor(actor));
    },
    { conflict: "Another user already uses this email address." },
  );
}
