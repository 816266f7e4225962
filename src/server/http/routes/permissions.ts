/** `GET /permissions`: the catalogue, `["read", "write", "me"]`. */
import { PERMISSIONS } from "../../../core/permissions.js";
import type { RouteModule } from "./index.js";
import { API } from "./shared.js";

export const permissionRoutes: RouteModule = (app) => {
  app.get(`${API}/permissions`, { config: { access: "session" } }, async () => [...PERMISSIONS]);
};
