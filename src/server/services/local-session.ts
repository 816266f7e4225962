/**
 * `cohort up` connects the CLI to the server it just started without asking for a password: it
 * holds the store itself, so it opens a session for the default user directly, exactly as a
 * login would, and no password is ever written to disk (SPEC §2).
 */
import { BadRequest } from "../errors.js";
import { flag } from "../store/dialect.js";
import { findUserById } from "../store/repos/users.js";
import { startSession, type LoginResult } from "./authentication.js";
import type { Ctx } from "./context.js";

export async function openLocalSession(ctx: Ctx, userId: string, client = "cohort CLI (local)"): Promise<LoginResult> {
  const user = await findUserById(ctx.db.kysely, userId);
  if (!user) throw new BadRequest(`Unable to open a session: no user with ID '${userId}' exists.`);
  // A session of a pending or deactivated user would be refused on its first request anyway.
  if (!flag(user.active)) throw new BadRequest(`User '${user.name}' is not active, so no session can be opened for it.`);
  return startSession(ctx, user, { client, source: "local" });
}
