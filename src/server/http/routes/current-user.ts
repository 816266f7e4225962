/** `/current-user` and its sessions. Any live session may call these (SPEC §4 rule 3). */
import { userUpdate } from "../../../core/schemas/users.js";
import {
  getCurrentUser,
  getMySession,
  listMySessions,
  revokeMyOtherSessions,
  revokeMySession,
  updateCurrentUser,
} from "../../services/current-user.js";
import { actorOf } from "../access.js";
import type { RouteModule } from "./index.js";
import { API, idParams, typed } from "./shared.js";

export const currentUserRoutes: RouteModule = (app, rt) => {
  const r = typed(app);
  const session = { access: "session" } as const;
  r.get(`${API}/current-user`, { config: session }, (request) => getCurrentUser(rt.ctx, actorOf(request)));
  r.put(`${API}/current-user`, { config: { access: "me" }, schema: { body: userUpdate } }, (request) =>
    updateCurrentUser(rt.ctx, actorOf(request), request.body),
  );
  r.get(`${API}/current-user/sessions`, { config: session }, (request) => listMySessions(rt.ctx, actorOf(request)));
  r.delete(`${API}/current-user/sessions`, { config: session }, async (request) => {
    await revokeMyOtherSessions(rt.ctx, actorOf(request));
    return null;
  });
  r.get(`${API}/current-user/sessions/:session_id`, { config: session, schema: { params: idParams("session_id") } }, (request) =>
    getMySession(rt.ctx, actorOf(request), request.params.session_id),
  );
  r.delete(`${API}/current-user/sessions/:session_id`, { config: session, schema: { params: idParams("session_id") } }, async (request) => {
    await revokeMySession(rt.ctx, actorOf(request), request.params.session_id);
    return null;
  });
};
