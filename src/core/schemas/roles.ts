import { z } from "zod";
import { PERMISSIONS } from "../permissions.js";
import { name, uuid } from "./common.js";

const permission = z.enum(PERMISSIONS, { message: `must be one of ${PERMISSIONS.join(", ")}` });

export const roleCreate = z.strictObject({ name, permissions: z.array(permission).max(3) });
export type RoleCreate = z.infer<typeof roleCreate>;

export const roleUpdate = z.strictObject({ name: name.nullish(), permissions: z.array(permission).max(3).nullish() });
export type RoleUpdate = z.infer<typeof roleUpdate>;

export const userRoleAssignmentCreate = z.strictObject({ user: uuid, role: uuid, workspace: uuid.nullish() });
export type UserRoleAssignmentCreate = z.infer<typeof userRoleAssignmentCreate>;

export const teamRoleAssignmentCreate = z.strictObject({ team: uuid, role: uuid, workspace: uuid.nullish() });
export type TeamRoleAssignmentCreate = z.infer<typeof teamRoleAssignmentCreate>;
