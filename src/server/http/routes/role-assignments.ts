import type { RouteModule } from "./index.js";

export const roleAssignmentRoutes: RouteModule = () => {};
