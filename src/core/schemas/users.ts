/** Request bodies for users, the current user and activation (ZenML's User*Model fields). */
import { z } from "zod";
import { email, name, password, text } from "./common.js";

export const userCreate = z.strictObject({
  name,
  full_name: text.optional().default(""),
  email: email.nullish(),
  email_opted_in: z.boolean().nullish(),
  hub_token: z.string().nullish(),
  /** Ignored: the server decides (active with a password, pending without). */
  active: z.boolean().nullish(),
  password: password.nullish(),
  /** Ignored: the server generates activation tokens itself. */
  activation_token: z.string().nullish(),
});
export type UserCreate = z.infer<typeof userCreate>;

export const userUpdate = z.strictObject({
  name: name.nullish(),
  full_name: text.nullish(),
  email: email.nullish(),
  email_opted_in: z.boolean().nullish(),
  hub_token: z.string().nullish(),
  active: z.boolean().nullish(),
  password: password.nullish(),
  /** Required with `password` when changing one's own password. */
  old_password: password.nullish(),
  activation_token: z.string().nullish(),
});
export type UserUpdate = z.infer<typeof userUpdate>;

export const userActivate = z.strictObject({
  activation_token: z.string().max(256),
  password,
  name: name.nullish(),
  full_name: text.nullish(),
  email: email.nullish(),
  email_opted_in: z.boolean().nullish(),
  hub_token: z.string().nullish(),
  active: z.boolean().nullish(),
});
export type UserActivate = z.infer<typeof userActivate>;

export const emailOptIn = z.strictObject({
  email: z.union([email, z.literal("")]).nullish(),
  email_opted_in: z.boolean().nullish(),
});
export type EmailOptIn = z.infer<typeof emailOptIn>;

export const userDeleteQuery = z.object({ transfer_to: z.string().max(255).optional() });
