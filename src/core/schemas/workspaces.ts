import { z } from "zod";
import { longText, name } from "./common.js";

export const workspaceCreate = z.strictObject({ name, description: longText.optional().default("") });
export type WorkspaceCreate = z.infer<typeof workspaceCreate>;

export const workspaceUpdate = z.strictObject({ name: name.nullish(), description: longText.nullish() });
export type WorkspaceUpdate = z.infer<typeof workspaceUpdate>;
