import type { RouteModule } from "./index.js";

export const roleRoutes: RouteModule = () => {};
