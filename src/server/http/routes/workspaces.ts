import type { RouteModule } from "./index.js";

export const workspaceRoutes: RouteModule = () => {};
