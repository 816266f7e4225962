/** `/users`: list, create (invite), get, update, delete, activate, deactivate, unlock, email opt-in. */
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { SIGNUP_LINK_HEADER, signupLink } from "../../../core/signup-link.js";
import { emailOptIn, userActivate, userCreate, userUpdate } from "../../../core/schemas/users.js";
import { activateUser, deactivateUser } from "../../services/activation.js";
import { setEmailOptIn } from "../../services/email-opt-in.js";
import { unlockUser } from "../../services/user-unlock.js";
import { createUser, deleteUser, getUser, listUsers, updateUser } from "../../services/users.js";
import { USER_FILTERS } from "../../store/repos/users.js";
import { actorOf } from "../access.js";
import { parseListParams } from "../list-params.js";
import type { WireUser } from "../../presenters/wire.js";
import type { RouteModule } from "./index.js";
import { API, listQuery, nameOrIdParams, typed } from "./shared.js";

const params = nameOrIdParams("user_name_or_id");

/** A user answered with a fresh activation token also gets the sign-up link it makes. */
function withSignupLink(reply: FastifyReply, baseUrl: string, user: WireUser): WireUser {
  if (user.activation_token) reply.header(SIGNUP_LINK_HEADER, signupLink(baseUrl, user, user.activation_token));
  return user;
}

export const userRoutes: RouteModule = (app, rt) => {
  const r = typed(app);
  const ctx = rt.ctx;
  r.get(`${API}/users`, { config: { access: "read" }, schema: { querystring: listQuery } }, (request) =>
    listUsers(ctx, actorOf(request), parseListParams(request.query, USER_FILTERS)),
  );
  r.post(
    `${API}/users`,
    // assign_default_role is a ZenML leftover the clients still send; roles are assigned separately.
    { config: { access: "write" }, schema: { body: userCreate, querystring: z.object({ assign_default_role: z.string().optional() }) } },
    async (request, reply) => withSignupLink(reply, ctx.config.baseUrl, await createUser(ctx, actorOf(request), request.body)),
  );
  r.get(`${API}/users/:user_name_or_id`, { config: { access: "read" }, schema: { params } }, (request) =>
    getUser(ctx, actorOf(request), request.params.user_name_or_id),
  );
  // Editing oneself needs only `me`, so the policy decides inside the service.
  r.put(`${API}/users/:user_name_or_id`, { config: { access: "session" }, schema: { params, body: userUpdate } }, (request) =>
    updateUser(ctx, actorOf(request), request.params.user_name_or_id, request.body),
  );
  r.delete(
    `${API}/users/:user_name_or_id`,
    { config: { access: "write" }, schema: { params, querystring: z.object({ transfer_to: z.string().min(1).max(255).optional() }) } },
    async (request) => {
      await deleteUser(ctx, actorOf(request), request.params.user_name_or_id, request.query.transfer_to);
      return null;
    },
  );
  r.put(
    `${API}/users/:user_name_or_id/activate`,
    { config: { access: "public" }, schema: { params, body: userActivate, security: [] } },
    (request) => activateUser(ctx, request.params.user_name_or_id, request.body, request.ip),
  );
  r.put(`${API}/users/:user_name_or_id/deactivate`, { config: { access: "write" }, schema: { params } }, async (request, reply) =>
    withSignupLink(reply, ctx.config.baseUrl, await deactivateUser(ctx, actorOf(request), request.params.user_name_or_id)),
  );
  r.put(`${API}/users/:user_name_or_id/unlock`, { config: { access: "write" }, schema: { params } }, (request) =>
    unlockUser(ctx, actorOf(request), request.params.user_name_or_id),
  );
  r.put(`${API}/users/:user_name_or_id/email-opt-in`, { config: { access: "me" }, schema: { params, body: emailOptIn } }, (request) =>
    setEmailOptIn(ctx, actorOf(request), request.params.user_name_or_id, request.body),
  );
};
