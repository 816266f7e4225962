import { z } from "zod";
import { name, uuid } from "./common.js";

const members = z.array(uuid).max(10_000);

export const teamCreate = z.strictObject({ name, users: members.nullish() });
export type TeamCreate = z.infer<typeof teamCreate>;

/** Without `users` the members stay as they are (ZenML emptied the team: SPEC §6 fixes that). */
export const teamUpdate = z.strictObject({ name: name.nullish(), users: members.nullish() });
export type TeamUpdate = z.infer<typeof teamUpdate>;
