/** `GET /current-user/abilities`: what the policy lets the caller do, for the dashboard to show. */
import { z } from "zod";
import { MAX_ABILITY_TARGETS } from "../../../core/abilities.js";
import { getAbilities } from "../../services/abilities.js";
import { actorOf } from "../access.js";
import type { RouteModule } from "./index.js";
import { API, typed } from "./shared.js";

/** A comma-separated list of ids: the targets one page of the dashboard shows. */
const idList = z
  .string()
  .max(MAX_ABILITY_TARGETS * 37)
  .transform((value) => (value === "" ? [] : value.split(",").map((id) => id.trim().toLowerCase())))
  .pipe(z.array(z.uuid({ message: "must be comma-separated UUIDs" })).max(MAX_ABILITY_TARGETS));

const targets = z.strictObject({
  users: idList.optional(),
  roles: idList.optional(),
  workspaces: idList.optional(),
  teams: idList.optional(),
  stacks: idList.optional(),
  components: idList.optional(),
});

export const abilityRoutes: RouteModule = (app, rt) => {
  typed(app).get(`${API}/current-user/abilities`, { config: { access: "session" }, schema: { querystring: targets } }, (request) =>
    getAbilities(rt.ctx, actorOf(request), request.query),
  );
};
