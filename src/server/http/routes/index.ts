/** The route modules, one per resource, registered in this order. */
import type { FastifyInstance } from "fastify";
import type { Runtime } from "../../runtime.js";
import { abilityRoutes } from "./abilities.js";
import { auditRoutes } from "./audit.js";
import { authRoutes } from "./auth.js";
import { componentRoutes } from "./components.js";
import { currentUserRoutes } from "./current-user.js";
import { operationRoutes } from "./operations.js";
import { permissionRoutes } from "./permissions.js";
import { pipelineRoutes } from "./pipelines.js";
import { roleAssignmentRoutes } from "./role-assignments.js";
import { roleRoutes } from "./roles.js";
import { serverRoutes } from "./server.js";
import { stackRoutes } from "./stacks.js";
import { teamRoutes } from "./teams.js";
import { userRoutes } from "./users.js";
import { workspaceRoutes } from "./workspaces.js";

export type RouteModule = (app: FastifyInstance, rt: Runtime) => void | Promise<void>;

export const routeModules: readonly RouteModule[] = [
  serverRoutes,
  operationRoutes,
  authRoutes,
  currentUserRoutes,
  abilityRoutes,
  userRoutes,
  permissionRoutes,
  roleRoutes,
  roleAssignmentRoutes,
  teamRoutes,
  workspaceRoutes,
  stackRoutes,
  componentRoutes,
  pipelineRoutes,
  auditRoutes,
];
